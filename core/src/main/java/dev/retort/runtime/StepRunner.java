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

    /**
     * A step with its statements read and split before anything runs, so a bad script changes nothing. The
     * statements before {@code from} stayed applied when an earlier run of the revision failed, and are skipped.
     */
    record Prepared(MigrationStep step, List<SqlStatement> statements, RevisionScript script, boolean transactional,
            int from) {

        List<SqlStatement> toRun() {
            return statements.subList(from, statements.size());
        }
    }

    /** A revision's statement failed; reported once the run's resources are closed and its transaction rolled back. */
    private static final class StatementFailed extends RuntimeException {

        private final Prepared prepared;
        private final int index;
        private final boolean outside;
        private final List<String> headsNow;
        private final long millis;

        StatementFailed(Prepared prepared, int index, boolean outside, List<String> headsNow, long millis,
                SQLException cause) {
            super(cause);
            this.prepared = prepared;
            this.index = index;
            this.outside = outside;
            this.headsNow = headsNow;
            this.millis = millis;
        }
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
        } catch (StatementFailed failed) {
            rollback();
            throw failure(failed);
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
            logStart(p);
        }
        long started = System.nanoTime();
        List<String> headsBefore = maintainer.heads();
        // H2 commits before and after DDL, but not before DDL that fails to parse: committing around DDL here
        // makes what stays applied after a failure the same either way (see stayedApplied)
        boolean commitAroundDdl = !dialect.transactionalDdl() && !connection.getAutoCommit();
        for (int i = p.from(); i < p.statements().size(); i++) {
            SqlStatement sql = p.statements().get(i);
            try {
                if (commitAroundDdl && sql.isDdl()) {
                    connection.commit();
                }
                statement.execute(sql.sql());
                if (commitAroundDdl && sql.isDdl()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                if (Connections.lost(e, connection)) {
                    throw lostConnection(p, e, outside);
                }
                // Outside a transaction, or one transaction per revision, everything before this step is
                // committed; in one transaction for the run, the rollback goes back to the last commit.
                throw new StatementFailed(p, i, outside, outside || perMigration ? headsBefore : committed,
                        Migrator.elapsed(started), e);
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
            logStart(p);
        }
        long started = System.nanoTime();
        // with one transaction per revision, the transaction began with this step: the database can time it
        String elapsed = perMigration ? dialect.transactionElapsedMillis() : null;
        statement.clearBatch();
        for (SqlStatement sql : p.toRun()) {
            statement.addBatch(sql.sql());
        }
        int offset = p.toRun().size();
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

    private static void logStart(Prepared p) {
        if (p.from() == 0) {
            Migrator.log.info("Running {}", p.step().describe());
        } else {
            Migrator.log.info("Running {}, resuming at statement {} of {} ({} stayed applied when it failed)",
                    p.step().describe(), p.from() + 1, p.statements().size(), Messages.firstStatements(p.from()));
        }
    }

    private void finished(Prepared p, long millis) {
        applied.add(new Migrator.AppliedStep(p.step(), millis));
        Migrator.log.info("Finished {} in {} ms", p.step().shortLog(), millis);
    }

    /**
     * The failure as the user reads it. Where the failed revision's statements were not all rolled back (it ran
     * outside a transaction, or the database commits DDL as it runs), the audit log records how many stayed
     * applied, so that the next run doesn't repeat them unasked.
     */
    private MigrationFailedException failure(StatementFailed failed) {
        Prepared p = failed.prepared;
        SQLException e = (SQLException) failed.getCause();
        SqlStatement sql = p.statements().get(failed.index);
        RevisionStep step = (RevisionStep) p.step();
        String path = p.script().source().displayPath();
        String dbMessage = Messages.abbreviateLines(e.getMessage() == null ? e.toString() : e.getMessage().strip(),
                Messages.STATEMENT_EXCERPT, 5);
        String at = failed.headsNow.isEmpty() ? "base (no version rows)" : String.join(", ", failed.headsNow);
        boolean partial = failed.outside || !dialect.transactionalDdl();
        int applied = partial ? stayedApplied(p, failed.index, failed.outside) : p.from();
        boolean recorded = partial && record(p, failed, applied);
        String state;
        if (partial && applied > 0) {
            SqlStatement last = p.statements().get(applied - 1);
            String statements = Messages.firstStatements(applied) + " " + Messages.through(applied, last.line(),
                    last.firstLine());
            state = (failed.outside ? "Revision " + step.revision() + " runs outside a transaction (Transactional:"
                    + " false), so its " : dialect.name() + " commits DDL as it runs, so revision " + step.revision()
                    + "'s ") + statements + (applied == 1 ? " stays" : " stay") + " applied"
                    + (applied < failed.index ? " (the later ones were rolled back)" : "")
                    + " and the revision is not recorded; revisions before it were committed. The database is at "
                    + at + ".";
        } else if (partial) {
            state = "None of revision " + step.revision() + "'s statements stayed applied; revisions before it were"
                    + " committed. The database is at " + at + ".";
        } else if (perMigration) {
            state = "Revision " + step.revision() + " was rolled back; revisions before it were committed. The"
                    + " database is at " + at + ".";
        } else {
            state = "The whole run was rolled back; the database is at " + at + " as before.";
        }
        String them = Messages.firstStatements(applied);
        String next = applied == 0 || !partial ? " Fix the statement and run the command again."
                : recorded ? " The audit log records this: fix the statement, then run the upgrade again with"
                        + " --resume to continue after statement " + applied + ", or undo " + them + " by hand and"
                        + " use --retry to run the whole revision again."
                : " Recording this in the audit log failed, so the next run would repeat " + them + ": undo "
                        + (applied == 1 ? "it" : "them") + " by hand, fix the statement, and run the command again.";
        String message = "Running " + step.shortLog() + " failed: revision script '" + path + "' line "
                + sql.line() + ": " + sql.firstLine() + "\n" + dbMessage + "\n" + state + next;
        return new MigrationFailedException(message, step.revision(), path, sql.line(), sql.firstLine(),
                e.getSQLState(), dbMessage, failed.headsNow, recorded ? applied : 0, e);
    }

    /**
     * How many of the revision's first statements stayed applied when statement {@code failed} (0-based) failed
     * and the open transaction was rolled back. Outside a transaction each statement committed as it ran, except
     * in a transaction the revision opened itself and the failure aborted. On a database that commits DDL as it
     * runs, the run commits before and after each DDL statement, so everything up to the last DDL statement (or
     * {@code COMMIT}) stayed, and everything before the failing statement when it is DDL.
     */
    private int stayedApplied(Prepared p, int failed, boolean outside) {
        List<SqlStatement> statements = p.statements();
        if (outside) {
            int opened = openedAt(p, failed);
            return opened >= 0 ? opened : failed;
        }
        if (statements.get(failed).isDdl()) {
            return failed;
        }
        for (int i = failed - 1; i >= p.from(); i--) {
            if (statements.get(i).isDdl() || statements.get(i).endsTransaction()) {
                return i + 1;
            }
        }
        return p.from();
    }

    /** The statement that opened a transaction of the revision's own that is still open at {@code failed}, or -1. */
    private static int openedAt(Prepared p, int failed) {
        int opened = -1;
        for (int i = p.from(); i < failed; i++) {
            SqlStatement statement = p.statements().get(i);
            if (statement.beginsTransaction()) {
                opened = i;
            } else if (statement.endsTransaction()) {
                opened = -1;
            }
        }
        return opened;
    }

    /**
     * Writes the {@code failed} audit row, committed on its own: the revision, its script, how many statements
     * stayed applied and the checksum of their SQL. Says whether it was written.
     */
    private boolean record(Prepared p, StatementFailed failed, int applied) {
        RevisionStep step = (RevisionStep) p.step();
        AuditRecord row = new AuditRecord(step.revision(), AuditRecord.FAILED, step.fromRevisionsNoDeps(),
                step.toRevisionsNoDeps(), p.script().source().displayPath(),
                SqlStatement.checksum(p.statements().subList(0, applied)), java.time.Instant.now(), failed.millis,
                applied);
        try {
            if (failed.outside && openedAt(p, failed.index) >= 0) {
                // the revision's own transaction, aborted by the failure, is still open on the server
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                }
            }
            connection.setAutoCommit(true);
            versionTable.logFailure(connection, row);
            return true;
        } catch (SQLException e) {
            Migrator.log.warn("Recording in the audit log that {} of revision {} stayed applied failed: {}",
                    Messages.firstStatements(applied), step.revision(), Connections.firstLine(e));
            return false;
        }
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
