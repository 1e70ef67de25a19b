package dev.retort.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A build worker; the table comes from the revisions, Hibernate only validates it. */
@Entity
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
    // worker_status is a domain over a checked VARCHAR.
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false)
    private WorkerStatus status = WorkerStatus.idle;

    @Column(name = "created_at", nullable = false, updatable = false)
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
