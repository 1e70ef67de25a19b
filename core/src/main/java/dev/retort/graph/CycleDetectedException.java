package dev.retort.graph;

import java.util.List;

/** The down revisions or dependencies of some revisions form a cycle (or a revision points at itself). */
public class CycleDetectedException extends RevisionGraphException {

    /** Which kind of cycle, worded as Alembic words it. */
    public enum Kind {
        CYCLE("Cycle"),
        DEPENDENCY_CYCLE("Dependency cycle"),
        SELF_LOOP("Self-loop"),
        DEPENDENCY_SELF_LOOP("Dependency self-loop");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private final Kind kind;
    private final List<String> revisions;

    public CycleDetectedException(Kind kind, List<String> revisions) {
        super(kind.words + " is detected in revisions (" + String.join(", ", revisions) + ")");
        this.kind = kind;
        this.revisions = List.copyOf(revisions);
    }

    public Kind kind() {
        return kind;
    }

    /** The revisions on or behind the cycle, sorted. */
    public List<String> revisions() {
        return revisions;
    }
}
