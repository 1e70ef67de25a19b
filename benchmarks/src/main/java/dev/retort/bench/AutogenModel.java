package dev.retort.bench;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 6's schema: {@code size} tables {@code a0000…} of 10 columns each, an index and a foreign key each (to the
 * table before), as Hibernate 7 writes the DDL for PostgreSQL — and the same model as the Hibernate adapter would hand
 * it to autogenerate (Hibernate's spelling of types and checks, constraints left for PostgreSQL to name).
 */
final class AutogenModel {

    private AutogenModel() {
    }

    // not String.format: its first use (loading and setting up Formatter, 2,000 calls interpreted) was a sixth of
    // the cold check program's CPU, spent before Retort was called
    static String table(int i) {
        String digits = Integer.toString(i);
        return "a" + "0000".substring(Math.min(4, digits.length())) + digits;
    }

    /** The DDL, as one script. */
    static String ddl(int size) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < size; i++) {
            String t = table(i);
            sql.append("create table ").append(t).append(" (active boolean not null, kind smallint check (kind between"
                    + " 0 and 3), amount numeric(19,4), created_at timestamp(6) with time zone not null, id bigint not"
                    + " null, parent_id bigint, code varchar(64) not null, name varchar(255), note varchar(255),"
                    + " status varchar(255) check (status in ('NEW','ACTIVE','DONE')), primary key (id));\n");
            sql.append("create index ix_").append(t).append("_code on ").append(t).append(" (code);\n");
        }
        for (int i = 0; i < size; i++) {
            String t = table(i);
            sql.append("alter table if exists ").append(t).append(" add constraint fk_").append(t)
                    .append("_parent foreign key (parent_id) references ").append(table(Math.max(0, i - 1)))
                    .append(";\n");
        }
        return sql.toString();
    }

    /** The target as the Hibernate adapter describes it. */
    static Schema target(int size) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String t = table(i);
            tables.add(new Table(null, t, List.of(
                    Column.of("active", "boolean", false),
                    Column.of("kind", "smallint", true),
                    Column.of("amount", "numeric(19,4)", true),
                    Column.of("created_at", "timestamp(6) with time zone", false),
                    Column.of("id", "bigint", false),
                    Column.of("parent_id", "bigint", true),
                    Column.of("code", "varchar(64)", false),
                    Column.of("name", "varchar(255)", true),
                    Column.of("note", "varchar(255)", true),
                    Column.of("status", "varchar(255)", true)),
                    new PrimaryKey(null, List.of("id")), List.of(),
                    List.of(new Index("ix_" + t + "_code", List.of("code"), false)),
                    List.of(new ForeignKey("fk_" + t + "_parent", List.of("parent_id"), null, table(Math.max(0, i - 1)),
                            List.of("id"), null, null)),
                    List.of(new CheckConstraint(null, "kind between 0 and 3"),
                            new CheckConstraint(null, "status in ('NEW','ACTIVE','DONE')")),
                    null));
        }
        return new Schema(tables, List.of(), List.of(), List.of());
    }
}
