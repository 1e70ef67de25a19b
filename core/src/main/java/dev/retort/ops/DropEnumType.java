package dev.retort.ops;

import dev.retort.schema.EnumType;

/**
 * {@code DROP TYPE}.
 *
 * @param type the existing type with its labels, so the reverse can create it again
 */
public record DropEnumType(EnumType type) implements Op {

    @Override
    public CreateEnumType reverse() {
        return new CreateEnumType(type);
    }
}
