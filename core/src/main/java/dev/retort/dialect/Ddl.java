package dev.retort.dialect;

import dev.retort.ops.AddCheck;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AddForeignKey;
import dev.retort.ops.AddPrimaryKey;
import dev.retort.ops.AddUniqueConstraint;
import dev.retort.ops.AlterColumnDefault;
import dev.retort.ops.AlterColumnIdentity;
import dev.retort.ops.AlterColumnNullable;
import dev.retort.ops.AlterColumnType;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.Comment;
import dev.retort.ops.CreateCast;
import dev.retort.ops.CreateEnumType;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropCast;
import dev.retort.ops.DropCheck;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropEnumType;
import dev.retort.ops.DropForeignKey;
import dev.retort.ops.DropIndex;
import dev.retort.ops.DropPrimaryKey;
import dev.retort.ops.DropSequence;
import dev.retort.ops.DropTable;
import dev.retort.ops.DropUniqueConstraint;
import dev.retort.ops.Group;
import dev.retort.ops.Op;
import dev.retort.ops.RecreateEnumType;
import dev.retort.ops.RenameColumn;
import dev.retort.ops.RenameTable;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@link Op}s as one database's SQL statements, with the dialect's quoting. It renders only: which
 * operations to run is decided elsewhere. Statements come without the trailing semicolon; a {@code CREATE TABLE}
 * spans several lines, everything else is one line.
 *
 * <pre>{@code
 * dialect.ddl().statements(new DropColumn(null, "users", Column.of("email", "text", true)));
 * // [ALTER TABLE users DROP COLUMN email]
 * }</pre>
 */
public abstract class Ddl {

    protected final Dialect dialect;

