package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, as a demanding operator tried it: each failure says what, where (file and line, setting as written)
 * and what to do, and leaves the database as it was: schema, version rows and audit log.
 */
class BadInputTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path dir;

    private RevisionFiles files;
    private final List<String> out = new ArrayList<>();

    @BeforeEach
    void applyFirstRevision() throws SQLException {
        db.reset();
        files = new RevisionFiles(dir);
        files.add("a1a1a1a1a1a1", null).message("create t").upgrade("CREATE TABLE t (v text);")
                .downgrade("DROP TABLE t;").write();
        retort().upgrade("heads");
    }

    private RetortConfig.Builder config() {
        return RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations("filesystem:" + dir).locationsSetting("--locations").output(out::add);
    }

    private Retort retort() {
        return new Retort(config().build());
    }

    /** Tables of every schema, version rows, audit log. */
    private List<String> snapshot() throws SQLException {
        List<String> state = new ArrayList<>(db.column("SELECT table_schema || '.' || table_name || ' ' || table_type"
                + " FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
                + " ORDER BY 1"));
        state.addAll(db.column("SELECT 'row ' || version_num FROM alembic_version ORDER BY 1"));
        state.addAll(db.column("SELECT 'log ' || id || ' ' || revision || ' ' || direction FROM alembic_version_log"
                + " ORDER BY id"));
        state.addAll(db.column("SELECT 't ' || v FROM t ORDER BY 1"));
        return state;
    }

    /** Runs what the user ran; it fails with this message and action, and the database is as it was. */
    private void assertFailsLeavingDatabaseAsItWas(ThrowingCallable run, String message, String action)
            throws SQLException {
        List<String> before = snapshot();
        assertThatThrownBy(run).isInstanceOf(CommandException.class).hasMessage(message)
                .extracting(e -> ((CommandException) e).action()).isEqualTo(action);
        assertThat(snapshot()).isEqualTo(before);
    }

    private Path writeBytes(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private static final String HEADER = "-- add café\n--\n-- Revision ID: b2b2b2b2b2b2\n-- Revises: a1a1a1a1a1a1\n\n";

    // 1. encodings

    @Test
    void latin1ByteInTheSqlFailsWithFileLineAndTheEncodingInsteadOfInsertingAReplacementCharacter()
            throws Exception {
        writeBytes("b2_add_cafe.sql", concat(HEADER.replace("café", "cafe") + "-- migrate:upgrade\n"
                + "INSERT INTO t VALUES ('caf", new byte[] {(byte) 0xE9}, "');\n"));

        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + dir
                + "/b2_add_cafe.sql' line 7: byte 0xE9 at column 27 is not UTF-8; Retort reads scripts as UTF-8 (a BOM"
                + " is allowed): save the file as UTF-8 (it looks like Latin-1/Windows-1252)", null);
    }

    @Test
    void latin1ByteInTheHeaderFailsWhenTheScriptsAreRead() throws Exception {
        writeBytes("b2_add_cafe.sql", concat("-- add caf", new byte[] {(byte) 0xE9}, "\n"
                + HEADER.substring(HEADER.indexOf('\n') + 1) + "-- migrate:upgrade\nSELECT 1;\n"));

        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + dir
                + "/b2_add_cafe.sql' line 1: byte 0xE9 at column 11 is not UTF-8; Retort reads scripts as UTF-8 (a BOM"
                + " is allowed): save the file as UTF-8 (it looks like Latin-1/Windows-1252)", null);
    }

    @Test
    void utf8WithAByteOrderMarkIsAccepted() throws Exception {
        writeBytes("b2_add_cafe.sql", concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                HEADER + "-- migrate:upgrade\nINSERT INTO t VALUES ('café');\n"));

        retort().upgrade("heads");

        assertThat(db.column("SELECT v FROM t")).containsExactly("café");
        assertThat(retort().scripts().script("b2b2b2b2b2b2").message()).isEqualTo("add café");
    }

    // 2. locations

    @Test
    void locationThatDoesNotExistIsAnErrorNamingTheSetting() throws SQLException {
        Path typo = dir.resolveSibling(dir.getFileName() + "-typo");
        Retort retort = new Retort(config().locations("filesystem:" + typo).build());

        assertFailsLeavingDatabaseAsItWas(() -> retort.upgrade("heads"), "Location 'filesystem:" + typo + "' of"
                + " --locations does not exist (no directory " + typo + ")", "Fix the location in --locations, or,"
                + " if it may be absent, mark it optional: 'optional:filesystem:" + typo + "'.");
    }

    @Test
    void missingClasspathLocationAndTheDefaultSayWhichTheyAre() throws SQLException {
        Retort classpath = new Retort(config().locations("classpath:db/no-such-dir")
                .locationsSetting("migrations.locations").build());
        assertFailsLeavingDatabaseAsItWas(() -> classpath.upgrade("heads"), "Location 'classpath:db/no-such-dir' of"
                + " migrations.locations does not exist (not on the classpath)", "Fix the location in"
                + " migrations.locations, or, if it may be absent, mark it optional:"
                + " 'optional:classpath:db/no-such-dir'.");

        Retort defaults = new Retort(RetortConfig.builder().url(db.url()).user(db.user()).build());
        assertFailsLeavingDatabaseAsItWas(() -> defaults.upgrade("heads"), "Location 'filesystem:db/migrations'"
                + " (the default) does not exist (no directory " + Path.of("db/migrations").toAbsolutePath() + ")",
                "Create the directory (the 'revision' command does), or name the scripts' location with"
                        + " --locations (migrations.locations); mark one that may be absent"
                        + " 'optional:filesystem:db/migrations'.");
    }

    @Test
    void optionalLocationsMayBeAbsent() throws SQLException {
        files.add("b2b2b2b2b2b2", "a1a1a1a1a1a1").upgrade("CREATE TABLE t2 (v text);").write();
        Retort retort = new Retort(config().locations("filesystem:" + dir + ",optional:filesystem:"
                + dir.resolve("extra") + ",optional:classpath:db/no-such-dir").build());

        retort.upgrade("heads");

        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("b2b2b2b2b2b2");
    }

    @Test
    void locationThatIsAFileIsNamedSo() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Retort retort = new Retort(config().locations("filesystem:" + file).build());

        assertFailsLeavingDatabaseAsItWas(() -> retort.upgrade("heads"), "Location 'filesystem:" + file + "' is a"
                + " file, not a directory; name the directory the revision scripts are in", null);
    }

    // 5. huge statements

    @Test
    void hugeFailingStatementIsQuotedByItsFirstCharactersOnly() throws SQLException {
        String huge = "x".repeat(1_000_000);
        files.add("b2b2b2b2b2b2", "a1a1a1a1a1a1").message("huge")
                .upgrade("INSERT INTO missing_table VALUES ('" + huge + "');").write();

        List<String> before = snapshot();
        assertThatThrownBy(() -> retort().upgrade("heads")).isInstanceOf(CommandException.class)
                .hasMessage("Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2 failed: revision script '" + dir
                        + "/b2b2b2b2b2b2_huge.sql' line 8: INSERT INTO missing_table VALUES ('"
                        + "x".repeat(200 - 35) + "… (1000037 characters)\n"
                        + "ERROR: relation \"missing_table\" does not exist\n  Position: 13\n"
                        + "The whole run was rolled back; the database is at a1a1a1a1a1a1 as before. Fix the statement"
                        + " and run the command again.");
        assertThat(snapshot()).isEqualTo(before);
    }

    // 7. the version table's name taken by something else

    @Test
    void versionTableThatIsAViewIsAClearErrorNotARestartFromBase() throws SQLException {
        db.execute("ALTER TABLE alembic_version RENAME TO real_version",
                "CREATE VIEW alembic_version AS SELECT version_num FROM real_version");
        files.add("b2b2b2b2b2b2", "a1a1a1a1a1a1").upgrade("CREATE TABLE t2 (v text);").write();

        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "The version table alembic_version is a"
                + " view, not a table, so it can't hold the revisions; nothing was changed", "Name Retort's version"
                + " table with --version-table and --schema (migrations.version-table, migrations.schema), or rename"
                + " the alembic_version that is in the way.");
    }

    @Test
    void versionTableWithTheWrongColumnsIsAClearError() throws SQLException {
        db.execute("CREATE TABLE other_version (id int)");
        Retort retort = new Retort(config().versionTable("other_version").build());

        assertFailsLeavingDatabaseAsItWas(() -> retort.upgrade("heads"), "The version table other_version has no"
                + " version_num column, so it can't hold the revisions; nothing was changed", "Name Retort's version"
                + " table with --version-table and --schema (migrations.version-table, migrations.schema), or rename"
                + " the other_version that is in the way.");
        assertFailsLeavingDatabaseAsItWas(() -> retort.current(false, false), "The version table other_version has"
                + " no version_num column, so it can't hold the revisions; nothing was changed", "Name Retort's"
                + " version table with --version-table and --schema (migrations.version-table, migrations.schema),"
                + " or rename the other_version that is in the way.");
    }

    @Test
    void builderRefusesNamesThatArentIdentifiers() {
        assertThatThrownBy(() -> config().versionTable("x; drop table y").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("versionTable 'x; drop table y' is not a plain name; use letters, digits and underscores,"
                        + " not starting with a digit (e.g. alembic_version)");
        assertThatThrownBy(() -> config().schema("a\"b").build())
                .hasMessage("schema 'a\"b' is not a plain name; use letters, digits and underscores, not starting"
                        + " with a digit (e.g. public)");
        assertThatThrownBy(() -> config().dialect("h2").build())
                .hasMessage("dialect 'h2' contradicts the postgresql URL of url (" + db.url() + "); leave dialect out"
                        + " to take the dialect from the URL, or fix the URL");
    }

    // 8. revision ids

    @Test
    void idsTargetsUseOrTheVersionTableCantHoldAreRefusedAtReadTime() throws SQLException {
        String tooLong = "c".repeat(33);
        String[][] cases = {
            {"head", "'Revision ID' is 'head', a word targets use (head, heads, base, current); pick another id"},
            {"base", "'Revision ID' is 'base', a word targets use (head, heads, base, current); pick another id"},
            {tooLong, "'Revision ID' '" + tooLong + "' is 33 characters long; the version table holds ids of up to"
                    + " 32, pick a shorter id"},
            {"b2,b3", "'Revision ID' 'b2,b3' contains ','; an id is one word (commas separate the ids in 'Revises'),"
                    + " pick another id"},
        };
        for (String[] c : cases) {
            Path file = files.add(c[0], "a1a1a1a1a1a1").fileName("b2_bad.sql").write();
            assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + file
                    + "' line 3: " + c[1], null);
        }
    }

    @Test
    void idWithACommaIsBlamedOnItsOwnFileNotOnTheFileThatRevisesIt() throws SQLException {
        Path bad = files.add("b2,b3", "a1a1a1a1a1a1").fileName("b2_bad.sql").write();
        files.add("c3c3c3c3c3c3", "b2,b3").fileName("a0_revises_it.sql").write();

        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + bad + "' line 3:"
                + " 'Revision ID' 'b2,b3' contains ','; an id is one word (commas separate the ids in 'Revises'), pick"
                + " another id", null);
    }

    @Test
    void branchLabelWithAnAtSignIsRefused() throws SQLException {
        Path file = files.add("b2b2b2b2b2b2", "a1a1a1a1a1a1").labels("shop@cart").write();

        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + file + "' line 6:"
                + " branch label 'shop@cart' contains '@', which separates a branch label from a revision in targets"
                + " ('shopcart@head'); pick another label", null);
    }

    // 9. files that can't be read

    @Test
    void directoryWhereAScriptIsExpectedSaysSo() throws Exception {
        Files.createDirectory(dir.resolve("b2_dir.sql"));

        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + dir
                + "/b2_dir.sql': can't read it: it is a directory, not a file; rename the directory so its name doesn't"
                + " end in .sql", null);
    }

    @Test
    void danglingSymbolicLinkSaysWhereItPoints() throws Exception {
        Files.createSymbolicLink(dir.resolve("b2_link.sql"), Path.of("gone.sql"));

        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + dir
                + "/b2_link.sql': can't read it: not found: it is a symbolic link to 'gone.sql', which does not exist;"
                + " restore the file it links to, or remove the link", null);
    }

    @Test
    void symbolicLinkLoopsAreReportedAsLoops() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("sub/back"), dir);

        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Directory '" + dir
                + "/sub/back' is a symbolic link loop: it leads back to '" + dir + "'; remove the link", null);

        Files.delete(dir.resolve("sub/back"));
        Files.createSymbolicLink(dir.resolve("b2_a.sql"), dir.resolve("b3_b.sql"));
        Files.createSymbolicLink(dir.resolve("b3_b.sql"), dir.resolve("b2_a.sql"));
        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + dir
                + "/b2_a.sql': can't read it: it is a symbolic link loop; remove"
                + " the link or point it at a file", null);
    }

    @Test
    void unreadableScriptSaysPermissionDenied() throws Exception {
        Path file = files.add("b2b2b2b2b2b2", "a1a1a1a1a1a1").write();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(file)).as("root reads any file, so a permission error can't be made here")
                    .isFalse();
            assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("heads"), "Revision script '" + file
                    + "': can't read it: permission denied; make it readable for the user running Retort", null);
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    // 3. the connection lost mid-run

    @Test
    void connectionLostWhileARevisionRunsSaysWhereTheDatabaseIsAndThatRerunningIsSafe() throws Exception {
        connectionLostMidRun(false);
    }

    @Test
    void connectionLostWithATransactionPerRevision() throws Exception {
        connectionLostMidRun(true);
    }

    private void connectionLostMidRun(boolean perRevision) throws Exception {
        files.add("b2b2b2b2b2b2", "a1a1a1a1a1a1").message("two").upgrade("CREATE TABLE t2 (v text);").write();
        Path sleeping = files.add("c3c3c3c3c3c3", "b2b2b2b2b2b2").message("sleeps")
                .upgrade("CREATE TABLE t3 (v text);\nSELECT pg_sleep(60);").write();
        List<String> before = snapshot();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> terminateWhenSleeping());

        assertThatThrownBy(() -> new Retort(config().transactionPerMigration(perRevision).build()).upgrade("heads"))
                .isInstanceOf(CommandException.class)
                .hasMessageMatching("Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3 failed: the connection to the"
                        + " database was lost \\(.+\\)\nThe server rolled back the open transaction: the database is at "
                        + (perRevision ? "b2b2b2b2b2b2. Revisions before it were committed."
                                : "a1a1a1a1a1a1.")
                        + " Running the command again is safe; it continues from there.")
                .extracting(e -> ((CommandException) e).code()).isEqualTo(ErrorCode.DATABASE_ERROR);
        killer.get(30, TimeUnit.SECONDS);

        List<String> expected = new ArrayList<>(before);
        if (perRevision) {
            assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("b2b2b2b2b2b2");
        } else {
            assertThat(snapshot()).isEqualTo(expected);
        }
        Files.writeString(sleeping, Files.readString(sleeping).replace("SELECT pg_sleep(60);", ""));
        retort().upgrade("heads");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("c3c3c3c3c3c3");
        assertThat(db.column("SELECT revision FROM alembic_version_log ORDER BY id")).containsExactly("a1a1a1a1a1a1",
                "b2b2b2b2b2b2", "c3c3c3c3c3c3");
    }

    private static void terminateWhenSleeping() {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (int i = 0; i < 300; i++) {
                try (var rs = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE"
                        + " datname = current_database() AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()")) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the revision never started sleeping");
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // 12. partial ids

    @Test
    void uniquePrefixOfAnyLengthIsATargetAsInAlembic() throws SQLException {
        files.add("b2b2b2b2b2b2", "a1a1a1a1a1a1").upgrade("CREATE TABLE t2 (v text);").write();

        retort().upgrade("b2b");

        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("b2b2b2b2b2b2");
        retort().downgrade("a", false);
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("a1a1a1a1a1a1");
    }

    // 11. target errors say what to do

    @Test
    void targetErrorsKeepAlembicsFirstLineAndSayWhatToDo() throws SQLException {
        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("zzzz"), "Can't locate revision identified by 'zzzz'",
                ErrorCode.UNKNOWN_REVISION.action());
        assertFailsLeavingDatabaseAsItWas(() -> retort().upgrade("+999"), "Relative revision +999 didn't produce 999"
                + " migrations", ErrorCode.INVALID_TARGET.action());
        assertThat(ErrorCode.INVALID_TARGET.action()).isEqualTo("Run 'current' to see where the database is and"
                + " 'history' to see the revisions, then pick a target along one branch from there.");
    }
}
