package dev.retort.boot.autoconfigure;

import dev.retort.boot.command.MigrationsCommandRunListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Fails startup, before any bean is created, when {@code migrations.enabled=true} meets settings that let
 * Hibernate or Spring change the schema too, or start before the migrations: {@code ddl-auto} of create,
 * create-drop or update, {@code spring.jpa.generate-ddl=true}, or {@code spring.jpa.defer-datasource-initialization
 * =true}, or Spring Boot's SQL initialization ({@code schema.sql}, {@code data.sql}) about to run after them.
 */
class JpaSchemaGenerationCheck implements BeanFactoryPostProcessor, EnvironmentAware, BeanClassLoaderAware,
        PriorityOrdered {

    static final String DDL_AUTO = "spring.jpa.hibernate.ddl-auto";
    static final String HBM2DDL_AUTO = "spring.jpa.properties.hibernate.hbm2ddl.auto";
    static final String JAKARTA_ACTION = "spring.jpa.properties.jakarta.persistence.schema-generation.database.action";
    static final String GENERATE_DDL = "spring.jpa.generate-ddl";
    static final String DEFER = "spring.jpa.defer-datasource-initialization";
    static final String SQL_INIT_MODE = "spring.sql.init.mode";

    private static final Set<String> SCHEMA_CHANGING = Set.of("create", "create-drop", "update", "create-only",
            "drop", "drop-and-create");
    private static final String FIGHT = " too: Hibernate and the revisions would fight over the tables (Hibernate"
            + " creating or altering what a revision then creates, or a schema no revision describes).";

    private Environment environment;
    private ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.getProperty(MigrationsCommandRunListener.COMMAND_MODE, Boolean.class, false)) {
            return;
        }
        for (String key : new String[] {HBM2DDL_AUTO, DDL_AUTO, JAKARTA_ACTION}) {
            String value = environment.getProperty(key);
            if (value != null && SCHEMA_CHANGING.contains(value.strip().toLowerCase(Locale.ROOT))) {
                throw new FailureAnalyzedException("migrations.enabled=true hands the schema to Retort's revisions,"
                        + " but " + key + "=" + value.strip() + " makes Hibernate change it" + FIGHT,
                        "Remove " + key + " (with migrations enabled Retort defaults it to 'validate', so entity and"
                                + " schema drift fails at startup), or set it to 'validate' or 'none'. To let"
                                + " Hibernate create the schema instead, as in development, set"
                                + " migrations.enabled=false.");
            }
        }
        if (environment.getProperty(GENERATE_DDL, Boolean.class, false)) {
            throw new FailureAnalyzedException("migrations.enabled=true hands the schema to Retort's revisions, but "
                    + GENERATE_DDL + "=true makes Hibernate update it" + FIGHT,
                    "Remove " + GENERATE_DDL + " (or set it to false). To let Hibernate create the schema instead,"
                            + " as in development, set migrations.enabled=false.");
        }
        checkSqlInitialization();
        if (environment.getProperty(DEFER, Boolean.class, false)) {
            throw new FailureAnalyzedException("migrations.enabled=true runs the revisions before the"
                    + " EntityManagerFactory, but " + DEFER + "=true makes Hibernate start first and the database"
                    + " initializers (Retort among them) wait for it, so Hibernate would meet a schema the pending"
                    + " revisions haven't made yet.",
                    "Remove " + DEFER + ". If it was there for data.sql, move that data into a revision script.");
        }
    }

    /**
     * Spring Boot's own SQL initialization runs {@code schema.sql} and {@code data.sql} after the revisions, on a
     * schema the revisions made and the version table knows nothing of: with {@code spring.sql.init.mode=always},
     * or {@code embedded} (Spring Boot's default) on an embedded database with scripts present.
     */
    private void checkSqlInitialization() {
        String mode = environment.getProperty(SQL_INIT_MODE, "embedded").strip().toLowerCase(Locale.ROOT);
        boolean always = mode.equals("always");
        if (!always && !(mode.equals("embedded") && embeddedDatabase())) {
            return;
        }
        List<String> scripts = sqlInitScripts();
        if (scripts.isEmpty()) {
            return;
        }
        String why = always ? SQL_INIT_MODE + "=always" : SQL_INIT_MODE + "=embedded (Spring Boot's default) on an"
                + " embedded database";
        throw new FailureAnalyzedException("migrations.enabled=true hands the schema to Retort's revisions, but"
                + " Spring Boot's SQL initialization runs " + String.join(" and ", scripts) + " too (" + why
                + "): they would run after the revisions, on a schema the version table knows nothing of.",
                "Move the scripts into revisions: the schema into a baseline revision ('java -jar <your-app>.jar"
                        + " migrations revision -m \"baseline\"', then paste it in), the data into a revision on"
                        + " top of it; stamp databases that already have the schema at the baseline ('java -jar"
                        + " <your-app>.jar migrations stamp <baseline>'). Then set " + SQL_INIT_MODE + "=never."
                        + " The README's 'Adopting Retort in an existing application' shows the steps.");
    }

    private boolean embeddedDatabase() {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null) {
            // Spring Boot then starts an embedded database of its own when H2, HSQLDB or Derby is present
            return EmbeddedDatabaseConnection.get(classLoader) != EmbeddedDatabaseConnection.NONE;
        }
        return url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:hsqldb:mem:")
                || url.startsWith("jdbc:derby:memory:");
    }

    /** The scripts Spring Boot's SQL initialization would find, as their locations name them. */
    private List<String> sqlInitScripts() {
        String platform = environment.getProperty("spring.sql.init.platform", "all");
        Binder binder = Binder.get(environment);
        List<String> locations = new ArrayList<>();
        locations.addAll(binder.bind("spring.sql.init.schema-locations", Bindable.listOf(String.class))
                .orElse(List.of("optional:classpath*:schema-" + platform + ".sql", "optional:classpath*:schema.sql")));
        locations.addAll(binder.bind("spring.sql.init.data-locations", Bindable.listOf(String.class))
                .orElse(List.of("optional:classpath*:data-" + platform + ".sql", "optional:classpath*:data.sql")));
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        List<String> found = new ArrayList<>();
        for (String location : locations) {
            String path = location.startsWith("optional:") ? location.substring("optional:".length()) : location;
            try {
                if (Arrays.stream(resolver.getResources(path)).anyMatch(Resource::exists)) {
                    found.add(path.substring(path.lastIndexOf(':') + 1));
                }
            } catch (IOException e) {
                // a location that can't be read is not a script that runs
            }
        }
        return found;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }
}
