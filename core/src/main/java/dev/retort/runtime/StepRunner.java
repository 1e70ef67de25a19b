package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.internal.Connections;
import dev.retort.internal.Messages;
import dev.retort.script.RevisionScript;
import dev.retort.script.SqlStatement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs prepared steps on one connection, moving the version rows and writing the audit log as it goes, in the
 * transaction mode asked for.
 *
 * <p>Where the dialect batches statements, each transactional revision (its statements and its version-row change)
 * goes to the database as one batch: one round trip instead of one per statement. Audit rows of a transaction are
 * written together before it commits, or, with one transaction per revision, ride in the revision's batch.
 * A failing batch doesn't say which statement failed, so the run is rolled back to its last commit, the revisions
 * before the failing one run again as batches (quietly: they were logged once already), and the failing revision
 * and those after it run one statement at a time, which names the statement, its file and line.
 */
final class StepRunner {

    /** A step with its statements read and split before anything runs, so a bad script changes nothing. */
    record Prepared(MigrationStep step, List<SqlStatement> statements, RevisionScript script, boolean transactional) {
    }

    /** A batch failed; which of its statements is unknown until they run one by one. */
    private static final class BatchFailed extends Exception {

        private int step;

        BatchFailed(SQLException cause) {
            super(cause);
        }
    }

    private static final int AUDIT_ROWS_PER_INSERT = 500;

    private final Connection connection;
    private final VersionTable versionTable;
    private final Dialect dialect;
    private final boolean perMigration;
    private final List<Migrator.AppliedStep> applied = new ArrayList<>();
    /** Audit rows of steps that ran in the open transaction, written in one statement before it commits. */
    private final List<AuditRecord> pendingAudit = new ArrayList<>();
    private List<String> committed;
    private int committedSteps;

    StepRunner(Connection connection, VersionTable versionTable, boolean transactionPerMigration,
            List<String> before) {
        this.connection = connection;
        this.versionTable = versionTable;
        this.dialect = versionTable.dialect();
        this.perMigration = transactionPerMigration || !dialect.transactionalDdl();
        this.committed = before;
    }

    /** The steps that ran. */
    List<Migrator.AppliedStep> applied() {
        return applied;
    }

    /** Runs the steps from the given heads (none after a purge) and returns the heads after them. */
    List<String> run(List<Prepared> steps, List<String> heads, boolean purge) throws SQLException {
        try {
            return execute(steps, 0, heads, purge, dialect.batchesStatements() ? steps.size() : 0, false);
        } catch (BatchFailed failed) {
            rollback();
            SQLException cause = (SQLException) failed.getCause();
            if (Connections.lost(cause, connection)) {
                throw lostConnection(steps.get(failed.step), cause, false);
            }
            SQLException first = cause.getNextException() != null ? cause.getNextException() : cause;
            Migrator.log.warn("Running {} failed ({}); running it again one statement at a time to find the statement",
                    steps.get(failed.step).step().shortLog(),
                    Messages.abbreviate(String.valueOf(first.getMessage()).lines().findFirst().orElse(""),
                            Messages.STATEMENT_EXCERPT));
            applied.subList(committedSteps, applied.size()).clear();
            pendingAudit.clear();
            boolean fresh = committedSteps == 0;
            try {
                return execute(steps, committedSteps, fresh ? heads : committed, purge && fresh, failed.step,
                        true);
            } catch (BatchFailed again) {
                // a revision that ran as a batch a moment ago failed as one now: report what the database said
                throw (SQLException) again.getCause();
            }
        }
    }

