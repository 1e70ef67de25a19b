package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A joined subclass with a nullable cascading foreign key. */
@Entity
public class Invoice extends Document {

    @Column(precision = 19, scale = 4)
    private BigDecimal total;

    @ManyToOne
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Customer customer;
}
