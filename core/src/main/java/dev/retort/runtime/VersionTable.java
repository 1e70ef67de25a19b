package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The version table ({@code alembic_version}: one row per current head, as Alembic keeps it) and, beside it, the
 * audit log ({@code alembic_version_log}: one row per step that ran). Both are created when the first step runs,
 * never by reading commands, and never dropped.
 */
public final class VersionTable {

    /** The audit log's column that a {@code failed} row fills: how many of the revision's statements stayed applied. */
    static final String APPLIED_STATEMENTS = "applied_statements";

    private final Dialect dialect;
    private final String schema;
    private final String table;

    public VersionTable(Dialect dialect, String schema, String table) {
        this.dialect = dialect;
        this.schema = schema;
        this.table = table;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    /** The audit log's table name: the version table's plus {@code _log}. */
    public String logTable() {
        return table + "_log";
    }

    /** {@code schema.table} as SQL spells it. */
    public String qualifiedName() {
        return dialect.qualify(schema, table);
    }

    String qualifiedLogName() {
        return dialect.qualify(schema, logTable());
    }

    public boolean exists(Connection connection) throws SQLException {
        return dialect.tableExists(connection, schema, table);
    }

    /**
     * The version rows, or none when the table doesn't exist yet. Never creates anything.
     *
     * @throws VersionTableException when the name is taken by something that isn't a version table (a view, a
     *         table without a {@code version_num} column)
     */
    public List<String> readHeads(Connection connection) throws SQLException {
        String kind = dialect.relationKind(connection, schema, table);
        if (kind == null) {
            return List.of();
        }
        if (!kind.equals("table")) {
            throw notAVersionTable("is a " + kind + ", not a table");
        }
        List<String> heads = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM " + qualifiedName())) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        } catch (SQLException e) {
            // PostgreSQL's undefined_column, H2's column not found
            if ("42703".equals(e.getSQLState()) || "42122".equals(e.getSQLState())) {
                throw notAVersionTable("has no version_num column");
            }
            throw e;
        }
        return heads;
    }

    private VersionTableException notAVersionTable(String problem) {
        return new VersionTableException("The version table " + qualifiedName() + " " + problem + ", so it can't"
                + " hold the revisions; nothing was changed", "Name Retort's version table with --version-table and"
                + " --schema (migrations.version-table, migrations.schema), or rename the " + qualifiedName()
                + " that is in the way.");
    }

