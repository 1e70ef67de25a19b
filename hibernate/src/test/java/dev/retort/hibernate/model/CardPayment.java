package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A card payment: its columns are nullable in the shared table. */
@Entity
@DiscriminatorValue("card")
public class CardPayment extends Payment {

    // char(4): a fixed-length type Hibernate's validate accepts (a columnDefinition "char(4)" it does not)
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 4)
    private String last4;

    @Column(nullable = false)
    private String cardholder;
}
