package dev.retort.boot.autoconfigure;

import dev.retort.DatabaseUrl;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.boot.MigrationsConfigurationCustomizer;
import dev.retort.boot.MigrationsDataSource;
import dev.retort.boot.command.MigrationsCommandRunListener;
import dev.retort.internal.Connections;
import dev.retort.script.Location;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Map;
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
            ObjectProvider<MigrationsScriptReader.ScriptsBeingRead> scriptsBeingRead,
            ObjectProvider<JdbcConnectionDetails> connectionDetails, Environment environment) {
        if (StringUtils.hasText(properties.getUrl())) {
            MigrationsConfigs.checkSupported(driver(properties.getUrl()),
                    "the database to migrate is " + DatabaseUrl.mask(properties.getUrl()));
        }
        DataSource application = dataSource.getIfUnique();
        if (application == null && connectionDetails.getIfUnique() != null) {
            // connection details (e.g. Testcontainers' @ServiceConnection) with no DataSource bean (yet)
            application = fromConnectionDetails(connectionDetails.getIfUnique());
        }
        DataSource target = migrationDataSource(properties, migrationsDataSource.getIfAvailable(), application);
        String url = knownUrl(properties, target, application, connectionDetails.getIfUnique());
        DatabaseDriver known = driver(url);
        MigrationsConfigs.checkSupported(known, "the database to migrate is " + DatabaseUrl.mask(url));
        List<String> resolved = resolveVendor(properties.getLocations(), target, known);
        if (environment.getProperty(MigrationsCommandRunListener.COMMAND_MODE, Boolean.class, false)) {
            resolved = MigrationsConfigs.fromSourceTree(resolved);
        }
        RetortConfig.Builder builder = MigrationsConfigs.builder(properties, resourceLoader.getClassLoader())
                .dataSource(target)
                .dialect(MigrationsConfigs.dialect(known))
                .locations(String.join(",", resolved))
                .locationsSetting("migrations.locations");
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        RetortConfig config = builder.build();
        MigrationsScriptReader.ScriptsBeingRead read = scriptsBeingRead.getIfAvailable();
        boolean sameLocations = read != null && config.locations().equals(
                Location.parseList(read.locations()));
        return sameLocations ? new Retort(config, read.scripts()) : new Retort(config);
    }

    /** Headers are read while the context starts, when migrations run at startup. */
    @Bean
    @ConditionalOnMissingBean(name = "migrationsScriptReader")
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
    @ConditionalOnMissingBean(name = "migrationsLazyInitializationExcludeFilter")
    @Conditional(StartupCondition.class)
    static LazyInitializationExcludeFilter migrationsLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(MigrationsInitializer.class);
    }

    @Bean
    @ConditionalOnMissingBean(name = "migrationsSchemaManagementProvider")
    @ConditionalOnBooleanProperty(ENABLED)
    MigrationsSchemaManagementProvider migrationsSchemaManagementProvider(ObjectProvider<Retort> retorts) {
        return new MigrationsSchemaManagementProvider(retorts);
    }

    @Bean
    @ConditionalOnMissingBean(name = "migrationsJpaSchemaGenerationCheck")
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
        @ConditionalOnMissingBean(name = "migrationsHibernatePropertiesCustomizer")
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
     * In command mode the EntityManagerFactory may still be built (nothing uses it), and it must not need the
     * database: an offline {@code --sql} script, {@code heads} or {@code revision} work with the database down. The
     * dialect comes from the URL when it is known and the user named none.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HibernatePropertiesCustomizer.class)
    @ConditionalOnBooleanProperty(MigrationsCommandRunListener.COMMAND_MODE)
    static class CommandModeHibernateConfiguration {

        private static final Map<DatabaseDriver, String> DIALECTS = Map.of(
                DatabaseDriver.POSTGRESQL, "org.hibernate.dialect.PostgreSQLDialect",
                DatabaseDriver.H2, "org.hibernate.dialect.H2Dialect",
                DatabaseDriver.MYSQL, "org.hibernate.dialect.MySQLDialect",
                DatabaseDriver.MARIADB, "org.hibernate.dialect.MariaDBDialect",
                DatabaseDriver.ORACLE, "org.hibernate.dialect.OracleDialect",
                DatabaseDriver.SQLSERVER, "org.hibernate.dialect.SQLServerDialect",
                DatabaseDriver.HSQLDB, "org.hibernate.dialect.HSQLDialect");

        @Bean
        @ConditionalOnMissingBean(name = "migrationsCommandModeHibernatePropertiesCustomizer")
        HibernatePropertiesCustomizer migrationsCommandModeHibernatePropertiesCustomizer(Environment environment,
                ObjectProvider<JdbcConnectionDetails> connectionDetails) {
            return properties -> {
                if (properties.containsKey("hibernate.dialect")
                        || environment.containsProperty("spring.jpa.database-platform")) {
                    properties.put("hibernate.boot.allow_jdbc_metadata_access", "false");
                    return;
                }
                String dialect = DIALECTS.get(driver(jdbcUrl(connectionDetails.getIfUnique())));
                if (dialect != null) {
                    properties.put("hibernate.dialect", dialect);
                    properties.put("hibernate.boot.allow_jdbc_metadata_access", "false");
                }
            };
        }
    }

    private static DataSource fromConnectionDetails(JdbcConnectionDetails details) {
        return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(details.getJdbcUrl())
                .username(details.getUsername()).password(details.getPassword())
                .driverClassName(details.getDriverClassName()).build();
    }

    private static DataSource migrationDataSource(MigrationsProperties properties, DataSource dedicated,
            DataSource application) {
        if (dedicated != null) {
            return dedicated;
        }
        if (StringUtils.hasText(properties.getUrl())) {
            SimpleDriverDataSource own = DataSourceBuilder.create().type(SimpleDriverDataSource.class)
                    .url(properties.getUrl()).username(properties.getUser()).password(properties.getPassword()).build();
            // a server that accepts connections and never answers must not hold the start-up for ever
            own.setConnectionProperties(Connections.timeouts(properties.getUrl(), properties.getConnectTimeout()));
            return own;
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

    /**
     * The JDBC URL of the database to migrate when the configuration says it ({@code migrations.url}, or the
     * connection details behind the application's auto-configured DataSource), so that finding the vendor needs
     * no connection; {@code null} otherwise.
     */
    private static String knownUrl(MigrationsProperties properties, DataSource target, DataSource application,
            JdbcConnectionDetails details) {
        if (StringUtils.hasText(properties.getUrl())) {
            return properties.getUrl();
        }
        boolean applicationDatabase = target == application && !StringUtils.hasText(properties.getUser());
        return applicationDatabase ? jdbcUrl(details) : null;
    }

    /** The driver a JDBC URL names; {@code UNKNOWN} for none. */
    private static DatabaseDriver driver(String url) {
        return url == null ? DatabaseDriver.UNKNOWN : DatabaseDriver.fromJdbcUrl(url);
    }

    /** The URL of the connection details, or {@code null} when there are none or they can't name one. */
    static String jdbcUrl(JdbcConnectionDetails details) {
        try {
            return details == null ? null : details.getJdbcUrl();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Replaces {@code {vendor}} with the database's name, e.g. {@code postgresql}, as Flyway users know it: from
     * the configured URL's driver when it is known (offline {@code --sql} in command mode needs no database), else
     * from a connection.
     */
    static List<String> resolveVendor(List<String> locations, DataSource dataSource, DatabaseDriver known) {
        if (locations.stream().noneMatch(l -> l.contains("{vendor}"))) {
            return locations;
        }
        DatabaseDriver driver = known;
        if (driver == DatabaseDriver.UNKNOWN) {
            driver = vendorFromConnection(dataSource);
            MigrationsConfigs.checkSupported(driver, "the application's DataSource connects to " + driver.getId());
        }
        if (driver == DatabaseDriver.UNKNOWN) {
            throw new IllegalStateException("migrations.locations uses {vendor} but the database's vendor is unknown;"
                    + " name the location explicitly");
        }
        String vendor = driver.getId();
        return locations.stream().map(l -> l.replace("{vendor}", vendor)).toList();
    }

    private static DatabaseDriver vendorFromConnection(DataSource dataSource) {
        try {
            return DatabaseDriver.fromJdbcUrl(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Can't read the database's URL to resolve {vendor} in migrations.locations",
                    e);
        }
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
