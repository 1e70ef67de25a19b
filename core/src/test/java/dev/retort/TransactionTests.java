package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.MigrationFailedException;
import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a failure leaves behind in each transaction mode, non-transactional revisions, and the lock. */
class TransactionTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path dir;

    private RevisionFiles files;

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
        files = new RevisionFiles(dir);
    }

    private Retort retort(boolean perMigration) {
        return new Retort(RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations(files.location()).transactionPerMigration(perMigration).output(line -> { }).build());
    }

    private List<String> rows() throws SQLException {
        return db.column("SELECT version_num FROM alembic_version ORDER BY version_num");
    }

    private void threeRevisionsTheLastFailing() {
        files.add("f1", null).message("one").upgrade("CREATE TABLE one (id int);").write();
        files.add("f2", "f1").message("two").upgrade("CREATE TABLE two (id int);").write();
        files.add("f3", "f2").message("three")
                .upgrade("CREATE TABLE three (id int);\n\n-- the bad one\nINSERT INTO\n  missing_table VALUES (1);")
                .write();
    }

    @Test
    void failureInOneTransactionModeRollsBackEveryStepAndTheVersionTable() throws SQLException {
        threeRevisionsTheLastFailing();

        assertThatThrownBy(() -> retort(false).upgrade("heads"))
                .isInstanceOf(CommandException.class)
                .hasMessage("Running upgrade f2 -> f3 failed: revision script '" + dir + "/f3_three.sql' line 11:"
                        + " INSERT INTO\nERROR: relation \"missing_table\" does not exist\n  Position: 15\nThe whole"
                        + " run was rolled back; the database is at base (no version rows) as before. Fix the"
                        + " statement and run the command again.")
                .extracting(e -> ((CommandException) e).code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void failureInPerMigrationModeLeavesTheDatabaseAtTheLastCompletedRevision() throws SQLException {
        threeRevisionsTheLastFailing();

        assertThatThrownBy(() -> retort(true).upgrade("heads"))
                .hasMessageContaining("line 11: INSERT INTO")
                .hasMessageEndingWith("Revision f3 was rolled back; revisions before it were committed. The database"
                        + " is at f2. Fix the statement and run the command again.")
                .cause().isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.revision()).isEqualTo("f3");
                    assertThat(e.line()).isEqualTo(11);
                    assertThat(e.sqlState()).isEqualTo("42P01");
                    assertThat(e.headsNow()).containsExactly("f2");
                });
        assertThat(rows()).containsExactly("f2");
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log", "one", "two");
        assertThat(db.column("SELECT revision FROM alembic_version_log ORDER BY id")).containsExactly("f1", "f2");
    }

    @Test
    void failedRunCanBeFixedAndRerun() throws SQLException {
        threeRevisionsTheLastFailing();
        assertThatThrownBy(() -> retort(false).upgrade("heads")).isInstanceOf(CommandException.class);

        files.add("f3", "f2").message("three").upgrade("CREATE TABLE three (id int);").write();
        retort(false).upgrade("heads");

        assertThat(rows()).containsExactly("f3");
    }

    @Test
    void nonTransactionalRevisionRunsCreateIndexConcurrentlyInTheDefaultMode() throws SQLException {
        files.add("c1", null).message("table").upgrade("CREATE TABLE big (id int, email text);")
                .downgrade("DROP TABLE big;").write();
        files.add("c2", "c1").message("index concurrently").nonTransactional()
                .upgrade("CREATE INDEX CONCURRENTLY idx_big_email ON big (email);")
                .downgrade("DROP INDEX CONCURRENTLY idx_big_email;").write();
        files.add("c3", "c2").message("after").upgrade("INSERT INTO big VALUES (1, 'a@b.c');")
                .downgrade("DELETE FROM big;").write();

        retort(false).upgrade("heads");

        assertThat(rows()).containsExactly("c3");
        assertThat(db.column("SELECT indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " WHERE c.relname = 'idx_big_email'")).containsExactly("t");
        retort(false).downgrade("base", false);
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log");
    }

    @Test
    void enumValueAddedOutsideATransactionCanBeUsedByTheNextRevisionOfTheSameRun() throws SQLException {
        files.add("e1", null).message("type").upgrade("CREATE TYPE mood AS ENUM ('sad');\n"
                + "CREATE TABLE person (name text, current_mood mood);").write();
        files.add("e2", "e1").message("add value").nonTransactional()
                .upgrade("ALTER TYPE mood ADD VALUE 'happy';").write();
        files.add("e3", "e2").message("use it").upgrade("INSERT INTO person VALUES ('x', 'happy');").write();

        retort(false).upgrade("heads");

        assertThat(db.column("SELECT current_mood FROM person")).containsExactly("happy");
    }

    @Test
    void failureAfterANonTransactionalRevisionRollsBackOnlyWhatCameAfterIt() throws SQLException {
        files.add("n1", null).message("first").upgrade("CREATE TABLE first (id int);").write();
        files.add("n2", "n1").message("outside").nonTransactional().upgrade("CREATE TABLE outside (id int);").write();
        files.add("n3", "n2").message("later").upgrade("CREATE TABLE later (id int);").write();
        files.add("n4", "n3").message("broken").upgrade("SELEC 1;").write();

        assertThatThrownBy(() -> retort(false).upgrade("heads"))
                .hasMessageContaining("The whole run was rolled back; the database is at n2 as before.");

        assertThat(rows()).containsExactly("n2");
        assertThat(db.tables()).contains("first", "outside").doesNotContain("later");
    }

    @Test
    void downgradeOfARevisionWithoutDowngradeSectionFailsBeforeChangingAnything() throws SQLException {
        files.add("d1", null).message("one").upgrade("CREATE TABLE one (id int);").downgrade("DROP TABLE one;")
                .write();
        files.add("d2", "d1").message("two").upgrade("CREATE TABLE two (id int);").noDowngradeSection().write();
        retort(false).upgrade("heads");

        assertThatThrownBy(() -> retort(false).downgrade("base", false))
                .hasMessage("Revision d2 ('" + dir + "/d2_two.sql') has no '-- migrate:downgrade' section, so it"
                        + " can't be downgraded; add the section (it may be empty) and run the command again. Nothing"
                        + " was changed.");
        assertThat(rows()).containsExactly("d2");
        assertThat(db.tables()).contains("one", "two");
    }

    @Test
    void secondRunWaitsForTheLockAndTimesOutWithAClearError() throws Exception {
        files.add("s1", null).message("slow").upgrade("SELECT pg_sleep(4);").write();
        CompletableFuture<MigrationResult> slow = CompletableFuture.supplyAsync(() -> retort(false).upgrade("heads"));
        Thread.sleep(1000);

        Retort impatient = new Retort(RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations(files.location()).lockTimeout(Duration.ofSeconds(1)).output(line -> { }).build());
        assertThatThrownBy(() -> impatient.upgrade("heads"))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("Timed out after 1.0 s waiting for the migration lock on alembic_version"
                        + " (held by pid ")
                .extracting(e -> ((CommandException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);

        assertThat(slow.get().steps()).hasSize(1);
        assertThat(retort(false).upgrade("heads").steps()).isEmpty();
    }

    @Test
    void waitingRunFindsNothingToDoOnceTheFirstFinishes() throws Exception {
        files.add("w1", null).message("slow").upgrade("SELECT pg_sleep(1); CREATE TABLE w (id int);").write();
        CompletableFuture<MigrationResult> first = CompletableFuture.supplyAsync(() -> retort(false).upgrade("heads"));
        Thread.sleep(300);

        MigrationResult second = retort(false).upgrade("heads");

        assertThat(first.get().steps()).hasSize(1);
        assertThat(second.steps()).isEmpty();
        assertThat(second.headsBefore()).containsExactly("w1");
    }

    @Test
    void sqlBodiesWithDollarQuotesDoBlocksAndSemicolonsInStringsRun() throws SQLException {
        files.add("b1", null).message("bodies").upgrade("""
                CREATE TABLE notes (id serial PRIMARY KEY, body text, "odd;name" int);
                INSERT INTO notes (body) VALUES ('a; b'), (E'c\\'; d'), ('it''s; here'); -- comment; here
                /* block; comment /* nested; */ still; */
                CREATE FUNCTION add_note(t text) RETURNS int LANGUAGE plpgsql AS $fn$
                DECLARE n int;
                BEGIN
                  INSERT INTO notes (body) VALUES (t) RETURNING id INTO n;
                  RETURN n;
                END;
                $fn$;
                DO $$
                BEGIN
                  PERFORM add_note('from do; block');
                END
                $$;
                CREATE FUNCTION twice(i int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT i * 2;
                END;
                """).write();

        retort(false).upgrade("heads");

        assertThat(db.column("SELECT body FROM notes ORDER BY id"))
                .containsExactly("a; b", "c'; d", "it's; here", "from do; block");
        assertThat(db.column("SELECT twice(21)")).containsExactly("42");
    }
}
