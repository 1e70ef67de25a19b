package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tiny notation for graphs in tests: {@code "c<-a,b @label ~dep"} is revision {@code c} revising {@code a} and
 * {@code b}, introducing branch label {@code label} and depending on {@code dep}. Revisions load in the order given.
 */
final class GraphDsl {

    private GraphDsl() {
    }

    static RevisionGraph graph(String... specs) {
        return RevisionGraph.of(revisions(specs));
    }

    static List<Revision> revisions(String... specs) {
        List<Revision> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(revision(spec));
        }
        return out;
    }

    static Revision revision(String spec) {
        String[] parts = spec.trim().split("\\s+");
        String head = parts[0];
        String id = head;
        List<String> down = List.of();
        int arrow = head.indexOf("<-");
        if (arrow >= 0) {
            id = head.substring(0, arrow);
            down = Arrays.asList(head.substring(arrow + 2).split(","));
        }
        List<String> labels = new ArrayList<>();
        List<String> deps = new ArrayList<>();
        for (String part : Arrays.asList(parts).subList(1, parts.length)) {
            if (part.startsWith("@")) {
                labels.addAll(Arrays.asList(part.substring(1).split(",")));
            } else if (part.startsWith("~")) {
                deps.addAll(Arrays.asList(part.substring(1).split(",")));
            } else {
                throw new IllegalArgumentException("bad part " + part + " in " + spec);
            }
        }
        return new Revision(id, down, deps, labels);
    }

    static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
