package dev.retort.testkit;

import static dev.retort.testkit.MigrationTestFailure.context;

import dev.retort.RetortConfig;
import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.SchemaComparator;
import dev.retort.autogenerate.Scoping;
import dev.retort.autogenerate.ScriptRenderer;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * pytest-alembic's {@code test_model_definitions_match_ddl}: with the database at the heads, autogenerate's
 * comparison of the live schema and the target schema (the entities) finds nothing. Compares as {@code check} does,
 * but keeps the operations, so a failure shows the revision that is missing.
 */
final class ModelComparison {

    static final String OUT_OF_SYNC = "The models describing the DDL of your database are out of sync with the set"
            + " of steps described in the revision history. This usually means that someone has made manual changes"
            + " to the database's DDL, or some model has been changed without also generating a migration to"
            + " describe that change.";

    private ModelComparison() {
    }

    static void check(MigrationRunner runner, Schema target) {
        RetortConfig config = runner.retort().config();
        Comparison comparison;
        String upgrade;
        try (Connection connection = runner.dataSource().getConnection()) {
            Dialect dialect = config.dialect() != null ? Dialects.forName(config.dialect())
                    : Dialects.forConnection(connection);
            SchemaScope scope = scope(config, connection, target);
            Schema live = dialect.readSchema(connection, scope);
            Schema wanted = dialect.canonicalize(connection, Scoping.apply(target, scope), scope);
            comparison = SchemaComparator.compare(live, wanted, CompareOptions.defaults());
            if (comparison.isEmpty()) {
                return;
            }
            upgrade = ScriptRenderer.render(dialect.ddl(), comparison.upgrade()).upgrade();
        } catch (SQLException e) {
            throw new IllegalStateException("Can't read the schema of the test database: " + e.getMessage(), e);
        }
        throw new MigrationTestFailure(OUT_OF_SYNC, List.of(
                context("Differences", String.join("\n", comparison.changes())),
                context("The upgrade which would have been generated would look like", upgrade.strip()),
                context("What to do", "Write the revision: retort revision --autogenerate -m \"<message>\" (in a Spring"
                        + " Boot application: java -jar <your-app>.jar migrations revision --autogenerate -m"
                        + " \"<message>\")")));
    }

    private static SchemaScope scope(RetortConfig config, Connection connection, Schema target) throws SQLException {
        String defaultSchema = config.schema() != null ? config.schema() : connection.getSchema();
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add(defaultSchema);
        target.tables().stream().map(t -> t.schema()).filter(s -> s != null).forEach(schemas::add);
        String table = config.versionTable();
        return new SchemaScope(defaultSchema, schemas, config.includeTables(), config.excludeTables(),
                Set.of(table, table + "_log", table + "_lock"));
    }
}
