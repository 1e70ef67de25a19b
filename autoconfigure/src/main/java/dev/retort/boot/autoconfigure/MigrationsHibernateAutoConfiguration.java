package dev.retort.boot.autoconfigure;

import dev.retort.boot.MigrationsConfigurationCustomizer;
import dev.retort.hibernate.HibernateSchema;
import dev.retort.schema.Schema;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The target of {@code revision --autogenerate} and {@code check} in a Spring Boot application: Hibernate's mapping
 * of the application's entities, read from the EntityManagerFactory only when one of those commands asks for it.
 * Nothing is built at startup; in command mode the EntityManagerFactory is built then, without validating or
 * generating anything.
 */
@AutoConfiguration
@ConditionalOnClass({HibernateSchema.class, SessionFactory.class, EntityManagerFactory.class})
@Conditional(MigrationsAutoConfiguration.EngineCondition.class)
public final class MigrationsHibernateAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "migrationsHibernateTargetSchema")
    MigrationsConfigurationCustomizer migrationsHibernateTargetSchema(
            ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        return builder -> builder.targetSchema(new EntityTargetSchema(entityManagerFactory));
    }

    /** Reads the mapping from the application's EntityManagerFactory when called, never before. */
    static final class EntityTargetSchema implements Supplier<Schema> {

        private final ObjectProvider<EntityManagerFactory> entityManagerFactory;

        EntityTargetSchema(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
            this.entityManagerFactory = entityManagerFactory;
        }

        @Override
        public Schema get() {
            EntityManagerFactory factory = entityManagerFactory.getIfUnique();
            if (factory == null) {
                throw new IllegalStateException("Autogenerate compares the database with the JPA entities, but the"
                        + " application has no single EntityManagerFactory; add spring-boot-starter-data-jpa, or"
                        + " mark one EntityManagerFactory @Primary");
            }
            return HibernateSchema.from(factory);
        }
    }
}
