package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Set;

/** A named sequence, {@code @Lob} text, a column definition, named indexes, a many-to-many join table. */
@Entity
@Table(indexes = {
        @Index(name = "ix_product_sku", columnList = "sku", unique = true),
        @Index(name = "ix_product_category_name", columnList = "category_id, name")})
public class Product {

    @Id
    @SequenceGenerator(name = "product_ids", sequenceName = "product_id_seq", allocationSize = 10, initialValue = 100)
    @GeneratedValue(generator = "product_ids")
    private Long id;

    @Column(nullable = false, length = 40)
    private String sku;

    @Column(nullable = false)
    private String name;

    @Lob
    private String description;

    @Column(columnDefinition = "text")
    private String notes;

    @Column(precision = 19, scale = 4)
    private BigDecimal price;

    @ManyToOne(optional = false)
    private Category category;

    @ManyToMany
    @JoinTable(name = "product_tag")
    private Set<Tag> tags;
}
