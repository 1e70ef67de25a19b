package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.script.ScriptDirectory;
import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The version table stays Alembic's (both ways), the audit log records each step, names are configurable. */
class VersionTableTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeScripts() {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("1975ea83b712", null).message("create account table")
                .upgrade("CREATE TABLE account (id int PRIMARY KEY);").downgrade("DROP TABLE account;").write();
        files.add("ae1027a6acf0", "1975ea83b712").message("add a column")
                .upgrade("ALTER TABLE account ADD COLUMN a int;").downgrade("ALTER TABLE account DROP COLUMN a;")
                .write();
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private RetortConfig.Builder config() {
        return RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations("filesystem:" + dir).output(line -> { });
    }

    @Test
    void databaseAlembicManagesIsTakenOverWhenTheIdsMatch() throws SQLException {
        // exactly what Alembic (SQLAlchemy) creates, after 'alembic upgrade 1975ea83b712'
        db.execute("CREATE TABLE account (id int PRIMARY KEY)",
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                        + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712')");

        MigrationResult result = new Retort(config().build()).upgrade("heads");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("ae1027a6acf0");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("ae1027a6acf0");
    }

    @Test
    void versionTableRetortCreatesIsTheOneAlembicExpects() throws SQLException {
        new Retort(config().build()).upgrade("heads");

        assertThat(db.column("SELECT column_name || ' ' || data_type || '(' || character_maximum_length || ') '"
                + " || is_nullable FROM information_schema.columns WHERE table_name = 'alembic_version'"))
                .containsExactly("version_num character varying(32) NO");
        assertThat(db.column("SELECT constraint_name || ' ' || constraint_type FROM information_schema.table_constraints"
                + " WHERE table_name = 'alembic_version' AND constraint_type = 'PRIMARY KEY'"))
                .containsExactly("alembic_version_pkc PRIMARY KEY");
    }

    @Test
    void auditLogRecordsEachStepWithChecksumDurationAndUser() throws SQLException {
        Retort retort = new Retort(config().build());
        retort.upgrade("heads");
        retort.downgrade("-1", false);

        assertThat(db.column("SELECT revision || ' ' || direction || ' [' || from_revisions || '] -> ['"
                + " || to_revisions || '] ' || applied_by FROM alembic_version_log ORDER BY id"))
                .containsExactly("1975ea83b712 upgrade [] -> [1975ea83b712] " + db.user(),
                        "ae1027a6acf0 upgrade [1975ea83b712] -> [ae1027a6acf0] " + db.user(),
                        "ae1027a6acf0 downgrade [ae1027a6acf0] -> [1975ea83b712] " + db.user());
        ScriptDirectory scripts = retort.scripts();
        assertThat(db.column("SELECT checksum FROM alembic_version_log ORDER BY id")).containsExactly(
                scripts.script("1975ea83b712").body().checksum(), scripts.script("ae1027a6acf0").body().checksum(),
                scripts.script("ae1027a6acf0").body().checksum());
        assertThat(scripts.script("1975ea83b712").body().checksum()).matches("[0-9a-f]{64}");
        assertThat(db.column("SELECT count(*) FROM alembic_version_log WHERE execution_time_ms >= 0"
                + " AND applied_at > now() - interval '1 minute' AND script LIKE '%1975ea83b712_create_account_table.sql'"))
                .containsExactly("1");
    }

    @Test
    void statusReportsRowsPendingHistoryAndAudit() {
        Retort retort = new Retort(config().build());
        retort.upgrade("1975");

        MigrationStatus status = retort.status();

        assertThat(status.versionRows()).containsExactly("1975ea83b712");
        assertThat(status.pending()).containsExactly("ae1027a6acf0");
        assertThat(status.upToDate()).isFalse();
        assertThat(status.history()).extracting(MigrationStatus.RevisionInfo::revision, MigrationStatus.RevisionInfo::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ae1027a6acf0", "pending"),
                        org.assertj.core.groups.Tuple.tuple("1975ea83b712", "current"));
        assertThat(status.history().get(1).appliedBy()).isEqualTo(db.user());
        assertThat(status.history().get(1).appliedAt()).isNotNull();
        assertThat(status.history().get(0).appliedAt()).isNull();
    }

    @Test
    void versionTableNameAndSchemaAreConfigurable() throws SQLException {
        db.execute("CREATE SCHEMA ops");
        Retort retort = new Retort(config().versionTable("schema_revisions").schema("ops").build());

        retort.upgrade("heads");

        assertThat(db.column("SELECT version_num FROM ops.schema_revisions")).containsExactly("ae1027a6acf0");
        assertThat(db.column("SELECT count(*) FROM ops.schema_revisions_log")).containsExactly("2");
        assertThat(db.tables()).containsExactly("account");
        assertThat(retort.status().versionRows()).containsExactly("ae1027a6acf0");
    }

    @Test
    void versionRowChangeThatMatchesNoRowFailsTheRunAndChangesNothing() throws SQLException {
        new Retort(config().build()).upgrade("heads");
        // something else swallows updates of the version table (a trigger here; a concurrent writer in life)
        db.execute("CREATE FUNCTION swallow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
                "CREATE TRIGGER swallow BEFORE UPDATE ON alembic_version FOR EACH ROW EXECUTE FUNCTION swallow()");

        for (boolean perMigration : new boolean[] {false, true}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Retort(config()
                            .transactionPerMigration(perMigration).build()).downgrade("1975ea83b712", false))
                    .isInstanceOf(CommandException.class)
                    .hasMessageContaining("Online migration expected to match one row when updating 'ae1027a6acf0'"
                            + " to '1975ea83b712' in 'alembic_version'; 0 found")
                    .extracting(e -> ((CommandException) e).code()).isEqualTo(ErrorCode.VERSION_TABLE_CONFLICT);
            assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("ae1027a6acf0");
            assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'account'"
                    + " ORDER BY column_name")).containsExactly("a", "id");
        }
    }

    @Test
    void passwordNeverAppearsInConnectionErrors() {
        Retort retort = new Retort(RetortConfig.builder()
                .url("jdbc:postgresql://127.0.0.1:1/nowhere?password=s3cr3t").password("s3cr3t")
                .locations("filesystem:" + dir).output(line -> { }).build());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> retort.upgrade("heads"))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("Can't connect to jdbc:postgresql://127.0.0.1:1/nowhere?password=***: ")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void commandNeedingADatabaseSaysSoWhenThereIsNone() {
        Retort retort = new Retort(RetortConfig.builder().locations("filesystem:" + dir).output(line -> { }).build());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> retort.current(false, false))
                .hasMessage("'current' needs a database and none is configured")
                .extracting(e -> ((CommandException) e).action())
                .isEqualTo("Pass --url (or set DATABASE_URL in the environment or in a .env file).");
    }
}
