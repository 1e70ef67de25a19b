package dev.retort.dialect;

import dev.retort.ops.AlterColumnType;

/** H2's SQL for schema operations. H2 has no named enum types or user-defined casts; those operations fail. */
final class H2Ddl extends Ddl {

    H2Ddl(Dialect dialect) {
        super(dialect);
    }

    /** H2 converts the values itself and has no {@code USING}. */
    @Override
    protected String alterColumnType(AlterColumnType o) {
        return alterColumn(o.schema(), o.table(), o.column()) + " SET DATA TYPE " + o.toType();
    }

    /** H2 names an unnamed primary key {@code CONSTRAINT_xx}, which only reading the database can tell. */
    @Override
    protected String defaultPrimaryKeyName(String table) {
        throw new IllegalArgumentException("Can't drop the unnamed primary key of table " + table + " on H2");
    }
}
