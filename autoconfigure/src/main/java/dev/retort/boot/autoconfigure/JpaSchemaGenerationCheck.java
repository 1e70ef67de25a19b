package dev.retort.boot.autoconfigure;

import dev.retort.boot.command.MigrationsCommandRunListener;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * Fails startup, before any bean is created, when {@code migrations.enabled=true} meets settings that let
 * Hibernate or Spring change the schema too, or start before the migrations: {@code ddl-auto} of create,
 * create-drop or update, {@code spring.jpa.generate-ddl=true}, or {@code spring.jpa.defer-datasource-initialization
 * =true}.
 */
class JpaSchemaGenerationCheck implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    static final String DDL_AUTO = "spring.jpa.hibernate.ddl-auto";
    static final String HBM2DDL_AUTO = "spring.jpa.properties.hibernate.hbm2ddl.auto";
    static final String JAKARTA_ACTION = "spring.jpa.properties.jakarta.persistence.schema-generation.database.action";
    static final String GENERATE_DDL = "spring.jpa.generate-ddl";
    static final String DEFER = "spring.jpa.defer-datasource-initialization";

    private static final Set<String> SCHEMA_CHANGING = Set.of("create", "create-drop", "update", "create-only",
            "drop", "drop-and-create");
    private static final String FIGHT = " too: Hibernate and the revisions would fight over the tables (Hibernate"
            + " creating or altering what a revision then creates, or a schema no revision describes).";

    private Environment environment;

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
        if (environment.getProperty(DEFER, Boolean.class, false)) {
            throw new FailureAnalyzedException("migrations.enabled=true runs the revisions before the"
                    + " EntityManagerFactory, but " + DEFER + "=true makes Hibernate start first and the database"
                    + " initializers (Retort among them) wait for it, so Hibernate would meet a schema the pending"
                    + " revisions haven't made yet.",
                    "Remove " + DEFER + ". If it was there for data.sql, move that data into a revision script.");
        }
    }
}
