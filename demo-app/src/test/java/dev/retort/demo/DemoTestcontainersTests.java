package dev.retort.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's tests as a Testcontainers user writes them: the application on a {@code @ServiceConnection}
 * PostgreSQL container, migrated by Retort at start-up. Skipped, never failed, when no Docker engine answers.
 */
@SpringBootTest(classes = DemoApplication.class)
@Import(PostgresContainerConfiguration.class)
@EnabledIf(value = "dev.retort.demo.PostgresContainerConfiguration#dockerAvailable",
        disabledReason = "No Docker engine answers (Testcontainers found none), so the PostgreSQL container can't"
                + " start; DemoPostgresTests covers PostgreSQL with a local server")
class DemoTestcontainersTests {

    @Autowired
    Retort retort;

    @Autowired
    DataSource dataSource;

    @Test
    void theContainersDatabaseIsMigratedAtStartup() {
        assertThat(retort.current(false, false)).containsExactly(Revisions.HEAD);
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT name FROM worker ORDER BY id", String.class))
                .containsExactly("runner-1", "runner-2", "runner-3");
    }
}