    protected Ddl(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The statements of one operation (none for a {@link Comment}; a {@link Group}'s in order). */
    public List<String> statements(Op op) {
        List<String> out = new ArrayList<>();
        render(op, out);
        return out;
    }

    // Java 17 has no pattern switch: one instanceof per kind, each a one-line hand-off.
    private void render(Op op, List<String> out) {
        if (op instanceof Group g) {
            g.ops().forEach(o -> render(o, out));
        } else if (op instanceof Comment) {
            return;
        } else if (op instanceof CreateTable o) {
            createTable(o.table(), out);
        } else if (op instanceof DropTable o) {
            out.add("DROP TABLE " + table(o.table().schema(), o.table().name()));
        } else if (op instanceof RenameTable o) {
            out.add(alter(o.schema(), o.from()) + " RENAME TO " + q(o.to()));
        } else if (op instanceof AddColumn o) {
            out.add(alter(o.schema(), o.table()) + " ADD COLUMN " + columnDefinition(o.column()));
            if (o.column().comment() != null) {
                out.add(columnComment(o.schema(), o.table(), o.column().name(), o.column().comment()));
            }
        } else if (op instanceof DropColumn o) {
            out.add(alter(o.schema(), o.table()) + " DROP COLUMN " + q(o.column().name()));
        } else if (op instanceof RenameColumn o) {
            out.add(alter(o.schema(), o.table()) + " RENAME COLUMN " + q(o.from()) + " TO " + q(o.to()));
        } else if (op instanceof AlterColumnType o) {
            out.add(alterColumnType(o));
        } else if (op instanceof AlterColumnNullable o) {
            out.add(alterColumn(o.schema(), o.table(), o.column()) + (o.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        } else if (op instanceof AlterColumnDefault o) {
            out.add(alterColumn(o.schema(), o.table(), o.column())
                    + (o.to() == null ? " DROP DEFAULT" : " SET DEFAULT " + o.to()));
        } else if (op instanceof AlterColumnIdentity o) {
            out.add(alterColumnIdentity(o));
        } else if (op instanceof AddPrimaryKey o) {
            out.add(alter(o.schema(), o.table()) + " ADD " + constraintName(o.primaryKey().name()) + "PRIMARY KEY ("
                    + columns(o.primaryKey().columns()) + ")");
        } else if (op instanceof DropPrimaryKey o) {
            out.add(alter(o.schema(), o.table()) + " DROP CONSTRAINT " + q(o.primaryKey().name() != null
                    ? o.primaryKey().name() : defaultPrimaryKeyName(o.table())));
        } else if (op instanceof AddUniqueConstraint o) {
            out.add(alter(o.schema(), o.table()) + " ADD " + unique(o.constraint()));
        } else if (op instanceof DropUniqueConstraint o) {
            out.add(dropConstraint(o.schema(), o.table(), o.constraint().name(), "unique constraint"));
        } else if (op instanceof CreateIndex o) {
            out.add(createIndex(o.schema(), o.table(), o.index()));
        } else if (op instanceof DropIndex o) {
            out.add("DROP INDEX " + table(o.schema(), o.index().name()));
        } else if (op instanceof AddForeignKey o) {
            out.add(alter(o.schema(), o.table()) + " ADD " + foreignKey(o.foreignKey()));
        } else if (op instanceof DropForeignKey o) {
            out.add(dropConstraint(o.schema(), o.table(), o.foreignKey().name(), "foreign key"));
        } else if (op instanceof AddCheck o) {
            out.add(alter(o.schema(), o.table()) + " ADD " + check(o.check()));
        } else if (op instanceof DropCheck o) {
            out.add(dropConstraint(o.schema(), o.table(), o.check().name(), "check constraint"));
        } else if (op instanceof SetTableComment o) {
            out.add("COMMENT ON TABLE " + table(o.schema(), o.table()) + " IS " + commentText(o.to()));
        } else if (op instanceof SetColumnComment o) {
            out.add(columnComment(o.schema(), o.table(), o.column(), o.to()));
        } else if (op instanceof CreateSequence o) {
            out.add("CREATE SEQUENCE " + table(o.sequence().schema(), o.sequence().name()) + " START WITH "
                    + o.sequence().start() + " INCREMENT BY " + o.sequence().increment());
        } else if (op instanceof AlterSequence o) {
            out.add(alterSequence(o.from(), o.to()));
        } else if (op instanceof DropSequence o) {
            out.add("DROP SEQUENCE " + table(o.sequence().schema(), o.sequence().name()));
        } else if (op instanceof CreateEnumType o) {
            createEnumType(o, out);
        } else if (op instanceof DropEnumType o) {
            dropEnumType(o, out);
        } else if (op instanceof AddEnumValue o) {
            addEnumValue(o, out);
        } else if (op instanceof RecreateEnumType o) {
            recreateEnumType(o, out);
        } else if (op instanceof CreateCast o) {
            createCast(o, out);
        } else if (op instanceof DropCast o) {
            dropCast(o, out);
        } else {
            throw new IllegalArgumentException("No SQL for " + op.getClass().getSimpleName() + " on "
                    + dialect.name());
        }
    }

    /** {@code CREATE TABLE} (one column or constraint per line), then its indexes and comments. */
    protected void createTable(Table t, List<String> out) {
        List<String> lines = new ArrayList<>();
        t.columns().forEach(c -> lines.add(columnDefinition(c)));
        if (t.primaryKey() != null) {
            lines.add(constraintName(t.primaryKey().name()) + "PRIMARY KEY (" + columns(t.primaryKey().columns())
                    + ")");
        }
        t.uniqueConstraints().forEach(u -> lines.add(unique(u)));
        t.checks().forEach(c -> lines.add(check(c)));
        t.foreignKeys().forEach(f -> lines.add(foreignKey(f)));
        out.add("CREATE TABLE " + table(t.schema(), t.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)");
        t.indexes().forEach(i -> out.add(createIndex(t.schema(), t.name(), i)));
        if (t.comment() != null) {
            out.add("COMMENT ON TABLE " + table(t.schema(), t.name()) + " IS " + commentText(t.comment()));
        }
        for (Column c : t.columns()) {
            if (c.comment() != null) {
                out.add(columnComment(t.schema(), t.name(), c.name(), c.comment()));
            }
        }
    }

    /** {@code name type [GENERATED … AS IDENTITY] [DEFAULT …] [NOT NULL]}. */
    protected String columnDefinition(Column c) {
        StringBuilder sql = new StringBuilder(q(c.name())).append(' ').append(c.type());
        if (c.identity() != null) {
            sql.append(c.identity() == Column.Identity.ALWAYS ? " GENERATED ALWAYS AS IDENTITY"
                    : " GENERATED BY DEFAULT AS IDENTITY");
        }
        if (c.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(c.defaultExpression());
        }
        if (!c.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** {@code ADD GENERATED … AS IDENTITY}, {@code SET GENERATED …} or {@code DROP IDENTITY}. */
    protected String alterColumnIdentity(AlterColumnIdentity o) {
        String column = alterColumn(o.schema(), o.table(), o.column());
        if (o.to() == null) {
            return column + " DROP IDENTITY";
        }
        return column + (o.from() == null ? " ADD" : " SET") + generated(o.to()) + (o.from() == null
                ? " AS IDENTITY" : "");
    }

    /** {@code GENERATED ALWAYS} or {@code GENERATED BY DEFAULT}, with a leading blank. */
    protected static String generated(Column.Identity identity) {
        return identity == Column.Identity.ALWAYS ? " GENERATED ALWAYS" : " GENERATED BY DEFAULT";
    }

    private String alterSequence(Sequence from, Sequence to) {
        return "ALTER SEQUENCE " + table(to.schema(), to.name())
                + (from.increment() != to.increment() ? " INCREMENT BY " + to.increment() : "")
                + (from.start() != to.start() ? " START WITH " + to.start() : "");
    }

    protected String alterColumnType(AlterColumnType o) {
        return alterColumn(o.schema(), o.table(), o.column()) + " TYPE " + o.toType()
                + (o.using() ? " USING " + q(o.column()) + "::" + o.toType() : "");
    }

    protected String createIndex(String schema, String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(index.name()) + " ON "
                + table(schema, table) + " (" + index.columns().stream().map(this::indexColumn)
                        .collect(Collectors.joining(", ")) + ")";
    }

    /** A plain column name is quoted as needed; an expression or {@code col DESC} is written as given. */
    private String indexColumn(String column) {
        return Dialect.SIMPLE_IDENTIFIER.matcher(column).matches() ? q(column) : column;
    }

    protected void createEnumType(CreateEnumType o, List<String> out) {
        throw unsupported("named enum types");
    }

    protected void dropEnumType(DropEnumType o, List<String> out) {
        throw unsupported("named enum types");
    }

    protected void addEnumValue(AddEnumValue o, List<String> out) {
        throw unsupported("named enum types");
    }

    protected void recreateEnumType(RecreateEnumType o, List<String> out) {
        throw unsupported("named enum types");
    }

    protected void createCast(CreateCast o, List<String> out) {
        throw unsupported("user-defined casts");
    }

    protected void dropCast(DropCast o, List<String> out) {
        throw unsupported("user-defined casts");
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(dialect.name() + " has no " + what);
    }

    /** The name the database gives a primary key created without one. */
    protected String defaultPrimaryKeyName(String table) {
        return table + "_pkey";
    }

    protected String unique(UniqueConstraint u) {
        return constraintName(u.name()) + "UNIQUE (" + columns(u.columns()) + ")";
    }

    protected String check(CheckConstraint c) {
        return constraintName(c.name()) + "CHECK (" + c.expression() + ")";
    }

    protected String foreignKey(ForeignKey f) {
        StringBuilder sql = new StringBuilder(constraintName(f.name())).append("FOREIGN KEY (")
                .append(columns(f.columns())).append(") REFERENCES ")
                .append(table(f.referencedSchema(), f.referencedTable()));
        if (!f.referencedColumns().isEmpty()) {
            sql.append(" (").append(columns(f.referencedColumns())).append(')');
        }
        if (f.onDelete() != ForeignKey.ReferentialAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(f.onDelete().sql());
        }
        if (f.onUpdate() != ForeignKey.ReferentialAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(f.onUpdate().sql());
        }
        return sql.toString();
    }

    private String dropConstraint(String schema, String table, String name, String what) {
        if (name == null) {
            throw new IllegalArgumentException("Can't drop an unnamed " + what + " of table " + table);
        }
        return alter(schema, table) + " DROP CONSTRAINT " + q(name);
    }

    protected String columnComment(String schema, String table, String column, String comment) {
        return "COMMENT ON COLUMN " + table(schema, table) + "." + q(column) + " IS " + commentText(comment);
    }

    private String commentText(String comment) {
        return comment == null ? "NULL" : dialect.literal(comment);
    }

    protected String constraintName(String name) {
        return name == null ? "" : "CONSTRAINT " + q(name) + " ";
    }

    protected String alter(String schema, String table) {
        return "ALTER TABLE " + table(schema, table);
    }

    protected String alterColumn(String schema, String table, String column) {
        return alter(schema, table) + " ALTER COLUMN " + q(column);
    }

    protected String columns(List<String> columns) {
        return columns.stream().map(this::q).collect(Collectors.joining(", "));
    }

    protected String table(String schema, String name) {
        return dialect.qualify(schema, name);
    }

    protected String q(String identifier) {
        return dialect.quote(identifier);
    }
}
