/**
 * The immutable schema model autogenerate compares: what the entities want and what the database has, as records.
 * It depends on nothing; adapters (Hibernate's mapping) and dialects (introspection) build it.
 */
package dev.retort.schema;
