package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import dev.retort.test.PostgresDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A {@code JdbcConnectionDetails} bean alone, as Testcontainers' {@code @ServiceConnection} contributes one, with no
 * DataSource bean (yet): enough for Retort to migrate the database it names.
 */
class ConnectionDetailsTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    @Test
    void jdbcConnectionDetailsAloneAreMigrated() {
        JdbcConnectionDetails details = new JdbcConnectionDetails() {

            @Override
            public String getUsername() {
                return db.user();
            }

            @Override
            public String getPassword() {
                return db.password();
            }

            @Override
            public String getJdbcUrl() {
                return db.url();
            }
        };
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
                .withBean(JdbcConnectionDetails.class, () -> details)
                .withPropertyValues("migrations.enabled=true", "migrations.locations=classpath:db/vendor/{vendor}")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Retort.class).current(false, false)).containsExactly("v1postgresql");
                    assertThat(db.tables()).contains("only_on_postgresql");
                });
    }
}
