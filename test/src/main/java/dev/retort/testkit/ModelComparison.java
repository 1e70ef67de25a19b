package dev.retort.testkit;

import static dev.retort.testkit.MigrationTestFailure.context;

import dev.retort.AutogenerateOptions;
import dev.retort.AutogenerateResult;
import dev.retort.RetortConfig;
import dev.retort.autogenerate.ScriptRenderer;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * pytest-alembic's {@code test_model_definitions_match_ddl}: with the database at the heads, autogenerate's
 * comparison of the live schema and the target schema (the entities) finds nothing. Runs {@code check}'s comparison
 * ({@link dev.retort.Retort#compare}) and keeps the operations, so a failure shows the revision that is missing.
 */
final class ModelComparison {

    static final String OUT_OF_SYNC = "The models describing the DDL of your database are out of sync with the set"
            + " of steps described in the revision history. This usually means that someone has made manual changes"
            + " to the database's DDL, or some model has been changed without also generating a migration to"
            + " describe that change.";

    private ModelComparison() {
    }

    static void check(MigrationRunner runner, Schema target) {
        AutogenerateResult result = runner.retort().compare(AutogenerateOptions.defaults(), target);
        if (result.changes().isEmpty()) {
            return;
        }
        RetortConfig config = runner.retort().config();
        String upgrade;
        try (Connection connection = runner.dataSource().getConnection()) {
            Dialect dialect = config.dialect() != null ? Dialects.forName(config.dialect())
                    : Dialects.forConnection(connection);
            upgrade = ScriptRenderer.render(dialect.ddl(), result.upgrade()).upgrade();
        } catch (SQLException e) {
            throw new IllegalStateException("Can't read the test database's dialect: " + e.getMessage(), e);
        }
        throw new MigrationTestFailure(OUT_OF_SYNC, List.of(
                context("Differences", String.join("\n", result.changes())),
                context("The upgrade which would have been generated would look like", upgrade.strip()),
                context("What to do", "Write the revision: retort revision --autogenerate -m \"<message>\" (in a Spring"
                        + " Boot application: java -jar <your-app>.jar migrations revision --autogenerate -m"
                        + " \"<message>\")")));
    }
}