    /**
     * Runs steps {@code from} onwards; those before {@code batchUntil} as batches. In a {@code replay} after a
     * failed batch, the batched steps ran and were logged once already: now they are logged at debug level only.
     */
    private List<String> execute(List<Prepared> steps, int from, List<String> heads, boolean purge,
            int batchUntil, boolean replay) throws SQLException, BatchFailed {
        try (VersionTable.Online store = versionTable.online(connection);
                Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            HeadMaintainer maintainer = new HeadMaintainer(store, heads);
            if (from == 0) {
                // With transactional DDL, creating the tables joins the first transaction, so a run that fails
                // before its first commit leaves no trace.
                connection.setAutoCommit(!dialect.transactionalDdl());
                versionTable.ensureTables(connection);
                if (purge) {
                    versionTable.purge(connection);
                    if (!committed.isEmpty()) {
                        // the log says what the purge took off, as a stamp to base, so it knows those are gone
                        store.log(new AuditRecord(committed.get(committed.size() - 1), "stamp", committed,
                                List.of(), null, null, java.time.Instant.now(), 0));
                    }
                }
            } else if (!perMigration) {
                connection.setAutoCommit(false);
            }
            for (int i = from; i < steps.size(); i++) {
                Prepared p = steps.get(i);
                boolean outside = !p.transactional() && dialect.transactionalDdl();
                if (outside) {
                    if (!connection.getAutoCommit()) {
                        flushAudit(statement);
                        connection.commit();
                        markCommitted(i, maintainer);
                    }
                    connection.setAutoCommit(true);
                } else {
                    connection.setAutoCommit(false);
                }
                if (i < batchUntil && !outside) {
                    try {
                        runBatched(p, statement, maintainer, replay);
                    } catch (BatchFailed failed) {
                        failed.step = i;
                        throw failed;
                    }
                } else {
                    // the revision whose batch failed was logged as it started; now it runs to find the statement
                    boolean again = replay && i == batchUntil;
                    runOneByOne(p, statement, maintainer, store, outside, again);
                }
                if (perMigration || outside) {
                    if (!connection.getAutoCommit()) {
                        flushAudit(statement);
                        connection.commit();
                    }
                    markCommitted(i + 1, maintainer);
                }
            }
            if (!connection.getAutoCommit()) {
                flushAudit(statement);
                connection.commit();
            }
            markCommitted(steps.size(), maintainer);
            return maintainer.heads();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void markCommitted(int steps, HeadMaintainer maintainer) {
        committedSteps = steps;
        committed = maintainer.heads();
    }

    /** Each statement on its own, the version rows and the audit row through prepared statements. */
    private void runOneByOne(Prepared p, Statement statement, HeadMaintainer maintainer, VersionTable.Online store,
            boolean outside, boolean again) throws SQLException {
        if (again) {
            Migrator.log.debug("Running {} again, one statement at a time", p.step().describe());
        } else {
            Migrator.log.info("Running {}", p.step().describe());
        }
        long started = System.nanoTime();
        List<String> headsBefore = maintainer.heads();
        for (SqlStatement sql : p.statements()) {
            try {
                statement.execute(sql.sql());
            } catch (SQLException e) {
                if (Connections.lost(e, connection)) {
                    throw lostConnection(p, e, outside);
                }
                // Outside a transaction, or one transaction per revision, everything before this step is
                // committed; in one transaction for the run, the rollback goes back to the last commit.
                throw failure(p, sql, e, outside, outside || perMigration ? headsBefore : committed);
            }
        }
        maintainer.writeTo(store);
        maintainer.updateToStep(p.step());
        long millis = Migrator.elapsed(started);
        store.log(AuditRecord.of(p.step(), p.script(), millis));
        finished(p, millis);
    }

    /**
     * The step's statements and its version-row change as one batch. With one transaction per revision the audit
     * row goes in the batch too, timed on the database's clock; otherwise it waits for the commit.
     */
    private void runBatched(Prepared p, Statement statement, HeadMaintainer maintainer, boolean replay)
            throws SQLException, BatchFailed {
        if (replay) {
            Migrator.log.debug("Running {} again", p.step().describe());
        } else {
            Migrator.log.info("Running {}", p.step().describe());
        }
        long started = System.nanoTime();
        // with one transaction per revision, the transaction began with this step: the database can time it
        String elapsed = perMigration ? dialect.transactionElapsedMillis() : null;
        statement.clearBatch();
        for (SqlStatement sql : p.statements()) {
            statement.addBatch(sql.sql());
        }
        int offset = p.statements().size();
        VersionTable.Batched changes = versionTable.new Batched();
        maintainer.writeTo(changes);
        maintainer.updateToStep(p.step());
        List<VersionTable.Batched.Change> rowChanges = changes.drain();
        for (VersionTable.Batched.Change change : rowChanges) {
            statement.addBatch(change.sql());
        }
        AuditRecord audit = AuditRecord.of(p.step(), p.script(), 0);
        if (elapsed != null) {
            statement.addBatch(versionTable.auditInsert(audit, elapsed));
        }
        int[] counts;
        try {
            counts = statement.executeBatch();
        } catch (BatchUpdateException e) {
            throw new BatchFailed(e);
        }
        for (int i = 0; i < rowChanges.size(); i++) {
            String mismatch = rowChanges.get(i).mismatch();
            int count = counts[offset + i];
            if (mismatch != null && count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw new VersionTableException(String.format(mismatch, count));
            }
        }
        long millis = Migrator.elapsed(started);
        if (elapsed == null) {
            pendingAudit.add(audit.withMillis(millis));
        }
        if (replay) {
            applied.add(new Migrator.AppliedStep(p.step(), millis));
        } else {
            finished(p, millis);
        }
    }

    private void flushAudit(Statement statement) throws SQLException {
        for (int from = 0; from < pendingAudit.size(); from += AUDIT_ROWS_PER_INSERT) {
            statement.execute(versionTable.auditInsert(
                    pendingAudit.subList(from, Math.min(pendingAudit.size(), from + AUDIT_ROWS_PER_INSERT))));
        }
        pendingAudit.clear();
    }

    private void finished(Prepared p, long millis) {
        applied.add(new Migrator.AppliedStep(p.step(), millis));
        Migrator.log.info("Finished {} in {} ms", p.step().shortLog(), millis);
    }

    private MigrationFailedException failure(Prepared p, SqlStatement sql, SQLException e, boolean outside,
            List<String> headsNow) {
        RevisionStep step = (RevisionStep) p.step();
        String path = p.script().source().displayPath();
        String dbMessage = Messages.abbreviateLines(e.getMessage() == null ? e.toString() : e.getMessage().strip(),
                Messages.STATEMENT_EXCERPT, 5);
        String at = headsNow.isEmpty() ? "base (no version rows)" : String.join(", ", headsNow);
        String state;
        if (outside) {
            state = "Revision " + step.revision() + " runs outside a transaction (Transactional: false), so its"
                    + " statements before line " + sql.line() + " stay applied and it is not recorded; revisions"
                    + " before it were committed. The database is at " + at + ".";
        } else if (!dialect.transactionalDdl()) {
            state = dialect.name() + " commits DDL as it runs, so DDL statements of revision " + step.revision()
                    + " before line " + sql.line() + " stay applied; the revision is not recorded. The database is"
                    + " at " + at + ".";
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

    /**
     * The connection went away while a step ran: the server rolled back the open transaction, so the database is
     * at the last commit (a non-transactional revision may have left some of its statements applied).
     */
    private ConnectionLostException lostConnection(Prepared p, SQLException e, boolean outside) {
        String path = p.script() == null ? null : p.script().source().displayPath();
        String said = Connections.firstLine(e);
        String at = committed.isEmpty() ? "base (no version rows)" : String.join(", ", committed);
        String state = outside
                ? "Revision " + ((RevisionStep) p.step()).revision() + " runs outside a transaction (Transactional:"
                        + " false), so some of its statements may have been applied and it is not recorded; the"
                        + " database is at " + at + ". Check what the revision did before running the command"
                        + " again."
                : "The server rolled back the open transaction: the database is at " + at + "."
                        + (perMigration ? " Revisions before it were committed." : "")
                        + " Running the command again is safe; it continues from there.";
        String message = "Running " + p.step().shortLog() + " failed: the connection to the database was lost ("
                + Messages.abbreviate(said, 300) + ")\n" + state;
        String revision = p.step() instanceof RevisionStep rs ? rs.revision() : null;
        return new ConnectionLostException(message, revision, path, said, committed, e);
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
}
