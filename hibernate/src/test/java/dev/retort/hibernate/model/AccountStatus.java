package dev.retort.hibernate.model;

/** Stored as a string with a check constraint. */
public enum AccountStatus { OPEN, FROZEN, CLOSED }
