package dev.retort.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

/** A job, run by at most one worker; mapped to the revisions' table as {@link Worker} is. */
@Entity
@Table(indexes = {@Index(name = "ix_job_worker_id", columnList = "worker_id"),
        @Index(name = "ix_job_status_created_at", columnList = "status, created_at")})
public class Job {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // the job_type enum type on PostgreSQL, a domain on H2: mapped as Worker.status is
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "job_type")
    private JobType type;

    // a VARCHAR with Hibernate's check of the enum's labels, which the revision named ck_job_status (VARCHAR on H2
    // too, where Hibernate would otherwise use H2's own ENUM type)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    @ColumnDefault("'queued'")
    private JobStatus status = JobStatus.queued;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "worker_id", foreignKey = @ForeignKey(name = "fk_job_worker"))
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Worker worker;

    @Column(name = "created_at", nullable = false, updatable = false)
    @ColumnDefault("CURRENT_TIMESTAMP")
    private Instant createdAt = Instant.now();

    protected Job() {
    }

    public Job(JobType type, Worker worker) {
        this.type = type;
        this.worker = worker;
        this.status = worker == null ? JobStatus.queued : JobStatus.running;
    }

    public Long getId() {
        return id;
    }

    public JobType getType() {
        return type;
    }

    public JobStatus getStatus() {
        return status;
    }

    public Worker getWorker() {
        return worker;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
