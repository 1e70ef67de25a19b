package dev.retort;

import java.util.List;

/**
 * The options of {@code revision --autogenerate} and {@code check}.
 *
 * @param allowEmpty whether to write a revision even when nothing changed ({@code --allow-empty})
 * @param renames {@code TABLE.OLD=NEW} column renames and {@code OLD_TABLE=NEW_TABLE} table renames to write
 *         instead of drop + add ({@code --rename}, repeatable)
 * @param dropUnmapped whether tables, types and sequences the target doesn't have are dropped
 *         ({@code --drop-unmapped}); otherwise they are left alone
 */
public record AutogenerateOptions(boolean allowEmpty, List<String> renames, boolean dropUnmapped) {

    public AutogenerateOptions {
        renames = renames == null ? List.of() : List.copyOf(renames);
    }

    /** No empty revision, no renames, unmapped objects left alone. */
    public static AutogenerateOptions defaults() {
        return new AutogenerateOptions(false, List.of(), false);
    }
}
