package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** A joined subclass referring to another. */
@Entity
public class CreditNote extends Document {

    @ManyToOne(optional = false)
    private Invoice invoice;

    @Column(length = 500)
    private String reason;
}
