package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.AutogenerateOptions;
import dev.retort.CommandException;
import dev.retort.Retort;
import dev.retort.boot.command.MigrationsCommandRunListener;
import dev.retort.boot.fixture.Note;
import dev.retort.hibernate.HibernateSchema;
import dev.retort.schema.Column;
import dev.retort.schema.Schema;
import dev.retort.test.PostgresDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The autogenerate target from the JPA entities, one variation per test. */
class MigrationsHibernateAutoConfigurationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                    MigrationsHibernateAutoConfiguration.class, DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
            .withUserConfiguration(NoteEntities.class)
            .withPropertyValues("migrations.enabled=true");

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private ApplicationContextRunner embedded() {
        return runner.withPropertyValues("spring.datasource.generate-unique-name=true");
    }

    private ApplicationContextRunner postgres() {
        return runner.withPropertyValues("spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + (db.password() == null ? "" : db.password()));
    }

    @Test
    void theTargetIsHibernatesMappingOfTheEntities() {
        embedded().run(context -> {
            Schema target = context.getBean(Retort.class).config().targetSchema().get();

            assertThat(target.tables()).singleElement().satisfies(note -> {
                assertThat(note.name()).isEqualTo("NOTE");
                assertThat(note.columns()).containsExactlyInAnyOrder(Column.of("ID", "bigint", false),
                        Column.of("AUTHOR", "varchar(255)", true), Column.of("BODY", "varchar(255)", true));
            });
        });
    }

    @Test
    void nothingIsBuiltForTheTargetUntilACommandAsksForIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                        MigrationsHibernateAutoConfiguration.class, DataSourceAutoConfiguration.class))
                .withUserConfiguration(FactoryThatFailsToBuild.class)
                .withPropertyValues("spring.datasource.generate-unique-name=true",
                        MigrationsCommandRunListener.COMMAND_MODE + "=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Supplier<Schema> target = context.getBean(Retort.class).config().targetSchema();

                    assertThatThrownBy(target::get).hasRootCauseMessage("the EntityManagerFactory was built");
                });
    }

    @Test
    void backsOffWithoutTheHibernateAdapter() {
        embedded().withClassLoader(new FilteredClassLoader(HibernateSchema.class)).run(context -> {
            assertThat(context).doesNotHaveBean("migrationsHibernateTargetSchema");
            assertThat(context.getBean(Retort.class).config().targetSchema()).isNull();
        });
    }

    @Test
    void backsOffWhenMigrationsAreOffAndNotInCommandMode() {
        embedded().withPropertyValues("migrations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("migrationsHibernateTargetSchema"));
    }

    @Test
    void tableGlobsReachTheEngine() {
        embedded().withPropertyValues("migrations.autogenerate.include-tables=note*,job",
                "migrations.autogenerate.exclude-tables=*_archive").run(context -> {
                    Retort retort = context.getBean(Retort.class);
                    assertThat(retort.config().includeTables()).containsExactly("note*", "job");
                    assertThat(retort.config().excludeTables()).containsExactly("*_archive");
                });
    }

    @Test
    void checkFindsWhatTheRevisionsMadeDifferentFromTheEntities() {
        // the revisions make note.author varchar(100); the entity maps a plain String: varchar(255)
        postgres().run(context -> {
            Retort retort = context.getBean(Retort.class);

            assertThatThrownBy(() -> retort.check(AutogenerateOptions.defaults()))
                    .isInstanceOf(CommandException.class)
                    .hasMessage("New upgrade operations detected:\n"
                            + "  type change from VARCHAR(100) to VARCHAR(255) on 'note.author'");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class FactoryThatFailsToBuild {

        @Bean
        @Lazy
        EntityManagerFactory entityManagerFactory() {
            throw new IllegalStateException("the EntityManagerFactory was built");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Note.class)
    static class NoteEntities {
    }
}
