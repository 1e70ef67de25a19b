package dev.retort.ops;

import dev.retort.schema.Cast;

/**
 * {@code DROP CAST (… AS …)}.
 *
 * @param cast the existing cast
 */
public record DropCast(Cast cast) implements Op {

    @Override
    public CreateCast reverse() {
        return new CreateCast(cast);
    }
}
