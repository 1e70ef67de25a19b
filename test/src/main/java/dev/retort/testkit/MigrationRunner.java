package dev.retort.testkit;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.script.RevisionScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * Moves a test database through a revision history and reads and writes its rows: pytest-alembic's
 * {@code alembic_runner}, for your own tests of data migrations. Get one as a parameter of a test method in a class
 * that implements {@link MigrationTests} or registers a {@link RetortExtension}:
 *
 * <pre>{@code
 * @Test
 * void hostnameIsBackfilledFromTheName(MigrationRunner runner) {
 *     runner.migrateUpBefore("c5e8f2a1b934");
 *     runner.insert("worker", Map.of("id", 1, "name", "runner-1", "status", "idle"));
 *     runner.migrateUpTo("c5e8f2a1b934");
 *     assertThat(runner.rows("worker")).extracting(row -> row.get("hostname")).containsExactly("runner-1.local");
 * }
 * }</pre>
 *
 * <p>Every move is a Retort {@code upgrade} or {@code downgrade} of the history's own {@link Retort}, so the
 * scripts are read once. After a test that passes, the database is put back at the revisions it was at before the
 * test's first move.
 */
public final class MigrationRunner implements AutoCloseable {

    private final Retort retort;
    private final DataSource dataSource;
    private final AutoCloseable owned;
    private Retort stepwise;
    private List<String> startingRows;
    private List<String> rows;

    MigrationRunner(Retort retort, DataSource dataSource) {
        this(retort, dataSource, null);
    }

    private MigrationRunner(Retort retort, DataSource dataSource, AutoCloseable owned) {
        this.retort = retort;
        this.dataSource = dataSource;
        this.owned = owned;
    }

    /**
     * A runner outside JUnit, e.g. to run a built-in test from plain Java ({@code new MigrationTests() {
     * }.upDownConsistency(runner)}). A JDBC URL gets one connection, closed by {@link #close()}.
     */
    public static MigrationRunner of(RetortConfig config) {
        if (config.dataSource() != null) {
            return new MigrationRunner(new Retort(config), config.dataSource(), null);
        }
        ConnectionDataSource dataSource = ConnectionDataSource.of(config);
        return new MigrationRunner(new Retort(config.toBuilder().dataSource(dataSource).build()), dataSource,
                dataSource);
    }

    /** Closes the connection {@link #of(RetortConfig)} opened; a DataSource given in the configuration stays open. */
    @Override
    public void close() throws Exception {
        if (owned != null) {
            owned.close();
        }
    }

    /** The Retort whose history this runner moves through. */
    public Retort retort() {
        return retort;
    }

    /** The revision graph of the scripts. */
    public RevisionGraph graph() {
        return retort.graph();
    }

    /** The script heads (real heads: a revision only a dependency points at is not one). */
    public List<String> heads() {
        return graph().realHeads();
    }

    /** The database's version rows: the revisions it is at, empty at base. */
    public List<String> current() {
        return List.copyOf(rows());
    }

    /** Upgrades to {@code revision} (a revision id or any upgrade target, e.g. {@code heads}), including it. */
    public MigrationResult migrateUpTo(String revision) {
        return track(() -> retort.upgrade(revision));
    }

    /** Upgrades to the parents of {@code revision}, so that it is the next to run. */
    public void migrateUpBefore(String revision) {
        for (String parent : revision(revision).downRevisions()) {
            migrateUpTo(parent);
        }
    }

    /** Downgrades to {@code revision} (a revision id, {@code base}, or any downgrade target), keeping it applied. */
    public MigrationResult migrateDownTo(String revision) {
        return track(() -> retort.downgrade(revision, false));
    }

    /** Downgrades {@code revision} and everything above it, so that its parents are where the database is. */
    public void migrateDownBefore(String revision) {
        Revision r = revision(revision);
        Set<String> above = new HashSet<>(graph().ancestorIds(rows(), true));
        if (!above.contains(r.id())) {
            return;
        }
        migrateDownTo(belowTarget(r));
    }

    /**
     * Inserts rows into a table of the database as it is now (pytest-alembic's {@code insert_into}); each map is one
     * row, column name to value. On PostgreSQL strings are sent untyped, so they also fill enum and other typed
     * columns.
     */
    @SafeVarargs
    public final void insert(String table, Map<String, ?>... rows) {
        insert(table, List.of(rows));
    }

