package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A card payment: its columns are nullable in the shared table. */
@Entity
@DiscriminatorValue("card")
public class CardPayment extends Payment {

    @Column(columnDefinition = "char(4)")
    private String last4;

    @Column(nullable = false)
    private String cardholder;
}
