package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, embedded in customers and warehouses. */
@Embeddable
public class Address {

    @Column(nullable = false, length = 120)
    private String street;

    @Column(nullable = false, length = 80)
    private String city;

    @Column(length = 16)
    private String postalCode;

    @Column(columnDefinition = "char(2)")
    private String country;
}
