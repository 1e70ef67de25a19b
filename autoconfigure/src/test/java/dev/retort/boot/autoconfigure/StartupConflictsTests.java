package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import dev.retort.boot.actuate.MigrationsHealthIndicator;
import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.mock.env.MockEnvironment;

/**
 * What a Spring user meets at start-up alongside migrations: SQL initialization, several heads, entity drift, tables
 * made before Retort, a revision that failed part-way.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupConflictsTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                    DataSourceAutoConfiguration.class))
            .withPropertyValues("migrations.enabled=true");

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private ApplicationContextRunner postgres() {
        return runner.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username="
                + db.user(), "spring.datasource.password=" + (db.password() == null ? "" : db.password()));
    }

    private static final String MOVE_THE_SCRIPTS = "Move the scripts into revisions: the schema into a baseline"
            + " revision ('java -jar <your-app>.jar migrations revision -m \"baseline\"', then paste it in), the data"
            + " into a revision on top of it; stamp databases that already have the schema at the baseline ('java -jar"
            + " <your-app>.jar migrations stamp <baseline>'). Then set spring.sql.init.mode=never. The README's"
            + " 'Adopting Retort in an existing application' shows the steps.";

    @Test
    void sqlInitModeAlwaysFailsStartupWithTheWayToRevisions() {
        postgres().withPropertyValues("spring.sql.init.mode=always",
                "spring.sql.init.schema-locations=classpath:db/sql-init/schema.sql").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription()).isEqualTo("migrations.enabled=true hands the schema to"
                            + " Retort's revisions, but Spring Boot's SQL initialization runs db/sql-init/schema.sql too"
                            + " (spring.sql.init.mode=always): they would run after the revisions, on a schema the"
                            + " version table knows nothing of.");
                    assertThat(analysis.getAction()).isEqualTo(MOVE_THE_SCRIPTS);
                    assertThat(db.tables()).isEmpty();
                });
    }

    @Test
    void sqlInitsDefaultOnAnEmbeddedDatabaseWithScriptsFailsStartup() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:sql_init;DB_CLOSE_DELAY=-1",
                "spring.sql.init.schema-locations=classpath:db/sql-init/schema.sql").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(analysis(context.getStartupFailure()).getDescription()).isEqualTo("migrations.enabled"
                            + "=true hands the schema to Retort's revisions, but Spring Boot's SQL initialization"
                            + " runs db/sql-init/schema.sql too (spring.sql.init.mode=embedded (Spring Boot's default) on an"
                            + " embedded database): they would run after the revisions, on a schema the version table"
                            + " knows nothing of.");
                });
    }

    @Test
    void sqlInitsDefaultOnPostgresqlRunsNothingAndIsFine() {
        postgres().withPropertyValues("spring.sql.init.schema-locations=classpath:db/sql-init/schema.sql")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void severalHeadsAreUpgradedWithAWarningNamingThemAndTheHealthCountsThem(CapturedOutput output) {
        postgres().withPropertyValues("migrations.locations=classpath:db/migrations,classpath:db/vendor/postgresql")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("The revision scripts have 2 heads (a2, v1postgresql);"
                            + " migrations.target=heads upgrades each of them. Join them into one with 'java -jar"
                            + " <your-app>.jar migrations merge heads -m \"merge heads\"'.");
                    Health health = new MigrationsHealthIndicator(context.getBean(Retort.class)).health(true);
                    assertThat(health.getDetails()).containsEntry("headCount", 2);
                });
    }

    @Test
    void anEntityColumnNoRevisionMadeIsExplainedWithTheRevisionToWrite() {
        postgres().withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
                TransactionAutoConfiguration.class))
                .withUserConfiguration(MigrationsAutoConfigurationTests.NoteEntities.class)
                .withPropertyValues("migrations.target=a1").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new SchemaValidationFailureAnalyzer(
                            new MockEnvironment().withProperty("migrations.enabled", "true"))
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).isEqualTo("Hibernate's schema validation failed: missing"
                            + " column [author] in table [note]. The entities map column 'author' of table 'note',"
                            + " which the database doesn't have: with migrations.enabled=true the schema is what the"
                            + " revisions make, and none makes that.");
                    assertThat(analysis.getAction()).isEqualTo("Write a revision that makes it: 'java -jar"
                            + " <your-app>.jar migrations revision --autogenerate -m \"add note.author\"' (or 'java"
                            + " -jar <your-app>.jar migrations revision -m \"add note.author\"' and write the SQL), then"
                            + " restart the application to upgrade (or run 'java -jar <your-app>.jar migrations"
                            + " upgrade heads'). If the entity is what's wrong, fix the entity instead.");
                });
    }

    @Test
    void tablesMadeBeforeRetortAreMetWithTheStampCommand() throws SQLException {
        // what schema.sql (or Hibernate's ddl-auto) left behind, before Retort was added
        db.execute("CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(255))");

        postgres().run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).isEqualTo("The database already has what revision a1 creates (made by"
                    + " schema.sql or by Hibernate before Retort), but no revision is recorded in its version table."
                    + " If its schema is what a1 makes, stamp it there instead of running it: 'java -jar"
                    + " <your-app>.jar migrations stamp a1' (it records the revision and runs nothing), then restart"
                    + " the application; later revisions run as usual. If it is not, drop what is in the way or fix"
                    + " the statement at 'classpath:db/migrations/a1_create_note.sql' line 8.");
        });
    }

    @Test
    void aRevisionThatFailedPartWayOnH2IsNotRunAgainAtTheNextStartButExplainedWithTheCommandToResumeIt(
            @TempDir Path versions) throws SQLException {
        RevisionFiles files = new RevisionFiles(versions);
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id INT PRIMARY KEY);").write();
        files.add("o2", "o1").message("owner details").upgrade("ALTER TABLE owners ADD COLUMN nickname VARCHAR(30);\n"
                + "ALTER TABLE owners ADD COLUMN birth_date DATEE;\n"
                + "ALTER TABLE owners ADD COLUMN email VARCHAR(100);").write();
        String script = versions.resolve("o2_owner_details.sql").toString();
        String url = "jdbc:h2:mem:partly_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ApplicationContextRunner h2 = runner.withPropertyValues("spring.datasource.url=" + url,
                "migrations.locations=" + files.location());

        h2.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).isEqualTo("Fix the statement at '" + script + "' line 9, then continue"
                    + " the revision after statement 1, which stayed applied: 'java -jar <your-app>.jar migrations"
                    + " upgrade heads --resume' (or undo it by hand and run 'java -jar <your-app>.jar migrations"
                    + " upgrade heads --retry'), then restart the application.");
        });
        files.add("o2", "o1").message("owner details").upgrade("ALTER TABLE owners ADD COLUMN nickname VARCHAR(30);\n"
                + "ALTER TABLE owners ADD COLUMN birth_date DATE;\n"
                + "ALTER TABLE owners ADD COLUMN email VARCHAR(100);").write();

        String failedAt;
        try (Connection h2db = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = h2db.createStatement().executeQuery("SELECT FORMATDATETIME(applied_at,"
                        + " 'yyyy-MM-dd''T''HH:mm:ss''Z''', 'en', 'UTC') FROM alembic_version_log"
                        + " WHERE direction = 'failed'")) {
            rs.next();
            failedAt = rs.getString(1);
        }

        h2.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("Retort migrations failed: Revision o2 is partly applied:"
                    + " statement 1 of '" + script + "' (line 8: ALTER TABLE owners ADD COLUMN nickname VARCHAR(30))"
                    + " stayed applied when its upgrade failed at " + failedAt + ", and running the revision from the"
                    + " start would run it again; nothing was run");
            assertThat(analysis.getAction()).isEqualTo("Continue the revision after the statements that stayed"
                    + " applied: 'java -jar <your-app>.jar migrations upgrade heads --resume' (it checks first that"
                    + " they are unchanged), or undo them by hand and run 'java -jar <your-app>.jar migrations upgrade"
                    + " heads --retry'; then restart the application.");
        });
    }

    private static FailureAnalysis analysis(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FailureAnalyzedException analyzed) {
                return analyzed.analysis();
            }
        }
        throw new AssertionError("no FailureAnalyzedException in", failure);
    }
}
