package dev.retort.hibernate;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Keeps the boot {@link Metadata} of every SessionFactory Hibernate builds, so that {@link HibernateSchema} can read
 * the mapping later. Hibernate finds it through {@code META-INF/services/org.hibernate.integrator.spi.Integrator}, so
 * Spring Boot and plain JPA applications get it without code; it asks nothing of the database.
 */
public final class MetadataIntegrator implements Integrator {

    private static final Map<SessionFactory, Metadata> METADATA = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        METADATA.put(sessionFactory, metadata);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
        METADATA.remove(sessionFactory);
    }

    /** The boot metadata the session factory was built from, if this integrator saw it being built. */
    public static Optional<Metadata> metadataOf(SessionFactory sessionFactory) {
        Metadata metadata = METADATA.get(sessionFactory);
        if (metadata == null) {
            // a proxy, such as Spring's EntityManagerFactory, which implements SessionFactory itself
            metadata = METADATA.get(sessionFactory.unwrap(SessionFactoryImplementor.class));
        }
        return Optional.ofNullable(metadata);
    }
}
