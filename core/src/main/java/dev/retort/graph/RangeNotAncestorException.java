package dev.retort.graph;

/** The two ends of a range, or the current revisions and a target, are not along one branch. */
public class RangeNotAncestorException extends RevisionGraphException {

    private final String lower;
    private final String upper;

    public RangeNotAncestorException(String lower, String upper) {
        super("Revision " + orBase(lower) + " is not an ancestor of revision " + orBase(upper));
        this.lower = lower;
        this.upper = upper;
    }

    /** Alembic's {@code lower or "base"}: nothing (null or empty) stands for base. */
    private static String orBase(String end) {
        return end == null || end.isEmpty() ? "base" : end;
    }

    /** The lower end as given, {@code null} for base. */
    public String lower() {
        return lower;
    }

    /** The upper end as given, {@code null} for base. */
    public String upper() {
        return upper;
    }
}
