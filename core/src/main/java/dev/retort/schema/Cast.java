package dev.retort.schema;

/**
 * A user-defined cast between two types, such as the {@code varchar} ↔ enum casts Hibernate creates with a named
 * enum type ({@code CREATE CAST (varchar AS job_type) WITH INOUT AS IMPLICIT}).
 *
 * @param sourceType the type cast from, as SQL
 * @param targetType the type cast to, as SQL
 * @param withInout whether it is {@code WITH INOUT} (through the types' text forms)
 * @param implicit whether it is {@code AS IMPLICIT}
 */
public record Cast(String sourceType, String targetType, boolean withInout, boolean implicit) {

    public Cast {
        Names.require(sourceType, "cast source type");
        Names.require(targetType, "cast target type");
    }
}
