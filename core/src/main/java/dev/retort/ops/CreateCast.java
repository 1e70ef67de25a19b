package dev.retort.ops;

import dev.retort.schema.Cast;

/**
 * {@code CREATE CAST (… AS …) WITH INOUT [AS IMPLICIT]}.
 *
 * @param cast the cast
 */
public record CreateCast(Cast cast) implements Op {

    @Override
    public DropCast reverse() {
        return new DropCast(cast);
    }
}
