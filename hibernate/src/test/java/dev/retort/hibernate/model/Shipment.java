package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Check;

/** A one-to-one, a composite unnamed unique constraint, a {@code @Check}. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"carrier", "tracking_number"}))
public class Shipment {

    @Id
    @GeneratedValue
    private UUID id;

    @OneToOne(optional = false)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Carrier carrier;

    @Column(length = 64)
    private String trackingNumber;

    @Check(constraints = "weight_grams >= 0")
    private int weightGrams;

    private LocalDate shippedOn;
}
