package dev.retort.autogenerate;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** Hand-built schemas for autogenerate tests, in PostgreSQL's canonical spelling. */
final class Fixtures {

    private Fixtures() {
    }

    static Column col(String name, String type) {
        return Column.of(name, type, true);
    }

    static Column notNull(String name, String type) {
        return Column.of(name, type, false);
    }

    static Column withDefault(String name, String type, boolean nullable, String def) {
        return new Column(name, type, nullable, def, null, null);
    }

    static TableBuilder table(String name, Column... columns) {
        return new TableBuilder(name, List.of(columns));
    }

    static Schema schema(Table... tables) {
        return new Schema(List.of(tables), List.of(), List.of(), List.of());
    }

    static final class TableBuilder {
        private final String name;
        private final List<Column> columns;
        private PrimaryKey pk;
        private final List<UniqueConstraint> uniques = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<ForeignKey> fks = new ArrayList<>();
        private final List<CheckConstraint> checks = new ArrayList<>();
        private String comment;

        TableBuilder(String name, List<Column> columns) {
            this.name = name;
            this.columns = columns;
        }

        TableBuilder pk(String name, String... columns) {
            pk = new PrimaryKey(name, List.of(columns));
            return this;
        }

        TableBuilder unique(String name, String... columns) {
            uniques.add(new UniqueConstraint(name, List.of(columns)));
            return this;
        }

        TableBuilder index(String name, boolean unique, String... columns) {
            indexes.add(new Index(name, List.of(columns), unique));
            return this;
        }

        TableBuilder fk(String name, String column, String table, ForeignKey.ReferentialAction onDelete) {
            fks.add(new ForeignKey(name, List.of(column), null, table, List.of("id"), onDelete, null));
            return this;
        }

        TableBuilder check(String name, String expression) {
            checks.add(new CheckConstraint(name, expression));
            return this;
        }

        TableBuilder comment(String comment) {
            this.comment = comment;
            return this;
        }

        Table build() {
            return new Table(null, name, columns, pk, uniques, indexes, fks, checks, comment);
        }
    }
}
