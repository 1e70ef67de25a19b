package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import dev.retort.script.RevisionScript;
import dev.retort.script.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs steps against a database: under the migration lock, reading the version rows, planning from them, then
 * running each step's SQL and moving the version rows and the audit log with it.
 *
 * <p>Transactions: with transactional DDL the whole run is one transaction unless {@code transactionPerMigration};
 * without it (H2) each revision commits on its own. A revision marked {@code Transactional: false} commits what
 * came before it and runs in autocommit.
 */
public final class Migrator {

    static final Logger log = LoggerFactory.getLogger("retort.runtime.migration");

    private final Connection connection;
    private final Dialect.ConnectionOpener opener;
    private final VersionTable versionTable;
    private final boolean transactionPerMigration;
    private final Duration lockTimeout;

    /** Decides the steps from the version rows read under the lock. */
    @FunctionalInterface
    public interface Plan {
        List<MigrationStep> steps(List<String> heads);
    }

    /** A step that ran and how long it took. */
    public record AppliedStep(MigrationStep step, long millis) {
    }

    /** What a run did. */
    public record Result(List<String> headsBefore, List<String> headsAfter, List<AppliedStep> steps, long millis) {
    }

    public Migrator(Connection connection, Dialect.ConnectionOpener opener, VersionTable versionTable,
            boolean transactionPerMigration, Duration lockTimeout) {
        this.connection = connection;
        this.opener = opener;
        this.versionTable = versionTable;
        this.transactionPerMigration = transactionPerMigration;
        this.lockTimeout = lockTimeout;
    }

    /** Logs Alembic's context lines: {@code Context impl PostgresqlImpl.} and the DDL mode. */
    public static void logContext(Dialect dialect, boolean offline) {
        log.info("Context impl {}.", dialect.implName());
        if (offline) {
            log.info("Generating static SQL");
        }
        log.info("Will assume {} DDL.", dialect.transactionalDdl() ? "transactional" : "non-transactional");
    }

    /** The version rows, without taking the lock or creating anything. */
    public List<String> currentHeads() throws SQLException {
        return versionTable.readHeads(connection);
    }

