package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade --resume} and {@code --retry} on the command line: a non-transactional revision that fails part-way,
 * the next run's refusal and its exit code, resuming, and the flags' usage errors.
 */
class ResumeCliTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path project;

    private RevisionFiles files;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
        files = new RevisionFiles(project.resolve("versions"));
    }

    private Run retort(String... args) {
        List<String> all = new ArrayList<>(List.of("-q", "--url", db.url() + "?user=" + db.user()
                + (db.password() == null ? "" : "&password=" + db.password()), "--locations",
                "filesystem:" + files.directory()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RetortCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), project);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void owners(String birthDateType) {
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id int PRIMARY KEY);").write();
        files.add("o2", "o1").message("owner details").nonTransactional().upgrade(
                "ALTER TABLE owners ADD COLUMN nickname varchar(30);\n"
                + "ALTER TABLE owners ADD COLUMN birth_date " + birthDateType + ";\n"
                + "ALTER TABLE owners ADD COLUMN email varchar(100);").write();
    }

    private String failedAt() throws SQLException {
        return db.column("SELECT to_char(date_trunc('second', applied_at) AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM alembic_version_log WHERE direction = 'failed'").get(0);
    }

    @Test
    void theRerunExitsOneSayingWhatToDoAndResumeFinishesTheRevision() throws SQLException {
        owners("datee");
        Run failed = retort("upgrade", "heads");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("so its statement 1 (line 9: ALTER TABLE owners ADD COLUMN nickname"
                + " varchar(30)) stays applied");
        owners("date");

        Run refused = retort("upgrade", "heads");

        assertThat(refused.exitCode()).isEqualTo(1);
        String script = files.directory().resolve("o2_owner_details.sql").toString();
        assertThat(refused.err()).isEqualTo("FAILED: Revision o2 is partly applied: statement 1 of '" + script
                + "' (line 9: ALTER TABLE owners ADD COLUMN nickname varchar(30)) stayed applied when its upgrade"
                + " failed at " + failedAt() + ", and running the revision from the start would run it again; nothing"
                + " was run\n  Run 'upgrade heads --resume' to check that statement 1 is unchanged and run the rest of"
                + " the revision, or undo statement 1 by hand and run 'upgrade heads --retry' to run the whole"
                + " revision.\n");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("o1");

        Run resumed = retort("upgrade", "heads", "--resume");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("o2");
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'owners'"
                + " ORDER BY ordinal_position")).containsExactly("id", "nickname", "birth_date", "email");
    }

    @Test
    void currentVerboseListsAPartlyAppliedRevision() throws SQLException {
        owners("datee");
        retort("upgrade", "heads");
        String script = files.directory().resolve("o2_owner_details.sql").toString();

        Run current = retort("current", "-v");

        assertThat(current.exitCode()).isZero();
        assertThat(current.out()).endsWith("Partly applied: o2 ('" + script + "'): statement 1 stayed applied when"
                + " its upgrade failed at " + failedAt() + "; 'upgrade --resume' continues it after fixing the"
                + " script\n");
    }

    @Test
    void retryWithNothingToRetryExitsOne() throws SQLException {
        owners("date");

        Run run = retort("upgrade", "heads", "--retry");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("FAILED: --retry is for a revision whose upgrade failed part-way, leaving"
                + " some of its statements applied, and no revision this upgrade would run did; nothing was run\n"
                + "  Run 'upgrade heads' without --retry; 'current -v' lists partly applied revisions.\n");
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void resumeAndRetryTogetherOrWithSqlAreUsageErrors() throws SQLException {
        owners("date");

        Run both = retort("upgrade", "heads", "--resume", "--retry");
        Run offline = retort("upgrade", "heads", "--sql", "--resume");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("FAILED: --resume and --retry exclude each other: --resume skips the"
                + " statements a failed revision left applied, --retry runs them again\n"
                + "Usage: retort upgrade [OPTIONS] REVISION\nRun 'retort upgrade --help' for the options.\n");
        assertThat(offline.exitCode()).isEqualTo(2);
        assertThat(offline.err()).startsWith("FAILED: --resume needs the database's audit log, so it doesn't go with"
                + " --sql\n");
        assertThat(db.tables()).isEmpty();
    }
}
