package dev.retort.hibernate.model;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A composite primary key of two foreign keys, an unnamed composite index. */
@Entity
@Table(indexes = @Index(columnList = "product_id, quantity"))
public class StockLevel {

    @EmbeddedId
    private StockLevelId id;

    @MapsId("warehouseId")
    @ManyToOne
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Warehouse warehouse;

    @MapsId("productId")
    @ManyToOne
    private Product product;

    private int quantity;

    private Instant updatedAt;
}
