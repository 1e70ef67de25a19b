package dev.retort;

import java.util.List;

/**
 * The options of {@code revision} and {@code merge}.
 *
 * @param message the message ({@code -m}); the first line of the header and the file name's slug
 * @param heads the revisions to build on: {@code head} by default, {@code base} for a new root, several for a merge
 * @param splice whether a parent that is not a head is allowed (starting a new branch)
 * @param branchLabels labels the new revision introduces
 * @param dependsOn revisions or labels the new revision depends on
 * @param revId a chosen id instead of a random 12-hex one
 */
public record RevisionOptions(String message, List<String> heads, boolean splice, List<String> branchLabels,
        List<String> dependsOn, String revId) {

    public RevisionOptions {
        heads = heads == null || heads.isEmpty() ? List.of("head") : List.copyOf(heads);
        branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A new revision on the single head, with this message. */
    public static RevisionOptions message(String message) {
        return new RevisionOptions(message, List.of(), false, List.of(), List.of(), null);
    }
}
