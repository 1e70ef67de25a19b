package dev.retort.boot.autoconfigure;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.boot.MigrationsConfigurationCustomizer;
import dev.retort.boot.MigrationsDataSource;
import dev.retort.boot.command.MigrationsCommandRunListener;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of Retort migrations: with {@code migrations.enabled=true}, pending revisions run before the
 * EntityManagerFactory (and every other bean that uses the database) starts, and Hibernate only validates the
 * schema. With the default {@code false}, nothing is registered and Hibernate keeps Spring Boot's default
 * {@code ddl-auto}.
 *
 * <p>Two beans, as Spring Boot does for Flyway: the engine ({@link Retort}) and the runner
 * ({@link MigrationsInitializer}); both are database initializers, so Spring Boot's
 * {@link DatabaseInitializationDependencyConfigurer} makes the EntityManagerFactory, {@code JdbcTemplate},
 * {@code JdbcClient}, jOOQ's {@code DSLContext} and {@code @DependsOnDatabaseInitialization} beans depend on them.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Retort.class)
@Conditional(MigrationsAutoConfiguration.DataSourceAvailableCondition.class)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrationsAutoConfiguration {

    static final String ENABLED = "migrations.enabled";

    @Bean
    @ConditionalOnMissingBean
    @Conditional(EngineCondition.class)
    Retort retort(MigrationsProperties properties, ObjectProvider<DataSource> dataSource,
            @MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource, ResourceLoader resourceLoader,
            ObjectProvider<MigrationsConfigurationCustomizer> customizers,
            ObjectProvider<MigrationsScriptReader.ScriptsBeingRead> scriptsBeingRead) {
        DataSource target = migrationDataSource(properties, migrationsDataSource.getIfAvailable(),
                dataSource.getIfUnique());
        String locations = String.join(",", resolveVendor(properties.getLocations(), target));
        RetortConfig.Builder builder = RetortConfig.builder()
                .dataSource(target)
                .locations(locations)
                .versionTable(properties.getVersionTable())
                .schema(properties.getSchema())
                .transactionPerMigration(properties.isTransactionPerMigration())
                .lockTimeout(properties.getLockTimeout())
                .fileTemplate(properties.getFileTemplate())
                .versionPath(versionPath(properties))
                .classLoader(resourceLoader.getClassLoader());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        RetortConfig config = builder.build();
        MigrationsScriptReader.ScriptsBeingRead read = scriptsBeingRead.getIfAvailable();
        boolean sameLocations = read != null && config.locations().equals(
                dev.retort.script.Location.parseList(read.locations()));
        return sameLocations ? new Retort(config, read.scripts()) : new Retort(config);
    }

    /** Headers are read while the context starts, when migrations run at startup. */
    @Bean
    @Conditional(StartupCondition.class)
    static MigrationsScriptReader migrationsScriptReader() {
        return new MigrationsScriptReader();
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(StartupCondition.class)
    MigrationsInitializer migrationsInitializer(Retort retort, MigrationsProperties properties) {
        return new MigrationsInitializer(retort, properties.getMode(), properties.getTarget());
    }

    /** Migrations run at startup even when beans are lazy: nothing else may have to touch the database first. */
    @Bean
    @Conditional(StartupCondition.class)
    static LazyInitializationExcludeFilter migrationsLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(MigrationsInitializer.class);
    }

    @Bean
    @ConditionalOnBooleanProperty(ENABLED)
    MigrationsSchemaManagementProvider migrationsSchemaManagementProvider(ObjectProvider<Retort> retorts) {
        return new MigrationsSchemaManagementProvider(retorts);
    }

    @Bean
    @ConditionalOnBooleanProperty(ENABLED)
    static JpaSchemaGenerationCheck migrationsJpaSchemaGenerationCheck() {
        return new JpaSchemaGenerationCheck();
    }

    /** Hibernate validates the schema the revisions made, unless ddl-auto is set explicitly. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HibernatePropertiesCustomizer.class)
    @ConditionalOnBooleanProperty(ENABLED)
    static class HibernateConfiguration {

        @Bean
        HibernatePropertiesCustomizer migrationsHibernatePropertiesCustomizer(Environment environment) {
            return properties -> {
                boolean explicit = environment.containsProperty(JpaSchemaGenerationCheck.DDL_AUTO)
                        || environment.containsProperty(JpaSchemaGenerationCheck.HBM2DDL_AUTO)
                        || environment.containsProperty(JpaSchemaGenerationCheck.JAKARTA_ACTION);
                if (!explicit) {
                    properties.put("hibernate.hbm2ddl.auto", "validate");
                }
            };
        }
    }

    /**
     * Where new revisions go: the source directory, unless scripts are read from the filesystem and the source
     * directory was left at its default; then into that filesystem location, as the standalone CLI does.
     */
    private static Path versionPath(MigrationsProperties properties) {
        boolean filesystem = properties.getLocations().stream().anyMatch(l -> !l.startsWith("classpath:"));
        boolean defaultDirectory = new MigrationsProperties().getSourceDirectory()
                .equals(properties.getSourceDirectory());
        return filesystem && defaultDirectory ? null : Path.of(properties.getSourceDirectory());
    }

    private static DataSource migrationDataSource(MigrationsProperties properties, DataSource dedicated,
            DataSource application) {
        if (dedicated != null) {
            return dedicated;
        }
        if (StringUtils.hasText(properties.getUrl())) {
            return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(properties.getUrl())
                    .username(properties.getUser()).password(properties.getPassword()).build();
        }
        if (StringUtils.hasText(properties.getUser()) && application != null) {
            return DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class)
                    .username(properties.getUser()).password(properties.getPassword()).build();
        }
        if (application == null) {
            throw new IllegalStateException("Retort has no DataSource to migrate: there is none, or several without"
                    + " a @Primary one. Mark one @Primary, give one @MigrationsDataSource, or set migrations.url.");
        }
        return application;
    }

    /** Replaces {@code {vendor}} with the database's name, e.g. {@code postgresql}, as Flyway users know it. */
    static List<String> resolveVendor(List<String> locations, DataSource dataSource) {
        if (locations.stream().noneMatch(l -> l.contains("{vendor}"))) {
            return locations;
        }
        DatabaseDriver driver;
        try {
            driver = DatabaseDriver.fromJdbcUrl(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Can't read the database's URL to resolve {vendor} in migrations.locations",
                    e);
        }
        if (driver == DatabaseDriver.UNKNOWN) {
            throw new IllegalStateException("migrations.locations uses {vendor} but the database's vendor is unknown;"
                    + " name the location explicitly");
        }
        return locations.stream().map(l -> l.replace("{vendor}", driver.getId())).toList();
    }

    /** A DataSource bean, JDBC connection details, or {@code migrations.url}. */
    static final class DataSourceAvailableCondition extends AnyNestedCondition {

        DataSourceAvailableCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class DataSourceBean {
        }

        @ConditionalOnBean(JdbcConnectionDetails.class)
        static final class JdbcConnectionDetailsBean {
        }

        @ConditionalOnProperty("migrations.url")
        static final class MigrationsUrl {
        }
    }

    /** The engine exists when migrations are enabled, or for the app's command mode. */
    static final class EngineCondition extends AnyNestedCondition {

        EngineCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBooleanProperty(ENABLED)
        static final class Enabled {
        }

        @ConditionalOnBooleanProperty(MigrationsCommandRunListener.COMMAND_MODE)
        static final class CommandMode {
        }
    }

    /** Migrations run at startup when enabled, except in command mode. */
    static final class StartupCondition extends AllNestedConditions {

        StartupCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBooleanProperty(ENABLED)
        static final class Enabled {
        }

        @ConditionalOnBooleanProperty(name = MigrationsCommandRunListener.COMMAND_MODE, havingValue = false,
                matchIfMissing = true)
        static final class NotCommandMode {
        }
    }
}