    /** {@link #insert(String, Map[])} with a list of rows. */
    public void insert(String table, List<? extends Map<String, ?>> rows) {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = isPostgres(connection);
            for (Map<String, ?> row : rows) {
                List<String> columns = new ArrayList<>(row.keySet());
                String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
                try (PreparedStatement st = connection.prepareStatement(sql)) {
                    for (int i = 0; i < columns.size(); i++) {
                        bind(st, i + 1, row.get(columns.get(i)), postgres);
                    }
                    st.executeUpdate();
                }
            }
            commitIfNeeded(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Can't insert into " + table + " at " + describeRows() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Every row of a table as it is now, column names in lower case. */
    public List<Map<String, Object>> rows(String table) {
        return query("SELECT * FROM " + table);
    }

    /**
     * The rows of a table once the database is at {@code revision} (pytest-alembic's {@code table_at_revision}):
     * upgrades or downgrades to it first.
     */
    public List<Map<String, Object>> tableAtRevision(String table, String revision) {
        Revision r = revision(revision);
        if (graph().ancestorIds(rows(), true).contains(r.id())) {
            migrateDownTo(r.id());
        } else {
            migrateUpTo(r.id());
        }
        return rows(table);
    }

    /** Runs a query; each row maps lower-case column labels to values. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement(sql)) {
            boolean postgres = isPostgres(connection);
            for (int i = 0; i < parameters.length; i++) {
                bind(st, i + 1, parameters[i], postgres);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
            commitIfNeeded(connection);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed at " + describeRows() + ": " + e.getMessage() + "\n"
                    + sql, e);
        }
    }

    /** Runs a statement (DML or DDL) and commits it; returns the update count. */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement(sql)) {
            boolean postgres = isPostgres(connection);
            for (int i = 0; i < parameters.length; i++) {
                bind(st, i + 1, parameters[i], postgres);
            }
            int count = st.executeUpdate();
            commitIfNeeded(connection);
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed at " + describeRows() + ": " + e.getMessage() + "\n"
                    + sql, e);
        }
    }

    // ------------------------------------------------------------------ for the built-in tests

    DataSource dataSource() {
        return dataSource;
    }

    RevisionScript script(String id) {
        return retort.scripts().script(id);
    }

    /** {@code id (path), message}, how failures name a revision. */
    String describe(String id) {
        RevisionScript script = script(id);
        String message = script.message();
        return id + " (" + script.source().displayPath() + ")" + (message == null || message.isEmpty() ? ""
                : ", " + message);
    }

    /** Every revision in the order {@code upgrade heads} runs them from an empty database. */
    List<Revision> upgradeOrder() {
        return graph().upgradePlan(List.of(), "heads");
    }

    /** Downgrades to base unless the database is there already. */
    void startFromBase() {
        if (!rows().isEmpty()) {
            migrateDownTo("base");
        }
    }

    /**
     * {@code upgrade}/{@code downgrade} to the target as one run in which every revision commits on its own
     * (transaction per migration): each revision is still one short step, a failure names its revision and leaves
     * the database after the last good one, and the run pays for its lock and version-row reads once.
     */
    MigrationResult stepwise(boolean up, String target) {
        Retort stepping = stepwise();
        return track(() -> up ? stepping.upgrade(target) : stepping.downgrade(target, false));
    }

    private Retort stepwise() {
        if (stepwise == null) {
            RetortConfig config = retort.config();
            stepwise = config.transactionPerMigration() ? retort
                    : new Retort(config.toBuilder().transactionPerMigration(true).build(),
                            CompletableFuture.completedFuture(retort.scripts()));
        }
        return stepwise;
    }

    /** Runs exactly one revision's upgrade; its parents (and dependencies) must be applied. */
    MigrationResult upgradeOne(Revision revision) {
        List<Revision> plan = graph().upgradePlan(rows(), revision.id());
        check(plan, revision, "upgrade");
        return migrateUpTo(revision.id());
    }

    /** Runs exactly one revision's downgrade; everything above it must be downgraded already. */
    MigrationResult downgradeOne(Revision revision) {
        // label@rev narrows the downgrade to the branch of the label; a revision id is a label here, so siblings of
        // the revision on other branches stay applied
        String target = belowTarget(revision);
        List<Revision> plan = graph().downgradePlan(rows(), target);
        check(plan, revision, "downgrade");
        return migrateDownTo(target);
    }

    /** A downgrade target that undoes the revision and what is above it, and nothing on other branches. */
    private static String belowTarget(Revision revision) {
        return revision.id() + "@" + (revision.isBase() ? "base" : revision.downRevisions().get(0));
    }

    private static void check(List<Revision> plan, Revision revision, String direction) {
        if (plan.size() != 1 || !plan.get(0).id().equals(revision.id())) {
            throw new IllegalStateException("A single " + direction + " of " + revision.id() + " would run "
                    + plan.stream().map(Revision::id).toList());
        }
    }

    /** Puts the database back at the version rows it had before the first move. */
    void restore() {
        if (startingRows == null || startingRows.equals(rows)) {
            return;
        }
        Set<String> heads = Set.copyOf(graph().heads());
        if (startingRows.isEmpty()) {
            migrateDownTo("base");
        } else if (Set.copyOf(startingRows).equals(heads)) {
            migrateUpTo("heads");
        } else {
            migrateDownTo("base");
            for (String row : startingRows) {
                migrateUpTo(row);
            }
        }
    }

    String describeRows() {
        List<String> now = rows();
        return now.isEmpty() ? "base" : String.join(", ", now);
    }

    private List<String> rows() {
        if (rows == null) {
            rows = retort.status().versionRows();
            if (startingRows == null) {
                startingRows = rows;
            }
        }
        return rows;
    }

    private MigrationResult track(java.util.function.Supplier<MigrationResult> move) {
        rows();
        try {
            MigrationResult result = move.get();
            rows = result.headsAfter();
            return result;
        } catch (RuntimeException e) {
            // where a failed run left the database depends on its transaction mode: read it again when needed
            rows = null;
            throw e;
        }
    }

    private Revision revision(String identifier) {
        Revision r = graph().resolveOne(identifier);
        if (r == null) {
            throw new IllegalArgumentException("'" + identifier + "' is base, not a revision");
        }
        return r;
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }

    private static void bind(PreparedStatement st, int index, Object value, boolean postgres) throws SQLException {
        if (postgres && value instanceof String) {
            // untyped, so the server casts it to the column's type (an enum, a uuid, jsonb…)
            st.setObject(index, value, Types.OTHER);
        } else {
            st.setObject(index, value);
        }
    }

    private static void commitIfNeeded(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
