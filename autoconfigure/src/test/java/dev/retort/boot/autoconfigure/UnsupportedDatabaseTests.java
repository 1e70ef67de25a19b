package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A MySQL or MariaDB database at start-up: Retort says plainly which databases it supports, before any script. */
class UnsupportedDatabaseTests {

    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/mysql";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
            .withPropertyValues("migrations.enabled=true", "migrations.locations=classpath:db/vendor/{vendor}");

    @BeforeAll
    static void mariadbRuns() {
        try (Connection c = DriverManager.getConnection(MARIADB, "root", "")) {
            c.isValid(1);
        } catch (SQLException e) {
            Assumptions.abort("no MariaDB on 127.0.0.1:3306 (root, no password): " + e.getMessage());
        }
    }

    @Test
    void aMysqlUrlFailsStartupBeforeReadingAScriptOrConnecting() {
        runner.withPropertyValues("migrations.url=jdbc:mysql://127.0.0.1:3306/app", "migrations.user=app",
                "migrations.password=s3cret").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription()).isEqualTo("Retort supports PostgreSQL (and H2, for tests"
                            + " and development), not MySQL: the database to migrate is"
                            + " jdbc:mysql://127.0.0.1:3306/app.");
                    assertThat(analysis.getAction()).isEqualTo("Point spring.datasource.url (or migrations.url) at a"
                            + " PostgreSQL database, or set migrations.enabled=false so that Retort leaves this one"
                            + " alone.");
                });
    }

    @Test
    void aDataSourceToMariadbIsRecognizedByItsProductName() {
        runner.withUserConfiguration(MariaDbDataSource.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("Retort supports PostgreSQL (and H2, for tests and"
                    + " development), not MariaDB: the application's DataSource connects to mariadb.");
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

    @Configuration(proxyBeanMethods = false)
    static class MariaDbDataSource {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), MARIADB, "root", "");
        }
    }
}
