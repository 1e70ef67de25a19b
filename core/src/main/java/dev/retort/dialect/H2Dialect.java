package dev.retort.dialect;

import dev.retort.schema.ForeignKey;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * H2 2.x, the embedded database of demos and tests. H2 commits the open transaction before each DDL statement,
 * so its DDL is not transactional: every revision then commits on its own. H2 has no advisory locks; the
 * migration lock is a row lock on {@code <version table>_lock}, held by a second connection for the whole run.
 */
public final class H2Dialect implements Dialect {

    /** H2's error code for "Timeout trying to lock table". */
    private static final int LOCK_TIMEOUT = 50200;

    private final H2Canonicalizer canonicalizer = new H2Canonicalizer();

    @Override
    public boolean sameAction(ForeignKey.ReferentialAction action, ForeignKey.ReferentialAction other) {
        return restrictAsNoAction(action) == restrictAsNoAction(other);
    }

    private static ForeignKey.ReferentialAction restrictAsNoAction(ForeignKey.ReferentialAction action) {
        return action == null || action == ForeignKey.ReferentialAction.RESTRICT ? ForeignKey.ReferentialAction.NO_ACTION
                : action;
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String implName() {
        return "H2Impl";
    }

    @Override
    public Ddl ddl() {
        return new H2Ddl(this);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE"
                + " UPPER(TABLE_SCHEMA) = UPPER(COALESCE(?, SCHEMA())) AND UPPER(TABLE_NAME) = UPPER(?)")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }


    @Override
    public Schema readSchema(Connection connection, SchemaScope scope) throws SQLException {
        return new H2SchemaReader(scope.defaultSchema()).read(connection, scope);
    }

    @Override
    public Schema canonicalize(Connection connection, Schema target, SchemaScope scope) throws SQLException {
        return canonicalizer.canonicalize(connection, target, scope);
    }

    @Override
    public String relationKind(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE"
                + " UPPER(TABLE_SCHEMA) = UPPER(COALESCE(?, SCHEMA())) AND UPPER(TABLE_NAME) = UPPER(?)")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String type = rs.getString(1).toLowerCase(java.util.Locale.ROOT);
                return type.equals("base table") ? "table" : type;
            }
        }
    }

    @Override
    public String currentUserExpression() {
        return "CURRENT_USER";
    }

    @Override
    public MigrationLock lock(Connection connection, ConnectionOpener opener, String schema, String table,
            Duration timeout) throws SQLException {
        String lockTable = qualify(schema, table + "_lock");
        Connection lockConnection = opener.open();
        try {
            lockConnection.setAutoCommit(true);
            try (Statement st = lockConnection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + lockTable + " (lock_id INT PRIMARY KEY)");
                st.execute("MERGE INTO " + lockTable + " KEY (lock_id) VALUES (1)");
            }
            lockConnection.setAutoCommit(false);
            try (Statement st = lockConnection.createStatement()) {
                st.execute("SET LOCK_TIMEOUT " + Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
                st.executeQuery("SELECT lock_id FROM " + lockTable + " WHERE lock_id = 1 FOR UPDATE").close();
            }
        } catch (SQLException e) {
            lockConnection.close();
            if (e.getErrorCode() == LOCK_TIMEOUT) {
                throw new LockTimeoutException(qualify(schema, table), timeout, null);
            }
            throw e;
        }
        return () -> {
            try {
                lockConnection.rollback();
            } finally {
                lockConnection.close();
            }
        };
    }
}
