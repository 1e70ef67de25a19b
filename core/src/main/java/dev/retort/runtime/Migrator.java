package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import dev.retort.script.RevisionScript;
import dev.retort.script.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
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
        List<MigrationStep> steps(List<String> heads) throws SQLException;
    }

    /** Decides audit rows from the version rows, under the lock. */
    @FunctionalInterface
    public interface Notes {
        List<AuditNote> notes(List<String> heads) throws SQLException;
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
     * Reads the version rows and plans; when something is to be done (or {@code purge}), takes the lock, reads and
     * plans again under it, and runs the planned steps. An up-to-date database is answered without the lock.
     */
    public Result run(Plan plan, boolean purge) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try {
            List<String> seen = null;
            List<MigrationStep> planned = null;
            if (!purge) {
                List<String> rows = versionTable.readHeads(connection);
                try {
                    planned = plan.steps(rows);
                    seen = rows;
                } catch (RuntimeException e) {
                    // Without the lock the rows and the audit log are read at two moments, and another process
                    // may commit between them (its version rows and audit rows commit together): a revision the
                    // log shows applied above rows read just before is that race, not an edit. If the rows moved
                    // meanwhile, plan again under the lock, where a real failure fails again; else it is real.
                    if (versionTable.readHeads(connection).equals(rows)) {
                        throw e;
                    }
                    planned = null;
                }
                if (planned != null && planned.isEmpty()) {
                    return new Result(rows, rows, List.of(), elapsed(started));
                }
            }
            try (MigrationLock lock = versionTable.dialect().lock(connection, opener, versionTable.schema(),
                    versionTable.table(), lockTimeout)) {
                List<String> before = versionTable.readHeads(connection);
                List<String> heads = purge ? List.of() : before;
                // planned again only when another process moved the rows meanwhile, or for a purge (nothing seen
                // before the lock); so warnings are said once
                List<MigrationStep> steps = before.equals(seen) ? planned : plan.steps(heads);
                if (steps.isEmpty() && !purge) {
                    return new Result(before, before, List.of(), elapsed(started));
                }
                List<StepRunner.Prepared> prepared = prepare(steps);
                StepRunner runner = new StepRunner(connection, versionTable, transactionPerMigration, before);
                List<String> after = runner.run(prepared, heads, purge);
                return new Result(before, after, runner.applied(), elapsed(started));
            }
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Under the lock, writes the audit rows decided from the version rows read under it, in one transaction; moves
     * no version row. Returns the rows written.
     */
    public List<AuditNote> record(Notes notes) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (MigrationLock lock = versionTable.dialect().lock(connection, opener, versionTable.schema(),
                versionTable.table(), lockTimeout)) {
            List<AuditNote> written = notes.notes(versionTable.readHeads(connection));
            if (written.isEmpty()) {
                return written;
            }
            connection.setAutoCommit(false);
            try (VersionTable.Online store = versionTable.online(connection)) {
                versionTable.ensureTables(connection);
                Instant now = Instant.now();
                for (AuditNote note : written) {
                    store.log(new AuditRecord(note.revision(), note.direction(), note.from(), note.to(),
                            note.script(), note.checksum(), now, 0));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            return written;
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static List<StepRunner.Prepared> prepare(List<MigrationStep> steps) {
        // Read the bodies in parallel, as the headers were. A body that fails to read is read again below, in
        // order, so the failure reported is always the first one.
        steps.parallelStream().filter(RevisionStep.class::isInstance).forEach(step -> {
            try {
                ((RevisionStep) step).script().body();
            } catch (RuntimeException later) {
                // reported by the in-order pass
            }
        });
        List<StepRunner.Prepared> out = new ArrayList<>(steps.size());
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
                List<SqlStatement> statements = script.statements(rs.isUpgrade());
                out.add(new StepRunner.Prepared(step, statements, script, script.transactional(), rs.skips()));
            } else {
                out.add(new StepRunner.Prepared(step, List.of(), null, true, 0));
            }
        }
        return out;
    }

    static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
