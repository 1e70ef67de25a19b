package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A bank transfer. */
@Entity
@DiscriminatorValue("transfer")
public class BankTransferPayment extends Payment {

    @Column(length = 34)
    private String iban;
}
