package dev.retort.graph;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A revision inside a built graph: its declared data plus what the graph derived (children, resolved and
 * normalized dependencies, propagated labels). Edges are indices into the graph's node array, in load order.
 */
final class Node {

    static final int[] NONE = new int[0];

    /** The marker a downward walk returns when it steps below a base revision (Alembic's {@code "base"}). */
    static final Node BASE = new Node();

    final int index;
    final Revision revision;
    final String id;

    /** Versioned down revisions, as declared. */
    int[] down = NONE;
    /** Dependencies resolved to revision ids (labels replaced by the revision carrying them). */
    int[] deps = NONE;
    /** Dependencies minus those an ancestor already depends on. */
    int[] normDeps = NONE;
    /** {@code down} followed by {@code normDeps}, without repeats: the edges plans walk. */
    int[] normDown = NONE;
    /** {@code down} followed by {@code deps}, without repeats. */
    int[] allDown = NONE;
    /** Children through down revisions only. */
    int[] next = NONE;
    /** Children through down revisions or dependencies. */
    int[] allNext = NONE;
    /** Branch labels: declared ones first, then the ones propagated from other revisions. */
    final Set<String> labels = new LinkedHashSet<>();

    private Node() {
        this.index = -1;
        this.revision = null;
        this.id = "base";
    }

    Node(int index, Revision revision) {
        this.index = index;
        this.revision = revision;
        this.id = revision.id();
        labels.addAll(revision.branchLabels());
    }

    boolean isHead() {
        return next.length == 0;
    }

    boolean isRealHead() {
        return allNext.length == 0;
    }

    boolean isBase() {
        return down.length == 0;
    }

    boolean isRealBase() {
        return down.length == 0 && revision.dependsOn().isEmpty();
    }

    boolean isBranchPoint() {
        return next.length > 1;
    }

    boolean isRealBranchPoint() {
        return allNext.length > 1;
    }

    boolean isMergePoint() {
        return down.length > 1;
    }

    static int[] append(int[] array, int value) {
        int[] out = Arrays.copyOf(array, array.length + 1);
        out[array.length] = value;
        return out;
    }

    static boolean contains(int[] array, int value) {
        for (int v : array) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    static int[] concatDistinct(int[] first, int[] second) {
        int[] out = Arrays.copyOf(first, first.length + second.length);
        int n = first.length;
        for (int v : second) {
            if (!contains(first, v)) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        return id;
    }
}
