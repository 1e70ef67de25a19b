package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One line of an order, an element collection of embeddables. */
@Embeddable
public class OrderLine {

    @Column(nullable = false, length = 40)
    private String sku;

    private int quantity;

    @Column(precision = 19, scale = 4, nullable = false)
    private BigDecimal unitPrice;
}
