package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.CommandException;
import dev.retort.ErrorCode;
import dev.retort.test.PostgresDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code migrations.*} values that can't work fail the start-up naming the property as written, and change nothing in
 * the database.
 */
class MigrationsBadInputTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigrationsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                    "spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                    "migrations.enabled=true");

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    private void assertStartupFailsWith(String property, String message) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(cause(context.getStartupFailure(), IllegalArgumentException.class)).hasMessage(message);
            assertThat(db.tables()).as("nothing ran").isEmpty();
        });
    }

    @Test
    void versionTableAndSchemaMustBePlainNames() {
        assertStartupFailsWith("migrations.version-table=x; drop table y", "migrations.version-table 'x; drop table"
                + " y' is not a plain name; use letters, digits and underscores, not starting with a digit (e.g."
                + " alembic_version)");
        assertStartupFailsWith("migrations.version-table=public.alembic_version", "migrations.version-table"
                + " 'public.alembic_version' is a qualified name; give the schema separately: migrations.schema"
                + " public migrations.version-table alembic_version");
        assertStartupFailsWith("migrations.schema=a\"b", "migrations.schema 'a\"b' is not a plain name; use letters,"
                + " digits and underscores, not starting with a digit (e.g. public)");
    }

    @Test
    void negativeTimeoutsAndEmptyLocationsAreRefused() {
        assertStartupFailsWith("migrations.lock-timeout=-5", "migrations.lock-timeout must not be negative, not -5"
                + " seconds");
        assertStartupFailsWith("migrations.locations=", "migrations.locations is empty; give at least one location,"
                + " e.g. classpath:db/migrations");
    }

    @Test
    void missingLocationFailsStartupNamingThePropertyAndTheWayToMakeItOptional() {
        runner.withPropertyValues("migrations.locations=classpath:db/migrations,classpath:db/migratons")
                .run(context -> {
                    assertThat(context).hasFailed();
                    CommandException failure = cause(context.getStartupFailure(), CommandException.class);
                    assertThat(failure).hasMessage("Location 'classpath:db/migratons' of migrations.locations does"
                            + " not exist (not on the classpath)");
                    assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
                    FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getAction()).isEqualTo("Fix the location in migrations.locations, or, if it"
                            + " may be absent, mark it optional: 'optional:classpath:db/migratons'.");
                    assertThat(db.tables()).isEmpty();
                });
    }

    @Test
    void optionalLocationsMayBeAbsent() {
        runner.withPropertyValues("migrations.locations=classpath:db/migrations,optional:classpath:db/extra,"
                + "optional:filesystem:no/such/dir").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(db.tables()).contains("alembic_version");
                });
    }

    @Test
    void migrationsUrlOfAServerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            runner.withPropertyValues("migrations.url=jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app",
                    "migrations.connect-timeout=1").run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(cause(context.getStartupFailure(), CommandException.class)).hasMessage("Can't"
                                + " connect to the configured DataSource: the server did not answer within 1 s (the"
                                + " connect timeout)");
                    });
            assertThat(accepted).isNotEmpty();
        }
    }
}
