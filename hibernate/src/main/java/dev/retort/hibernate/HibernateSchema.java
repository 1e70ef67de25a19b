package dev.retort.hibernate;

import dev.retort.schema.Schema;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;

/**
 * The autogenerate target from Hibernate's boot mapping (Alembic's {@code target_metadata}): the tables, columns,
 * keys, indexes, checks, sequences and named enum types that {@code ddl-auto=create} would make on a fresh database,
 * with the same names and SQL types. Everything comes from Hibernate itself — physical names after the naming
 * strategies, types from its dialect, the constraint names its exporters write — so autogenerate proposes what
 * Hibernate expects.
 *
 * <pre>{@code
 * Schema target = HibernateSchema.from(entityManagerFactory);   // the Metadata MetadataIntegrator captured
 * Schema target = HibernateSchema.from(metadata);               // or from Metadata you built yourself
 * }</pre>
 *
 * <p>Names come back as the database stores them (PostgreSQL folds unquoted names to lower case, H2 to upper case).
 * Objects without an explicit schema, or with Hibernate's {@code hibernate.default_schema}, have that schema or
 * {@code null} for the connection's. Every mapped table is returned; narrowing to {@code include-tables} /
 * {@code exclude-tables} is the caller's job.
 */
public final class HibernateSchema {

    private HibernateSchema() {
    }

    /** The schema Hibernate would create for this boot metadata. */
    public static Schema from(Metadata metadata) {
        return new MappingReader(metadata).read();
    }

    /**
     * The schema Hibernate would create for a running EntityManagerFactory (or SessionFactory), from the boot
     * metadata {@link MetadataIntegrator} captured when it was built.
     *
     * @throws IllegalStateException when the factory is not Hibernate's, or was built without the integrator
     */
    public static Schema from(EntityManagerFactory entityManagerFactory) {
        SessionFactory sessionFactory;
        try {
            sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The EntityManagerFactory " + entityManagerFactory.getClass().getName()
                    + " is not Hibernate's; autogenerate reads the entities from Hibernate's mapping", e);
        }
        return MetadataIntegrator.metadataOf(sessionFactory).map(HibernateSchema::from)
                .orElseThrow(() -> new IllegalStateException("Hibernate's boot metadata of this SessionFactory was"
                        + " not captured: " + MetadataIntegrator.class.getName() + " must be on the class path when"
                        + " it is built (META-INF/services/org.hibernate.integrator.spi.Integrator)"));
    }
}
