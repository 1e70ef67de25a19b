package dev.retort.boot;

import dev.retort.Retort;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/** Tells Spring Boot that {@link Retort} beans initialize the database, so JPA and JDBC beans wait for them. */
final class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(Retort.class);
    }
}
