package dev.retort.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What Retort needs to know about one kind of database: facts (transactional DDL, quoting, which error means
 * "lock timeout"), the SQL of the version table and the audit log, and how to take the migration lock. A dialect
 * states facts and renders SQL; it never decides what to migrate.
 *
 * <pre>{@code
 * Dialect dialect = Dialects.forUrl("jdbc:postgresql://localhost/app");
 * dialect.transactionalDdl();                         // true
 * dialect.qualify(null, "alembic_version");           // alembic_version
 * }</pre>
 */
public interface Dialect {

    /** Identifiers that need no quoting: lower-case letters, digits and underscores, not starting with a digit. */
    Pattern SIMPLE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** The name used in {@code {vendor}} locations and {@code --dialect}: {@code postgresql}, {@code h2}. */
    String name();

    /** The name Alembic logs for the equivalent implementation, e.g. {@code PostgresqlImpl}. */
    String implName();

    /** Whether DDL statements take part in transactions (and roll back with them). */
    boolean transactionalDdl();

    /** Quotes an identifier when it isn't a plain lower-case name. */
    default String quote(String identifier) {
        return SIMPLE_IDENTIFIER.matcher(identifier).matches() ? identifier
                : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.table}, or just the table without a schema. */
    default String qualify(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** A string literal. */
    default String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Whether the table exists (in the connection's current schema when {@code schema} is null). */
    boolean tableExists(Connection connection, String schema, String table) throws SQLException;

    /** Creates the version table when it is missing; safe to run while holding the migration lock. */
    String createVersionTableIfMissing(String schema, String table);

    /** Creates the audit log table when it is missing. */
    String createLogTableIfMissing(String schema, String logTable);

    /** The SQL that runs before a new log row's values are bound: the current database user. */
    String currentUserExpression();

    /** {@code CREATE TABLE} of the version table as Alembic prints it in {@code --sql} output. */
    default String offlineCreateVersionTable(String schema, String table) {
        return "CREATE TABLE " + qualify(schema, table) + " (\n"
                + "    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT " + quote(table + "_pkc") + " PRIMARY KEY (version_num)\n"
                + ")";
    }

    /** The offline {@code INSERT} of a version row, as Alembic prints it. */
    default String offlineInsertVersion(String schema, String table, String revision) {
        return "INSERT INTO " + qualify(schema, table) + " (version_num) VALUES (" + literal(revision) + ")";
    }

    /** The offline {@code UPDATE} of a version row, as Alembic prints it. */
    default String offlineUpdateVersion(String schema, String table, String from, String to) {
        return "UPDATE " + qualify(schema, table) + " SET version_num=" + literal(to) + " WHERE "
                + qualify(schema, table) + ".version_num = " + literal(from);
    }

    /** The offline {@code DELETE} of a version row, as Alembic prints it. */
    default String offlineDeleteVersion(String schema, String table, String revision) {
        return "DELETE FROM " + qualify(schema, table) + " WHERE " + qualify(schema, table) + ".version_num = "
                + literal(revision);
    }

    /**
     * Takes the lock that keeps two processes from migrating one database at once, waiting up to {@code timeout}.
     * The lock lives and dies with a connection, so a killed process never leaves it behind.
     *
     * @param connection the connection the migration runs on
     * @param opener opens another connection, for databases whose lock can't share the migration's connection
     * @param schema schema of the version table the lock protects, or {@code null}
     * @param table the version table the lock protects
     * @throws LockTimeoutException when another process held it for the whole timeout
     */
    MigrationLock lock(Connection connection, ConnectionOpener opener, String schema, String table, Duration timeout)
            throws SQLException;

    /** Opens a new connection to the same database. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }
}
