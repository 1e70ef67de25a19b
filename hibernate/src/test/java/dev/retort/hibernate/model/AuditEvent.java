package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;
import java.util.UUID;

/** The remaining basic types: bytes, floating point, a long varchar, UUID, a boxed boolean. */
@Entity
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 10_000)
    private String message;

    private byte[] payload;

    private double score;

    private Float ratio;

    private Boolean acknowledged;

    private UUID correlationId;

    private LocalDateTime occurredAt;
}
