package dev.retort.boot;

import dev.retort.boot.autoconfigure.MigrationsInitializer;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that the {@link MigrationsInitializer} initializes the database, after the engine beans; the
 * EntityManagerFactory, JdbcTemplate, JdbcClient, jOOQ and friends wait for it.
 */
final class MigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigrationsInitializer.class);
    }

    @Override
    public int getOrder() {
        return 1;
    }
}
