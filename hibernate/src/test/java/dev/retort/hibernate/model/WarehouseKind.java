package dev.retort.hibernate.model;

/** A second named enum type. */
public enum WarehouseKind { hub, store, partner }
