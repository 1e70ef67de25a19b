package dev.retort.hibernate;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.ForeignKey.ReferentialAction;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.ColumnOrderingStrategy;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.unique.CreateTableUniqueDelegate;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.UniqueKey;

/** Reads Hibernate's relational model the way its schema creator exports it, into Retort's schema records. */
final class MappingReader {

    /** A {@code columnDefinition} that is only a type's name, maybe schema-qualified or quoted. */
    private static final Pattern TYPE_NAME = Pattern.compile("(\"?[A-Za-z_][\\w$]*\"?\\.)?\"?[A-Za-z_][\\w$]*\"?");

    private final Metadata metadata;
    private final Database database;
    private final Dialect dialect;
    private final IdentifierHelper names;
    private final SqlStringGenerationContext context;
    private final ColumnOrderingStrategy ordering;

    MappingReader(Metadata metadata) {
        this.metadata = metadata;
        this.database = ((MetadataImplementor) metadata).getDatabase();
        this.dialect = database.getDialect();
        JdbcEnvironment environment = database.getJdbcEnvironment();
        this.names = environment.getIdentifierHelper();
        Map<String, Object> settings = database.getServiceRegistry().requireService(ConfigurationService.class)
                .getSettings();
        this.ordering = ((MetadataImplementor) metadata).getMetadataBuildingOptions().getColumnOrderingStrategy();
        this.context = SqlStringGenerationContextImpl.fromConfigurationMap(environment, database, settings);
    }

