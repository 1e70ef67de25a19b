package dev.retort.graph;

/** Two revisions declare the same branch label (or a label equals a revision id). */
public class DuplicateBranchLabelException extends RevisionGraphException {

    private final String label;
    private final String revision;
    private final String usedBy;

    public DuplicateBranchLabelException(String label, String revision, String usedBy) {
        super("Branch name '" + label + "' in revision " + revision + " already used by revision " + usedBy);
        this.label = label;
        this.revision = revision;
        this.usedBy = usedBy;
    }

    public String label() {
        return label;
    }

    /** The revision that declares the label a second time. */
    public String revision() {
        return revision;
    }

    /** The revision that declared it first. */
    public String usedBy() {
        return usedBy;
    }
}
