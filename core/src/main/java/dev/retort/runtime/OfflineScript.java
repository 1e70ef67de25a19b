package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.script.RevisionScript;
import dev.retort.script.SqlStatement;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the SQL script a run would execute, without a connection, as Alembic's {@code --sql} mode prints it:
 * {@code BEGIN;}/{@code COMMIT;}, {@code CREATE TABLE alembic_version} when starting from base, a
 * {@code -- Running upgrade a -> b} comment before each revision's SQL, and the version-row statements. Each item
 * ends with {@code ;} and a blank line.
 */
public final class OfflineScript {

    private final Dialect dialect;
    private final String schema;
    private final String table;
    private final boolean transactionPerMigration;
    private final Consumer<String> out;

    public OfflineScript(Dialect dialect, String schema, String table, boolean transactionPerMigration,
            Consumer<String> out) {
        this.dialect = dialect;
        this.schema = schema;
        this.table = table;
        this.transactionPerMigration = transactionPerMigration;
        this.out = out;
    }

    /** Writes the steps, starting from a database at {@code startingHeads}. */
    public void write(List<String> startingHeads, List<MigrationStep> steps) {
        boolean transactional = dialect.transactionalDdl();
        boolean outer = transactional && !transactionPerMigration;
        Store store = new Store();
        HeadMaintainer maintainer = new HeadMaintainer(store, startingHeads);
        if (outer) {
            emit("BEGIN;");
        }
        for (MigrationStep step : steps) {
            boolean perStep = transactional && transactionPerMigration;
            if (perStep) {
                emit("BEGIN;");
            }
            if (maintainer.heads().isEmpty()) {
                emit(dialect.offlineCreateVersionTable(schema, table) + ";");
            }
            Migrator.log.info("Running {}", step.describe());
            emit("-- Running " + step.shortLog());
            if (step instanceof RevisionStep rs) {
                RevisionScript script = rs.script();
                boolean outside = transactional && !script.transactional();
                if (outside) {
                    emit("COMMIT;");
                }
                List<SqlStatement> statements = script.statements(rs.isUpgrade());
                for (SqlStatement statement : statements) {
                    emit(statement.sql() + ";");
                }
                if (outside) {
                    emit("BEGIN;");
                }
            }
            try {
                maintainer.updateToStep(step);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            if (perStep) {
                emit("COMMIT;");
            }
        }
        if (outer) {
            emit("COMMIT;");
        }
    }

    private void emit(String text) {
        out.accept(text.strip() + "\n");
    }

    private final class Store implements VersionStore {

        @Override
        public void insert(String version) {
            emit(dialect.offlineInsertVersion(schema, table, version) + ";");
        }

        @Override
        public void update(String from, String to) {
            emit(dialect.offlineUpdateVersion(schema, table, from, to) + ";");
        }

        @Override
        public void delete(String version) {
            emit(dialect.offlineDeleteVersion(schema, table, version) + ";");
        }
    }
}
