package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.CommandException;
import dev.retort.ErrorCode;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.boot.MigrationsConfigurationCustomizer;
import dev.retort.boot.MigrationsDataSource;
import dev.retort.boot.fixture.Note;
import dev.retort.script.Location;
import dev.retort.test.PostgresDatabase;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** The auto-configuration, one variation per test. */
class MigrationsAutoConfigurationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class));

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private ApplicationContextRunner postgres() {
        return runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + (db.password() == null ? "" : db.password()));
    }

    private ApplicationContextRunner postgresWithJpa() {
        return postgres().withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
                TransactionAutoConfiguration.class))
                .withUserConfiguration(NoteEntities.class);
    }

    private ApplicationContextRunner embeddedWithJpa() {
        return runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withPropertyValues("spring.datasource.generate-unique-name=true")
                .withUserConfiguration(NoteEntities.class);
    }

    private static void execute(String sql) {
        try {
            db.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ddlAuto(org.springframework.context.ApplicationContext context) {
        return (String) context.getBean(LocalContainerEntityManagerFactoryBean.class).getJpaPropertyMap()
                .get("hibernate.hbm2ddl.auto");
    }

    @Test
    void backsOffWithoutADataSource() {
        runner.withPropertyValues("migrations.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Retort.class).doesNotHaveBean(MigrationsInitializer.class);
        });
    }

    @Test
    void disabledByDefaultRunsNothingAndHibernateKeepsBootsDefault() {
        embeddedWithJpa().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Retort.class).doesNotHaveBean(MigrationsInitializer.class)
                    .doesNotHaveBean(SchemaManagementProvider.class);
            assertThat(ddlAuto(context)).isEqualTo("create-drop");
        });
    }

    @Test
    void enabledRunsPendingRevisionsBeforeTheEntityManagerFactoryWhichThenOnlyValidates() {
        postgresWithJpa().withPropertyValues("migrations.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            var beanFactory = context.getBeanFactory();
            assertThat(beanFactory.getBeanDefinition("entityManagerFactory").getDependsOn())
                    .contains("retort", "migrationsInitializer");
            assertThat(beanFactory.getBeanDefinition("jdbcTemplate").getDependsOn())
                    .contains("retort", "migrationsInitializer");
            // JdbcClient is built on the NamedParameterJdbcTemplate, which waits for the migrations too
            assertThat(beanFactory.getBeanDefinition("namedParameterJdbcTemplate").getDependsOn())
                    .contains("retort", "migrationsInitializer");
            assertThat(context.getBean(JdbcClient.class).sql("SELECT count(*) FROM note").query(Integer.class)
                    .single()).isZero();
            assertThat(ddlAuto(context)).isEqualTo("validate");
            assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("a2");
            assertThat(context.getBean(MigrationsInitializer.class).result().steps()).hasSize(2);
        });
    }

    @Test
    void environmentVariableEnablesItToo() {
        postgres().withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("env", Map.of("MIGRATIONS_ENABLED", "true")))).run(context -> {
                    assertThat(context).hasSingleBean(MigrationsInitializer.class);
                    assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("a2");
                });
    }

    @Test
    void userDefinedBeansReplaceTheAutoConfiguredOnes() {
        postgres().withPropertyValues("migrations.enabled=true").withUserConfiguration(UserBeans.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(Retort.class).hasSingleBean(MigrationsInitializer.class);
                    assertThat(context.getBean(Retort.class)).isSameAs(context.getBean("userRetort"));
                    assertThat(context.getBean(MigrationsInitializer.class))
                            .isSameAs(context.getBean("userInitializer"));
                    assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("a1");
                });
    }

    @Test
    void scriptsAreReadWhileTheContextStartsAndTheEngineUsesThem() {
        postgres().withPropertyValues("migrations.enabled=true").run(context -> {
            MigrationsScriptReader.ScriptsBeingRead read = context.getBean(MigrationsScriptReader.ScriptsBeingRead.class);
            assertThat(read.locations()).isEqualTo("classpath:db/migrations");
            assertThat(context.getBean(Retort.class).scripts()).isSameAs(read.scripts().join());
        });
    }

    @Test
    void scriptsAreReadByTheEngineWhenTheVendorIsOnlyKnownFromTheConnection() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.generate-unique-name=true", "migrations.enabled=true",
                        "migrations.locations=classpath:db/vendor/{vendor}")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(MigrationsScriptReader.ScriptsBeingRead.class);
                    assertThat(context.getBean(Retort.class).scripts().scripts()).hasSize(1);
                });
    }

    @Test
    void customizersAdjustTheConfigurationAfterTheProperties() {
        postgres().withPropertyValues("migrations.enabled=true", "migrations.version-table=from_properties")
                .withBean(MigrationsConfigurationCustomizer.class, () -> config -> config.versionTable("customized"))
                .run(context -> assertThat(context.getBean(Retort.class).config().versionTable())
                        .isEqualTo("customized"));
    }

    @Test
    void ddlAutoCreateConflictsWithMigrations() {
        assertConflict("spring.jpa.hibernate.ddl-auto=create", "spring.jpa.hibernate.ddl-auto=create makes Hibernate"
                + " change it too");
    }

    @Test
    void ddlAutoCreateDropConflictsWithMigrations() {
        assertConflict("spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.hibernate.ddl-auto=create-drop");
    }

    @Test
    void ddlAutoUpdateConflictsWithMigrations() {
        assertConflict("spring.jpa.hibernate.ddl-auto=update", "spring.jpa.hibernate.ddl-auto=update");
    }

    @Test
    void hibernatePropertyHbm2ddlUpdateConflictsWithMigrations() {
        assertConflict("spring.jpa.properties.hibernate.hbm2ddl.auto=update",
                "spring.jpa.properties.hibernate.hbm2ddl.auto=update");
    }

    @Test
    void generateDdlConflictsWithMigrations() {
        assertConflict("spring.jpa.generate-ddl=true", "spring.jpa.generate-ddl=true makes Hibernate update it");
    }

    @Test
    void deferredDataSourceInitializationConflictsWithMigrations() {
        assertConflict("spring.jpa.defer-datasource-initialization=true",
                "spring.jpa.defer-datasource-initialization=true makes Hibernate start first");
    }

    private void assertConflict(String property, String expected) {
        postgresWithJpa().withPropertyValues("migrations.enabled=true", property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context).getFailure().isInstanceOf(FailureAnalyzedException.class)
                    .hasMessageStartingWith("migrations.enabled=true").hasMessageContaining(expected);
            assertThat(db.tables()).as("nothing ran").isEmpty();
        });
    }

    @Test
    void explicitDdlAutoNoneIsRespected() {
        postgresWithJpa().withPropertyValues("migrations.enabled=true", "spring.jpa.hibernate.ddl-auto=none")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(ddlAuto(context)).isNull();
                });
    }

    @Test
    void sameSettingsWithMigrationsDisabledStartFine() {
        postgresWithJpa().withPropertyValues("spring.jpa.hibernate.ddl-auto=update").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(db.tables()).containsExactly("note");
        });
    }

    @Test
    void vendorPlaceholderBecomesTheDatabasesName() {
        postgres().withPropertyValues("migrations.enabled=true", "migrations.locations=classpath:db/vendor/{vendor}")
                .run(context -> {
                    assertThat(context.getBean(Retort.class).config().locations())
                            .containsExactly(Location.parse("classpath:db/vendor/postgresql"));
                    assertThat(db.tables()).contains("only_on_postgresql").doesNotContain("only_on_h2");
                });
    }

    @Test
    void vendorPlaceholderOnH2() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.generate-unique-name=true", "migrations.enabled=true",
                        "migrations.locations=classpath:db/vendor/{vendor}")
                .run(context -> assertThat(context.getBean(Retort.class).config().locations())
                        .containsExactly(Location.parse("classpath:db/vendor/h2")));
    }

    @Test
    void validateModeWithPendingRevisionsFailsStartupAndRunsNothing() {
        postgresWithJpa().withPropertyValues("migrations.enabled=true", "migrations.mode=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context).getFailure().rootCause().hasMessage("The database is not up to date: 2 revisions are"
                    + " pending (a1, a2) and migrations.mode=validate runs none. The database is at base.");
            assertThat(db.tables()).isEmpty();
        });
    }

    @Test
    void validateModeWithAnUnknownTargetFailsAsACommandWould() {
        postgresWithJpa().withPropertyValues("migrations.enabled=true", "migrations.mode=validate",
                "migrations.target=zzzz").run(context -> {
            assertThat(context).hasFailed();
            CommandException failure = null;
            for (Throwable t = context.getStartupFailure(); t != null && failure == null; t = t.getCause()) {
                failure = t instanceof CommandException command ? command : null;
            }
            assertThat(failure).isNotNull().hasMessage("Can't locate revision identified by 'zzzz'");
            assertThat(failure.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION);
        });
    }

    @Test
    void validateModeStartsWhenTheDatabaseIsUpToDate() {
        postgres().withPropertyValues("migrations.enabled=true").run(context -> assertThat(context).hasNotFailed());
        postgresWithJpa().withPropertyValues("migrations.enabled=true", "migrations.mode=validate")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void validateModeFailsWhenAnAppliedScriptWasEdited() {
        postgres().withPropertyValues("migrations.enabled=true").run(context -> assertThat(context).hasNotFailed());
        execute("UPDATE alembic_version_log SET checksum = repeat('0', 64) WHERE revision = 'a1'");
        postgresWithJpa().withPropertyValues("migrations.enabled=true", "migrations.mode=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context).getFailure().rootCause().hasMessage("Revision a1 was edited after it was applied,"
                    + " and migrations.mode=validate refuses to start on scripts that differ from what the database"
                    + " ran\nRestore the scripts as applied, or, if the edit is meant, record them with 'migrations"
                    + " stamp --checksums'; migrations.validate-checksums=false skips this check.");
        });
        postgresWithJpa().withPropertyValues("migrations.enabled=true", "migrations.mode=validate",
                "migrations.validate-checksums=false").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void schemaOfTheMigratedDataSourceIsManaged() {
        postgres().withPropertyValues("migrations.enabled=true").run(context -> {
            SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
                    .isEqualTo(SchemaManagement.MANAGED);
            assertThat(provider.getSchemaManagement(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:x")))
                    .isEqualTo(SchemaManagement.UNMANAGED);
        });
    }

    @Test
    void migrationsDataSourceIsUsedInsteadOfTheApplicationsOne() {
        postgres().withPropertyValues("migrations.enabled=true").withUserConfiguration(DedicatedDataSource.class)
                .run(context -> {
                    assertThat(context.getBean(Retort.class).config().dataSource())
                            .isSameAs(context.getBean("migrationsOnly"));
                    assertThat(context.getBean(DataSource.class)).isNotSameAs(context.getBean("migrationsOnly"));
                });
    }

    @Test
    void dedicatedUserGetsItsOwnDataSourceToTheSameDatabase() {
        postgres().withPropertyValues("migrations.enabled=true", "migrations.user=" + db.user()).run(context -> {
            DataSource migrated = context.getBean(Retort.class).config().dataSource();
            assertThat(migrated).isInstanceOf(SimpleDriverDataSource.class);
            assertThat(((SimpleDriverDataSource) migrated).getUrl()).isEqualTo(db.url());
            assertThat(context.getBean(SchemaManagementProvider.class)
                    .getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.MANAGED);
        });
    }

    @Test
    void failingRevisionFailsStartupWithFileLineAndDatabaseMessage() {
        postgres().withPropertyValues("migrations.enabled=true", "migrations.locations=classpath:db/broken")
                .withClassLoader(new BrokenScripts(getClass().getClassLoader())).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context).getFailure().rootCause().isInstanceOf(org.postgresql.util.PSQLException.class);
                    assertThat(context).getFailure().hasStackTraceContaining("classpath:db/broken/b1_broken.sql'"
                            + " line 8: SELEC 1");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Note.class)
    static class NoteEntities {
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        @Bean
        Retort userRetort(DataSource dataSource) {
            return new Retort(RetortConfig.builder().dataSource(dataSource).locations("classpath:db/migrations")
                    .output(line -> { }).build());
        }

        @Bean
        MigrationsInitializer userInitializer(Retort retort) {
            return new MigrationsInitializer(retort, MigrationsProperties.Mode.UPGRADE, "a1");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DedicatedDataSource {

        @Bean(defaultCandidate = false)
        @MigrationsDataSource
        DataSource migrationsOnly() {
            return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(db.url()).username(db.user())
                    .password(db.password()).build();
        }
    }

    /** Serves one broken script at {@code db/broken}, written to a temporary directory. */
    static final class BrokenScripts extends java.net.URLClassLoader {

        BrokenScripts(ClassLoader parent) {
            super(new java.net.URL[] {root()}, parent);
        }

        private static java.net.URL root() {
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("broken");
                java.nio.file.Files.createDirectories(dir.resolve("db/broken"));
                java.nio.file.Files.writeString(dir.resolve("db/broken/b1_broken.sql"), "-- broken\n--\n"
                        + "-- Revision ID: b1\n-- Revises:\n-- Create Date: 2025-10-24 17:40:00\n\n-- migrate:upgrade\n"
                        + "SELEC 1;\n");
                return dir.toUri().toURL();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
