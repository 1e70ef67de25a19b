/**
 * Schema operations, one record per kind ({@code CreateTable}, {@code AddColumn}, …). Each carries the state its
 * inverse needs (like Alembic's {@code existing_type}), so a downgrade is derived: {@link dev.retort.ops.Ops#reverse}.
 * Operations only describe; dialects render them and autogenerate decides them. Depends only on {@code schema}.
 */
package dev.retort.ops;