    /**
     * Takes the lock, reads the version rows (after deleting them all when {@code purge}), plans, and runs the
     * planned steps.
     */
    public Result run(Plan plan, boolean purge) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (MigrationLock lock = versionTable.dialect().lock(connection, opener, versionTable.schema(),
                versionTable.table(), lockTimeout)) {
            List<String> before = versionTable.readHeads(connection);
            List<String> heads = purge ? List.of() : before;
            List<MigrationStep> steps = plan.steps(heads);
            if (steps.isEmpty() && !purge) {
                return new Result(before, before, List.of(), elapsed(started));
            }
            List<Prepared> prepared = prepare(steps);
            List<AppliedStep> applied = new ArrayList<>();
            List<String> after = execute(prepared, heads, before, purge, applied);
            return new Result(before, after, applied, elapsed(started));
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** A step with its statements read and split before anything runs, so a bad script changes nothing. */
    private record Prepared(MigrationStep step, List<SqlStatement> statements, RevisionScript script,
            boolean transactional) {
    }

    private static List<Prepared> prepare(List<MigrationStep> steps) {
        List<Prepared> out = new ArrayList<>(steps.size());
        for (MigrationStep step : steps) {
            if (step instanceof RevisionStep rs) {
                RevisionScript script = rs.script();
                if (!rs.isUpgrade() && !script.body().hasDowngrade()) {
                    throw new MigrationFailedException("Revision " + script.id() + " ('"
                            + script.source().displayPath() + "') has no '-- migrate:downgrade' section, so it can't"
                            + " be downgraded; add the section (it may be empty) and run the command again. Nothing"
                            + " was changed.", script.id(), script.source().displayPath(), 0, null, null, null,
                            List.of(), null);
                }
                List<SqlStatement> statements = rs.isUpgrade() ? script.body().upgradeStatements()
                        : script.body().downgradeStatements();
                out.add(new Prepared(step, statements, script, script.transactional()));
            } else {
                out.add(new Prepared(step, List.of(), null, true));
            }
        }
        return out;
    }

    private List<String> execute(List<Prepared> steps, List<String> heads, List<String> before, boolean purge,
            List<AppliedStep> applied) throws SQLException {
        Dialect dialect = versionTable.dialect();
        boolean perMigration = transactionPerMigration || !dialect.transactionalDdl();
        List<String> committed = before;
        try (VersionTable.Online store = versionTable.online(connection);
                Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            HeadMaintainer maintainer = new HeadMaintainer(store, heads);
            // With transactional DDL, creating the tables joins the first transaction, so a run that fails
            // before its first commit leaves no trace.
            connection.setAutoCommit(!dialect.transactionalDdl());
            versionTable.ensureTables(connection);
            if (purge) {
                versionTable.purge(connection);
            }
            for (Prepared p : steps) {
                boolean outside = !p.transactional() && dialect.transactionalDdl();
                if (outside && !connection.getAutoCommit()) {
                    connection.commit();
                    committed = maintainer.heads();
                }
                connection.setAutoCommit(outside);
                log.info("Running {}", p.step().describe());
                long stepStart = System.nanoTime();
                List<String> headsBefore = maintainer.heads();
                for (SqlStatement sql : p.statements()) {
                    runStatement(statement, sql, p, outside, perMigration, committed, headsBefore);
                }
                maintainer.updateToStep(p.step());
                long millis = elapsed(stepStart);
                audit(store, p, millis);
                if (perMigration || outside) {
                    if (!connection.getAutoCommit()) {
                        connection.commit();
                    }
                    committed = maintainer.heads();
                }
                if (!perMigration) {
                    connection.setAutoCommit(false);
                }
                applied.add(new AppliedStep(p.step(), millis));
                log.info("Finished {} in {} ms", p.step().shortLog(), millis);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return maintainer.heads();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void runStatement(Statement statement, SqlStatement sql, Prepared p, boolean outside,
            boolean perMigration, List<String> committed, List<String> headsBefore) {
        try {
            statement.execute(sql.sql());
        } catch (SQLException e) {
            // Outside a transaction, or one transaction per revision, everything before this step is committed;
            // in one transaction for the run, the rollback goes back to the last commit.
            throw failure(p, sql, e, outside, perMigration, outside || perMigration ? headsBefore : committed);
        }
    }

    private MigrationFailedException failure(Prepared p, SqlStatement sql, SQLException e, boolean outside,
            boolean perMigration, List<String> headsNow) {
        RevisionStep step = (RevisionStep) p.step();
        String path = p.script().source().displayPath();
        String dbMessage = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        String at = headsNow.isEmpty() ? "base (no version rows)" : String.join(", ", headsNow);
        String state;
        if (outside) {
            state = "Revision " + step.revision() + " runs outside a transaction (Transactional: false), so its"
                    + " statements before line " + sql.line() + " stay applied and it is not recorded; revisions"
                    + " before it were committed. The database is at " + at + ".";
        } else if (!versionTable.dialect().transactionalDdl()) {
            state = versionTable.dialect().name() + " commits DDL as it runs, so DDL statements of revision "
                    + step.revision() + " before line " + sql.line() + " stay applied; the revision is not"
                    + " recorded. The database is at " + at + ".";
        } else if (perMigration) {
            state = "Revision " + step.revision() + " was rolled back; revisions before it were committed. The"
                    + " database is at " + at + ".";
        } else {
            state = "The whole run was rolled back; the database is at " + at + " as before.";
        }
        String message = "Running " + step.shortLog() + " failed: revision script '" + path + "' line "
                + sql.line() + ": " + sql.firstLine() + "\n" + dbMessage + "\n" + state
                + " Fix the statement and run the command again.";
        return new MigrationFailedException(message, step.revision(), path, sql.line(), sql.firstLine(),
                e.getSQLState(), dbMessage, headsNow, e);
    }

    private void audit(VersionTable.Online store, Prepared p, long millis) throws SQLException {
        MigrationStep step = p.step();
        if (step instanceof RevisionStep rs) {
            store.log(rs.revision(), rs.name(), rs.fromRevisionsNoDeps(), rs.toRevisionsNoDeps(),
                    p.script().source().displayPath(), p.script().body().checksum(), Instant.now(), millis);
        } else {
            StampStep stamp = (StampStep) step;
            List<String> primary = stamp.to().isEmpty() ? stamp.from() : stamp.to();
            store.log(primary.get(primary.size() - 1), "stamp", stamp.from(), stamp.to(), null, null, Instant.now(),
                    millis);
        }
    }

    private void rollback() {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
