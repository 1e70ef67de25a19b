package dev.retort.bench.spring;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the benchmark's tables as an entity, so Hibernate starts and validates something real. */
@Entity
@Table(name = "t0001")
public class BenchRow {

    @Id
    private Long id;

    private String name;

    protected BenchRow() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
