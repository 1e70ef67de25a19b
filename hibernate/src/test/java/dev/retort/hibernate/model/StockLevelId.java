package dev.retort.hibernate.model;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The composite key of a stock level. */
@Embeddable
public class StockLevelId implements Serializable {

    private Integer warehouseId;

    private Long productId;

    @Override
    public boolean equals(Object o) {
        return o instanceof StockLevelId other && Objects.equals(warehouseId, other.warehouseId)
                && Objects.equals(productId, other.productId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(warehouseId, productId);
    }
}
