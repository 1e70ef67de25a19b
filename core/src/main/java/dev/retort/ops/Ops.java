package dev.retort.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Helpers over operation lists. */
public final class Ops {

    private Ops() {
    }

    /** The downgrade of an upgrade: the operations in reverse order, each reversed. */
    public static List<Op> reverse(List<? extends Op> upgrade) {
        List<Op> out = new ArrayList<>(upgrade.size());
        for (Op op : upgrade) {
            out.add(op.reverse());
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }

    /** Whether any operation (including inside groups) is of this kind. */
    public static boolean contains(List<? extends Op> ops, Class<? extends Op> kind) {
        for (Op op : ops) {
            if (kind.isInstance(op) || op instanceof Group g && contains(g.ops(), kind)) {
                return true;
            }
        }
        return false;
    }
}
