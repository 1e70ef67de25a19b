/**
 * Autogenerate: compare the live schema with the target (one comparator per concern) into operations, and render
 * them as a revision script's two sections. Comparing never renders; rendering never compares; neither touches the
 * database (facts such as "this table has rows" come in through {@link dev.retort.autogenerate.RowProbe}).
 */
package dev.retort.autogenerate;
