package dev.retort.graph;

/** The two ends of a range, or the current revisions and a target, are not along one branch. */
public class RangeNotAncestorException extends RevisionGraphException {

    private final String lower;
    private final String upper;

    public RangeNotAncestorException(String lower, String upper) {
        super("Revision " + (lower == null ? "base" : lower) + " is not an ancestor of revision "
                + (upper == null ? "base" : upper));
        this.lower = lower;
        this.upper = upper;
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
