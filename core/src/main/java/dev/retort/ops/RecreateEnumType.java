package dev.retort.ops;

import dev.retort.schema.Cast;
import dev.retort.schema.EnumType;
import java.util.List;

/**
 * Replaces an enum type's labels where {@code ALTER TYPE} can't (a removed value): drop the casts involving it,
 * rename the old type, create the new one, convert each column ({@code USING column::text::type}), drop the old
 * type, create the casts again. Rows holding a removed value make the conversion fail.
 *
 * @param from the existing type
 * @param to the type it becomes (same schema and name, other labels)
 * @param columns the columns of this type
 * @param casts the casts involving this type
 */
public record RecreateEnumType(EnumType from, EnumType to, List<EnumColumn> columns, List<Cast> casts)
        implements Op {

    public RecreateEnumType {
        columns = List.copyOf(columns);
        casts = List.copyOf(casts);
    }

    /** The labels {@code from} has and {@code to} lacks. */
    public List<String> removedLabels() {
        return from.labels().stream().filter(l -> !to.labels().contains(l)).toList();
    }

    @Override
    public RecreateEnumType reverse() {
        return new RecreateEnumType(to, from, columns, casts);
    }
}
