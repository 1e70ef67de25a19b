package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A postal address, embedded in customers and warehouses. */
@Embeddable
public class Address {

    @Column(nullable = false, length = 120)
    private String street;

    @Column(nullable = false, length = 80)
    private String city;

    @Column(length = 16)
    private String postalCode;

    // char(2): a fixed-length type Hibernate's validate accepts (a columnDefinition "char(2)" it does not)
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 2)
    private String country;
}
