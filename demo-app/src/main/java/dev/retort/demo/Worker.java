package dev.retort.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A build worker; the table comes from the revisions, Hibernate only validates it. The mapping states what the
 * revisions made (names of the key and indexes, server defaults, the enum type's name), so that
 * {@code migrations check} finds nothing to do until an entity changes.
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uq_worker_name", columnNames = "name"),
        indexes = {@Index(name = "ix_worker_status", columnList = "status"),
                @Index(name = "uq_worker_hostname", columnList = "hostname", unique = true)})
public class Worker {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    private String hostname;

    // NAMED_ENUM binds the label as an untyped value, which PostgreSQL casts to the worker_status enum type (a
    // VARCHAR parameter would be refused). Validation passes on both databases because Hibernate accepts a column
    // the driver reports as VARCHAR for an enum: PostgreSQL's driver reports its enum types so, and on H2
    // worker_status is a domain over a checked VARCHAR. columnDefinition names the type the revision created;
    // without it Hibernate would call it after the Java enum (workerstatus).
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "worker_status")
    @ColumnDefault("'idle'")
    private WorkerStatus status = WorkerStatus.idle;

    @Column(name = "created_at", nullable = false, updatable = false)
    @ColumnDefault("CURRENT_TIMESTAMP")
    private Instant createdAt = Instant.now();

    protected Worker() {
    }

    public Worker(String name, String hostname) {
        this.name = name;
        this.hostname = hostname;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getHostname() {
        return hostname;
    }

    public WorkerStatus getStatus() {
        return status;
    }

    public void setStatus(WorkerStatus status) {
        this.status = status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