    Schema read() {
        AuxiliaryTypes types = AuxiliaryTypes.read(database, dialect, context, this::schemaOf, this::stored);
        userNamedEnumTypes(types);
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        for (Namespace namespace : database.getNamespaces()) {
            String schema = schemaOf(namespace.getPhysicalName().schema());
            for (org.hibernate.boot.model.relational.Sequence s : namespace.getSequences()) {
                sequences.add(new Sequence(schema, stored(s.getName().getSequenceName()), s.getInitialValue(),
                        s.getIncrementSize()));
            }
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView()) {
                    tables.add(table(schema, table, types));
                }
            }
        }
        return new Schema(tables, types.enumTypes(), sequences, types.casts());
    }

    /** {@code columnDefinition = "job_type"} on a named-enum column names its type (see {@link AuxiliaryTypes#rename}). */
    private void userNamedEnumTypes(AuxiliaryTypes types) {
        for (Namespace namespace : database.getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                for (org.hibernate.mapping.Column column : table.getColumns()) {
                    String definition = column.getSqlType();
                    if (definition == null || !TYPE_NAME.matcher(definition.strip()).matches()
                            || !(column.getValue() instanceof BasicValue value)) {
                        continue;
                    }
                    Class<?> javaType = value.resolve().getDomainJavaType().getJavaTypeClass();
                    if (javaType.isEnum()) {
                        String text = definition.strip();
                        int dot = text.lastIndexOf('.');
                        String schema = dot < 0 ? null : schemaOf(Identifier.toIdentifier(text.substring(0, dot)));
                        types.rename(javaType.getSimpleName(), text, schema,
                                stored(Identifier.toIdentifier(text.substring(dot + 1))));
                    }
                }
            }
        }
    }

    private Table table(String schema, org.hibernate.mapping.Table table, AuxiliaryTypes types) {
        List<Column> columns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (org.hibernate.mapping.Column column : orderedColumns(table)) {
            columns.add(column(table, column, types));
            if (dialect.supportsColumnCheck()) {
                column.getCheckConstraints().forEach(c -> checks.add(check(c)));
            }
        }
        if (dialect.supportsTableCheck()) {
            table.getChecks().forEach(c -> checks.add(check(c)));
        }
        PrimaryKey primaryKey = table.hasPrimaryKey()
                // Hibernate writes "primary key (…)" without a name: the database names it (<table>_pkey)
                ? new PrimaryKey(null, columnNames(orderedKey(table)))
                : null;
        return new Table(schema, stored(table.getNameIdentifier()), columns, primaryKey, uniqueConstraints(table),
                indexes(table), foreignKeys(table), checks, table.getComment());
    }

    private Column column(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column,
            AuxiliaryTypes types) {
        String name = stored(column.getNameIdentifier(database));
        String type = types.columnType(column.getSqlType(metadata));
        Column.Identity identity = null;
        if (column.isIdentity()) {
            String clause = dialect.getIdentityColumnSupport().getIdentityColumnString(column.getSqlTypeCode(metadata))
                    .toLowerCase(Locale.ROOT);
            identity = clause.contains("always") ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT;
        }
        // a primary key column is NOT NULL whatever the mapping says
        boolean nullable = column.isNullable() && !table.isPrimaryKey(column);
        return new Column(name, type, nullable, column.getDefaultValue(), identity, column.getComment());
    }

    private CheckConstraint check(org.hibernate.mapping.CheckConstraint check) {
        String name = check.isNamed() ? stored(check.getName()) : null;
        return new CheckConstraint(name, check.getConstraint());
    }

    /**
     * Hibernate's create-table delegate writes a single unique column as {@code … unique} and an implicitly named key
     * as {@code unique (…)}, both without a name, so the database names them ({@code <table>_<cols>_key}); only an
     * explicit name reaches the DDL. Dialects that add unique keys with {@code alter table} name every key.
     */
    private List<UniqueConstraint> uniqueConstraints(org.hibernate.mapping.Table table) {
        boolean inline = dialect.getUniqueDelegate() instanceof CreateTableUniqueDelegate;
        List<UniqueConstraint> out = new ArrayList<>();
        List<org.hibernate.mapping.Column> inlineColumns = new ArrayList<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            if (column.isUnique() && inline) {
                inlineColumns.add(column);
                out.add(new UniqueConstraint(null, List.of(stored(column.getNameIdentifier(database)))));
            }
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            if (inline && key.getColumnSpan() == 1 && inlineColumns.contains(key.getColumn(0))) {
                continue;
            }
            String name = !inline || key.isNameExplicit() ? stored(key.getName()) : null;
            out.add(new UniqueConstraint(name, columnNames(key.getColumns())));
        }
        return out;
    }

    private List<Index> indexes(org.hibernate.mapping.Table table) {
        List<Index> out = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            List<String> columns = new ArrayList<>();
            Map<Selectable, String> order = index.getSelectableOrderMap();
            for (Selectable selectable : index.getSelectables()) {
                String text = selectable instanceof org.hibernate.mapping.Column column
                        ? stored(column.getNameIdentifier(database))
                        : selectable.getText(dialect);
                String direction = order.get(selectable);
                columns.add(direction == null || direction.isBlank() ? text : text + " " + direction.strip());
            }
            out.add(new Index(stored(index.getName()), columns, index.isUnique()));
        }
        return out;
    }

    private List<ForeignKey> foreignKeys(org.hibernate.mapping.Table table) {
        List<ForeignKey> out = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey fk : table.getForeignKeyCollection()) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint() || fk.getReferencedTable() == null) {
                continue;
            }
            org.hibernate.mapping.Table referenced = fk.getReferencedTable();
            List<org.hibernate.mapping.Column> columns = fk.getColumns();
            List<org.hibernate.mapping.Column> referencedColumns = fk.getReferencedColumns();
            if (fk.isReferenceToPrimaryKey()) {
                // the referencing columns follow the referenced key's columns, in the order the key is created in
                List<org.hibernate.mapping.Column> key = referenced.getPrimaryKey().getColumns();
                referencedColumns = orderedKey(referenced);
                columns = referencedColumns.stream().map(c -> fk.getColumns().get(key.indexOf(c))).toList();
            }
            out.add(new ForeignKey(stored(fk.getName()), columnNames(columns),
                    schemaOf(referenced.getSchemaIdentifier()), stored(referenced.getNameIdentifier()),
                    columnNames(referencedColumns), action(fk.getOnDeleteAction()), ReferentialAction.NO_ACTION));
        }
        return out;
    }

    /**
     * Columns in the order {@code create table} writes them. Hibernate sorts them with its column ordering strategy
     * only when it boots with a schema action, so the order is applied here too, never relying on the boot settings.
     */
    private List<org.hibernate.mapping.Column> orderedColumns(org.hibernate.mapping.Table table) {
        List<org.hibernate.mapping.Column> ordered = ordering.orderTableColumns(table, metadata);
        return ordered == null ? List.copyOf(table.getColumns()) : ordered;
    }

    private List<org.hibernate.mapping.Column> orderedKey(org.hibernate.mapping.Table table) {
        List<org.hibernate.mapping.Column> ordered = ordering.orderConstraintColumns(table.getPrimaryKey(), metadata);
        return ordered == null ? table.getPrimaryKey().getColumns() : ordered;
    }

    private static ReferentialAction action(OnDeleteAction action) {
        if (action == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (action) {
            case NO_ACTION -> ReferentialAction.NO_ACTION;
            case CASCADE -> ReferentialAction.CASCADE;
            case RESTRICT -> ReferentialAction.RESTRICT;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
        };
    }

    private List<String> columnNames(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(c -> stored(c.getNameIdentifier(database))).toList();
    }

    /** The schema objects land in: the mapping's, else Hibernate's default schema, else null (the connection's). */
    private String schemaOf(Identifier schema) {
        Identifier effective = schema != null ? schema : context.getDefaultSchema();
        return effective == null ? null : names.toMetaDataSchemaName(effective);
    }

    /** A name as the database stores it: unquoted names folded the database's way, quoted ones kept. */
    private String stored(Identifier identifier) {
        return names.toMetaDataObjectName(identifier);
    }

    private String stored(String name) {
        return stored(database.toIdentifier(name));
    }
}
