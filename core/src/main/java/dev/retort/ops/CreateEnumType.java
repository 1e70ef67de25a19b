package dev.retort.ops;

import dev.retort.schema.EnumType;

/**
 * {@code CREATE TYPE … AS ENUM (…)}.
 *
 * @param type the type with its labels in order
 */
public record CreateEnumType(EnumType type) implements Op {

    @Override
    public DropEnumType reverse() {
        return new DropEnumType(type);
    }
}
