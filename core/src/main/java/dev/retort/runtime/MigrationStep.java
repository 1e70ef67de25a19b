package dev.retort.runtime;

import java.util.List;
import java.util.Set;

/**
 * One step of a run: a revision's upgrade or downgrade, or a stamp move. Each step knows how it changes the
 * version rows, with Alembic's rules ({@code RevisionStep} / {@code StampStep} in {@code alembic.runtime.migration}).
 */
public sealed interface MigrationStep permits RevisionStep, StampStep {

    /** {@code upgrade}, {@code downgrade} or {@code stamp_revision}, as Alembic names the step's function. */
    String name();

    boolean isUpgrade();

    /** The rows this step moves from, dependencies left out (as log lines print them). */
    List<String> fromRevisionsNoDeps();

    /** The rows this step moves to, dependencies left out. */
    List<String> toRevisionsNoDeps();

    /** The revision's message, or {@code null} for a stamp. */
    String doc();

    boolean shouldDeleteBranch(Set<String> heads);

    boolean shouldCreateBranch(Set<String> heads);

    boolean shouldMergeBranches(Set<String> heads);

    boolean shouldUnmergeBranches(Set<String> heads);

    String deleteVersionNum();

    String insertVersionNum();

    /** The rows to delete, the row to update, and its new value. */
    MergeIdents mergeBranchIdents(Set<String> heads);

    /** The row to update, its new value, and the rows to insert. */
    UnmergeIdents unmergeBranchIdents(Set<String> heads);

    /** The row to update and its new value. */
    List<String> updateVersionNum(Set<String> heads);

    /** Alembic's short log: {@code upgrade a -> b}. */
    default String shortLog() {
        return name() + " " + String.join(", ", fromRevisionsNoDeps()) + " -> " + String.join(", ", toRevisionsNoDeps());
    }

    /** Alembic's log line: {@code upgrade a -> b, message}. */
    default String describe() {
        String doc = doc();
        return doc == null || doc.isEmpty() ? shortLog() : shortLog() + ", " + doc;
    }

    /** Rows a merge deletes and the row it updates. */
    record MergeIdents(List<String> delete, String updateFrom, String updateTo) {
    }

    /** The row an unmerge updates and the rows it inserts. */
    record UnmergeIdents(String updateFrom, String updateTo, List<String> insert) {
    }
}
