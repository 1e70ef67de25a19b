package dev.retort.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One revision as its script declares it: its id, the revisions it revises (several for a merge, none for a base),
 * the revisions or branch labels it depends on, and the branch labels it introduces.
 *
 * <p>What the graph derives from these (children, propagated labels, head and branchpoint flags) lives in
 * {@link RevisionGraph}, never here.
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels) {

    private static final String ILLEGAL_CHARACTERS = "@-+:";

    /**
     * Creates a revision, checking what Alembic checks when it builds one: the id is not empty, contains none of
     * {@code @ - + :}, and the revision neither revises nor depends on itself.
     */
    public Revision {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("Revision id must not be empty");
        }
        verifyId(id);
        downRevisions = distinct(downRevisions);
        dependsOn = distinct(dependsOn);
        branchLabels = distinct(branchLabels);
        if (downRevisions.contains(id)) {
            throw new CycleDetectedException(CycleDetectedException.Kind.SELF_LOOP, List.of(id));
        }
        if (dependsOn.contains(id)) {
            throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_SELF_LOOP, List.of(id));
        }
    }

    /** A revision with parents only, the common case in tests. */
    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), List.of());
    }

    /** Whether this revision has no down revision (it may still depend on others). */
    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    /** Whether this revision has more than one down revision. */
    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }

    /**
     * Throws {@link IllegalRevisionIdException} when the id contains a character Alembic forbids in revision
     * identifiers.
     */
    public static void verifyId(String id) {
        Set<Character> illegal = null;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (ILLEGAL_CHARACTERS.indexOf(c) >= 0) {
                if (illegal == null) {
                    illegal = new TreeSet<>();
                }
                illegal.add(c);
            }
        }
        if (illegal != null) {
            throw new IllegalRevisionIdException(id, List.copyOf(illegal));
        }
    }

    private static List<String> distinct(List<String> values) {
        if (values.size() <= 1) {
            return List.copyOf(values);
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
