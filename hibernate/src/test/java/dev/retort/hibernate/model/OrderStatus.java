package dev.retort.hibernate.model;

/** A named PostgreSQL enum type; declared out of alphabetical order on purpose (Hibernate sorts the labels). */
public enum OrderStatus { PLACED, PAID, SHIPPED, CANCELLED }
