package dev.retort.hibernate.model;

/** Stored as a string in a column of length 20. */
public enum Carrier { DHL, UPS, POSTAL }
