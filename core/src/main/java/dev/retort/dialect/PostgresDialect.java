package dev.retort.dialect;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import dev.retort.schema.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 15+: transactional DDL, and a session-level advisory lock keyed on the version table. The lock is
 * polled with {@code pg_try_advisory_lock} rather than waited on inside a statement, so a waiting process holds no
 * snapshot that a {@code CREATE INDEX CONCURRENTLY} in the running migration would have to wait for.
 */
public final class PostgresDialect implements Dialect {

    private static final Pattern FULL_PRECISION = Pattern.compile(
            "^(timestamp|time)\\(6\\)(\\s.*|\\[].*)?$", Pattern.CASE_INSENSITIVE);

    private static final Logger log = LoggerFactory.getLogger("retort.runtime.migration");

    private final PostgresCanonicalizer canonicalizer = new PostgresCanonicalizer();

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String implName() {
        return "PostgresqlImpl";
    }

    @Override
    public Ddl ddl() {
        return new PostgresDdl(this);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean batchesStatements() {
        return true;
    }

    @Override
    public String transactionElapsedMillis() {
        return "(extract(epoch FROM clock_timestamp() - transaction_timestamp()) * 1000)::bigint";
    }

    @Override
    public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = COALESCE(?, current_schema()) AND tablename = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }


    @Override
    public Schema readSchema(Connection connection, SchemaScope scope) throws SQLException {
        Schema live = new PostgresSchemaReader(scope.defaultSchema()).read(connection, scope);
        canonicalizer.remember(connection, live);
        return live;
    }

    @Override
    public Schema canonicalize(Connection connection, Schema target, SchemaScope scope) throws SQLException {
        return canonicalizer.canonicalize(connection, target, scope);
    }

    @Override
    public String canonicalType(String type) {
        String normalized = PostgresTypes.normalize(type);
        return normalized == null ? type : normalized;
    }

    @Override
    public boolean sameType(String type, String otherType) {
        return withoutFullPrecision(type).equalsIgnoreCase(withoutFullPrecision(otherType));
    }

    @Override
    public String defaultUniqueName(Table table, List<String> columns) {
        return PostgresNames.defaultUniqueName(table, columns);
    }

    @Override
    public String defaultCheckName(Table table, CheckConstraint check) {
        return PostgresNames.defaultCheckName(table, check);
    }

    /** {@code timestamp(6) …}/{@code time(6) …} as {@code timestamp …}: six digits is all either keeps. */
    private static String withoutFullPrecision(String type) {
        return FULL_PRECISION.matcher(type).replaceFirst("$1$2");
    }

    @Override
    public String relationKind(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relkind FROM pg_catalog.pg_class c JOIN"
                + " pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = COALESCE(?,"
                + " current_schema()) AND c.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return switch (rs.getString(1)) {
                    case "r", "p" -> "table";
                    case "v" -> "view";
                    case "m" -> "materialized view";
                    case "f" -> "foreign table";
                    case "S" -> "sequence";
                    case "i", "I" -> "index";
                    case "c" -> "composite type";
                    default -> "relation of kind '" + rs.getString(1) + "'";
                };
            }
        }
    }

    @Override
    public String currentUserExpression() {
        return "current_user";
    }

    @Override
    public String offlineInsertVersion(String schema, String table, String revision) {
        return Dialect.super.offlineInsertVersion(schema, table, revision) + " RETURNING "
                + qualify(schema, table) + ".version_num";
    }

    @Override
    public MigrationLock lock(Connection connection, ConnectionOpener opener, String schema, String table,
            Duration timeout) throws SQLException {
        String name = qualify(schema, table);
        long key = lockKey(name);
        boolean checksClient = checkClientConnection(connection, "SET client_connection_check_interval = 1000");
        long deadline = System.nanoTime() + timeout.toNanos();
        long sleep = 50;
        boolean announced = false;
        while (true) {
            if (tryLock(connection, key)) {
                return () -> {
                    unlock(connection, key);
                    if (checksClient && !connection.isClosed()) {
                        checkClientConnection(connection, "RESET client_connection_check_interval");
                    }
                };
            }
            String holder = holder(connection, key);
            if (System.nanoTime() >= deadline) {
                throw new LockTimeoutException(name, timeout, holder);
            }
            if (!announced) {
                log.info("Waiting for the migration lock on {}{}", name, holder == null ? "" : " (held by " + holder + ")");
                announced = true;
            }
            try {
                Thread.sleep(Math.min(sleep, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for the migration lock on " + name, e);
            }
            sleep = Math.min(sleep * 2, 500);
        }
    }

    /**
     * Makes the server notice within a second when the migrating process dies in the middle of a long statement,
     * so the session ends and its lock goes with it instead of outliving the process until the statement finishes
     * (PostgreSQL 14+; a no-op where the setting is unknown).
     */
    private static boolean checkClientConnection(Connection connection, String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, long key) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }

    private static String holder(Connection connection, long key) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.pid, a.usename, a.application_name,"
                + " a.client_addr FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 1")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String app = rs.getString(3);
                    return "pid " + rs.getInt(1) + ", user " + rs.getString(2)
                            + (app == null || app.isEmpty() ? "" : ", " + app);
                }
            }
        } catch (SQLException e) {
            return null;
        }
        return null;
    }

    /** A stable 64-bit key for the lock: the first eight bytes of SHA-256 of {@code retort:<name>}. */
    static long lockKey(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("retort:" + name).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (hash[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
