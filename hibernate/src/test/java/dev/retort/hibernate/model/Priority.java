package dev.retort.hibernate.model;

/** Stored by ordinal: a {@code between 0 and 2} check. */
public enum Priority { LOW, NORMAL, HIGH }