    /** Creates the version table and the audit log when they are missing. */
    void ensureTables(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (!exists(connection)) {
                st.execute(dialect.createVersionTableIfMissing(schema, table));
            }
            if (!dialect.tableExists(connection, schema, logTable())) {
                st.execute(dialect.createLogTableIfMissing(schema, logTable()));
            }
        }
    }

    void purge(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM " + qualifiedName());
        }
    }

    /** The audit log, oldest first; empty when there is none yet. */
    public List<AuditEntry> readLog(Connection connection) throws SQLException {
        if (!dialect.tableExists(connection, schema, logTable())) {
            return List.of();
        }
        List<AuditEntry> entries = new ArrayList<>();
        // '*': a log made before Retort recorded failed revisions has no applied_statements column
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + qualifiedLogName() + " ORDER BY id")) {
            int[] at = new int[LOG_COLUMNS.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = rs.findColumn(LOG_COLUMNS.get(i));
            }
            int applied = appliedStatementsColumn(rs.getMetaData());
            while (rs.next()) {
                OffsetDateTime time = rs.getObject(at[7], OffsetDateTime.class);
                Integer count = applied == 0 ? null : rs.getInt(applied);
                if (count != null && rs.wasNull()) {
                    count = null;
                }
                entries.add(new AuditEntry(rs.getLong(at[0]), rs.getString(at[1]), rs.getString(at[2]),
                        split(rs.getString(at[3])), split(rs.getString(at[4])), rs.getString(at[5]),
                        rs.getString(at[6]), time == null ? null : time.toInstant(), rs.getLong(at[8]),
                        rs.getString(at[9]), count));
            }
        }
        return entries;
    }

    private static final List<String> LOG_COLUMNS = List.of("id", "revision", "direction", "from_revisions",
            "to_revisions", "script", "checksum", "applied_at", "execution_time_ms", "applied_by");

    private static int appliedStatementsColumn(ResultSetMetaData meta) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equalsIgnoreCase(APPLIED_STATEMENTS)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Writes a failed revision's audit row on its own, committed at once (the connection is in autocommit). A log
     * made before Retort recorded failed revisions gets the {@code applied_statements} column first.
     */
    void logFailure(Connection connection, AuditRecord record) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE " + qualifiedLogName() + " ADD COLUMN IF NOT EXISTS " + APPLIED_STATEMENTS
                    + " INTEGER");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + qualifiedLogName()
                + " (revision, direction, from_revisions, to_revisions, script, checksum, applied_at,"
                + " execution_time_ms, applied_by, " + APPLIED_STATEMENTS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + dialect.currentUserExpression() + ", ?)")) {
            insert.setString(1, record.revision());
            insert.setString(2, record.direction());
            insert.setString(3, String.join(", ", record.from()));
            insert.setString(4, String.join(", ", record.to()));
            insert.setString(5, record.script());
            insert.setString(6, record.checksum());
            insert.setObject(7, OffsetDateTime.ofInstant(record.at(), ZoneOffset.UTC));
            insert.setLong(8, record.millis());
            insert.setInt(9, record.appliedStatements());
            insert.executeUpdate();
        }
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(",\\s*"));
    }

    /** Audit rows as one INSERT with literal values. */
    String auditInsert(List<AuditRecord> records) {
        StringBuilder sql = new StringBuilder(auditColumns());
        for (int i = 0; i < records.size(); i++) {
            sql.append(i == 0 ? " " : ", ").append(auditValues(records.get(i), Long.toString(records.get(i).millis())));
        }
        return sql.toString();
    }

    /** One audit row whose duration the database measures with {@code elapsedMillis}. */
    String auditInsert(AuditRecord record, String elapsedMillis) {
        return auditColumns() + " " + auditValues(record, elapsedMillis);
    }

    private String auditColumns() {
        return "INSERT INTO " + qualifiedLogName() + " (revision, direction, from_revisions, to_revisions, script,"
                + " checksum, applied_at, execution_time_ms, applied_by) VALUES";
    }

    private String auditValues(AuditRecord record, String millis) {
        return "(" + dialect.literal(record.revision()) + ", " + dialect.literal(record.direction()) + ", "
                + dialect.literal(String.join(", ", record.from())) + ", "
                + dialect.literal(String.join(", ", record.to())) + ", " + literalOrNull(record.script()) + ", "
                + literalOrNull(record.checksum()) + ", TIMESTAMP WITH TIME ZONE '" + record.at() + "', " + millis
                + ", " + dialect.currentUserExpression() + ")";
    }

    private String literalOrNull(String value) {
        return value == null ? "NULL" : dialect.literal(value);
    }

    /**
     * Version-row changes as SQL statements with literal values, collected for a batch; each UPDATE and DELETE
     * remembers that it must match exactly one row.
     */
    final class Batched implements VersionStore {

        /** A collected statement and, for UPDATE and DELETE, the message when it doesn't match one row. */
        record Change(String sql, String mismatch) {
        }

        private final List<Change> changes = new ArrayList<>();

        @Override
        public void insert(String version) {
            changes.add(new Change("INSERT INTO " + qualifiedName() + " (version_num) VALUES ("
                    + dialect.literal(version) + ")", null));
        }

        @Override
        public void update(String from, String to) {
            changes.add(new Change("UPDATE " + qualifiedName() + " SET version_num = " + dialect.literal(to)
                    + " WHERE version_num = " + dialect.literal(from),
                    "Online migration expected to match one row when updating '" + from + "' to '" + to + "' in '"
                            + table + "'; %d found"));
        }

        @Override
        public void delete(String version) {
            changes.add(new Change("DELETE FROM " + qualifiedName() + " WHERE version_num = "
                    + dialect.literal(version), "Online migration expected to match one row when deleting '"
                    + version + "' in '" + table + "'; %d found"));
        }

        /** Takes the collected changes, leaving none. */
        List<Change> drain() {
            List<Change> out = List.copyOf(changes);
            changes.clear();
            return out;
        }
    }

    /** The online version-row store and audit writer for one run, with its statements prepared once. */
    Online online(Connection connection) {
        return new Online(connection);
    }

    final class Online implements VersionStore, AutoCloseable {

        private final Connection connection;
        private PreparedStatement insert;
        private PreparedStatement update;
        private PreparedStatement delete;
        private PreparedStatement log;

        private Online(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void insert(String version) throws SQLException {
            if (insert == null) {
                insert = connection.prepareStatement("INSERT INTO " + qualifiedName() + " (version_num) VALUES (?)");
            }
            insert.setString(1, version);
            insert.executeUpdate();
        }

        @Override
        public void update(String from, String to) throws SQLException {
            if (update == null) {
                update = connection.prepareStatement("UPDATE " + qualifiedName()
                        + " SET version_num = ? WHERE version_num = ?");
            }
            update.setString(1, to);
            update.setString(2, from);
            int rows = update.executeUpdate();
            if (rows != 1) {
                throw new VersionTableException("Online migration expected to match one row when updating '" + from
                        + "' to '" + to + "' in '" + table + "'; " + rows + " found");
            }
        }

        @Override
        public void delete(String version) throws SQLException {
            if (delete == null) {
                delete = connection.prepareStatement("DELETE FROM " + qualifiedName() + " WHERE version_num = ?");
            }
            delete.setString(1, version);
            int rows = delete.executeUpdate();
            if (rows != 1) {
                throw new VersionTableException("Online migration expected to match one row when deleting '"
                        + version + "' in '" + table + "'; " + rows + " found");
            }
        }

        void log(AuditRecord record) throws SQLException {
            log(record.revision(), record.direction(), record.from(), record.to(), record.script(),
                    record.checksum(), record.at(), record.millis());
        }

        void log(String revision, String direction, List<String> from, List<String> to, String script,
                String checksum, Instant at, long millis) throws SQLException {
            if (log == null) {
                log = connection.prepareStatement("INSERT INTO " + qualifiedLogName() + " (revision, direction,"
                        + " from_revisions, to_revisions, script, checksum, applied_at, execution_time_ms, applied_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + dialect.currentUserExpression() + ")");
            }
            log.setString(1, revision);
            log.setString(2, direction);
            log.setString(3, String.join(", ", from));
            log.setString(4, String.join(", ", to));
            log.setString(5, script);
            log.setString(6, checksum);
            log.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            log.setLong(8, millis);
            log.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : new PreparedStatement[] {insert, update, delete, log}) {
                if (ps != null) {
                    ps.close();
                }
            }
        }
    }
}
