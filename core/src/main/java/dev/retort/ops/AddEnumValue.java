package dev.retort.ops;

import dev.retort.schema.Cast;
import dev.retort.schema.EnumType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TYPE … ADD VALUE '…' [BEFORE | AFTER '…']}. PostgreSQL can't remove a value, so the reverse recreates
 * the type without it ({@link RecreateEnumType}), converting the columns that use it.
 *
 * @param type the existing type, before the value is added
 * @param value the new label
 * @param before the label it goes before, or {@code null}
 * @param after the label it goes after (when {@code before} is null), or {@code null} for the end
 * @param columns the columns of this type, for the reverse
 * @param casts the casts involving this type, for the reverse
 */
public record AddEnumValue(EnumType type, String value, String before, String after, List<EnumColumn> columns,
        List<Cast> casts) implements Op {

    public AddEnumValue {
        columns = List.copyOf(columns);
        casts = List.copyOf(casts);
    }

    /** The type with the value added in its place. */
    public EnumType result() {
        List<String> labels = new ArrayList<>(type.labels());
        if (before != null) {
            labels.add(labels.indexOf(before), value);
        } else if (after != null) {
            labels.add(labels.indexOf(after) + 1, value);
        } else {
            labels.add(value);
        }
        return new EnumType(type.schema(), type.name(), labels);
    }

    @Override
    public RecreateEnumType reverse() {
        return new RecreateEnumType(result(), type, columns, casts);
    }
}
