package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
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
 * What the command line says about arguments and options it can't use: usage errors exit 2 with one line, the
 * command's synopsis and where its options are described; values that can't work are refused before anything runs,
 * naming the option as written; and the database is left as it was.
 */
class BadOptionsTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path project;

    private String url;

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void scripts() throws SQLException {
        db.reset();
        RevisionFiles files = new RevisionFiles(project.resolve("db/migrations"));
        files.add("a1a1a1a1a1a1", null).upgrade("CREATE TABLE t1 (v text);").write();
        url = db.url() + "?user=" + db.user() + (db.password() == null ? "" : "&password=" + db.password());
    }

    private Run retort(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RetortCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), project);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String locations() {
        return "filesystem:" + project.resolve("db/migrations");
    }

    private Run upgradeWith(String... options) {
        List<String> args = new ArrayList<>(List.of("-q", "--url", url, "--locations", locations()));
        args.addAll(List.of(options));
        args.addAll(List.of("upgrade", "heads"));
        return retort(args.toArray(String[]::new));
    }

    private static String usage(String problem) {
        return "FAILED: " + problem + "\nUsage: retort upgrade [OPTIONS] REVISION\n"
                + "Run 'retort upgrade --help' for the options.\n";
    }

    private void assertDatabaseUntouched() throws SQLException {
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void unknownOptionIsOneLineTheSynopsisAndWhereTheHelpIs() throws SQLException {
        Run run = retort("--url", url, "upgrade", "heads", "--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(usage("Unknown option: '--bogus'"));
        assertDatabaseUntouched();
    }

    @Test
    void missingTargetExtraArgumentAndBadNumberAreUsageErrors() throws SQLException {
        assertThat(retort("--url", url, "upgrade")).isEqualTo(new Run(2, "",
                usage("Missing required parameter: 'REVISION'")));
        assertThat(retort("--url", url, "upgrade", "heads", "extra")).isEqualTo(new Run(2, "",
                usage("Unexpected argument: 'extra'")));
        assertThat(retort("--url", url, "upgrade", "heads", "--lock-timeout", "abc")).isEqualTo(new Run(2, "",
                usage("--lock-timeout must be a number of seconds from 0 to 2147483, not 'abc'")));
        assertDatabaseUntouched();
    }

    @Test
    void unknownCommandNamesTheCommands() {
        assertThat(retort("--url", url, "upgrde", "heads")).isEqualTo(new Run(2, "", """
                FAILED: Unknown command: 'upgrde'; the commands are heads, branches, history, show, revision, merge,\
                 current, upgrade, downgrade, stamp, check, help
                Usage: retort [OPTIONS] [COMMAND]
                Run 'retort --help' for the options.
                """));
    }

    @Test
    void timeoutsOutOfRangeAreRefusedNamingTheOptionAndTheValueAsWritten() throws SQLException {
        assertThat(upgradeWith("--lock-timeout", "-5")).isEqualTo(new Run(2, "",
                usage("--lock-timeout must be a number of seconds from 0 to 2147483, not '-5'")));
        assertThat(upgradeWith("--lock-timeout", "99999999999999999999")).isEqualTo(new Run(2, "",
                usage("--lock-timeout must be a number of seconds from 0 to 2147483, not '99999999999999999999'")));
        assertThat(upgradeWith("--connect-timeout", "NaN")).isEqualTo(new Run(2, "",
                usage("--connect-timeout must be a number of seconds from 0 to 2147483, not 'NaN'")));
        assertDatabaseUntouched();
    }

    @Test
    void dialectThatContradictsTheUrlIsRefused() throws SQLException {
        assertThat(upgradeWith("--dialect", "h2")).isEqualTo(new Run(2, "", usage("--dialect 'h2' contradicts the"
                + " postgresql URL of --url (" + url.replaceAll("password=[^&]*", "password=***") + "); leave"
                + " --dialect out to take the dialect from the URL, or fix the URL")));
        assertThat(upgradeWith("--dialect", "mysql")).isEqualTo(new Run(2, "", usage("--dialect 'mysql' is not a"
                + " dialect Retort has; give postgresql or h2 (or leave it out to take it from the URL)")));
        assertDatabaseUntouched();
    }

    @Test
    void versionTableAndSchemaMustBePlainNames() throws SQLException {
        String plain = "is not a plain name; use letters, digits and underscores, not starting with a digit";
        assertThat(upgradeWith("--version-table", "x; drop table y")).isEqualTo(new Run(2, "",
                usage("--version-table 'x; drop table y' " + plain + " (e.g. alembic_version)")));
        assertThat(upgradeWith("--version-table", "a\"b")).isEqualTo(new Run(2, "",
                usage("--version-table 'a\"b' " + plain + " (e.g. alembic_version)")));
        assertThat(upgradeWith("--version-table", "public.alembic_version")).isEqualTo(new Run(2, "",
                usage("--version-table 'public.alembic_version' is a qualified name; give the schema separately:"
                        + " --schema public --version-table alembic_version")));
        assertThat(upgradeWith("--version-table", "")).isEqualTo(new Run(2, "",
                usage("--version-table is empty; give a table name such as alembic_version")));
        assertThat(upgradeWith("--version-table", "v".repeat(60))).isEqualTo(new Run(2, "",
                usage("--version-table '" + "v".repeat(60) + "' is 60 characters long; PostgreSQL keeps 59 here (its"
                        + " audit table adds '_log' to the name), give a shorter name")));
        assertThat(upgradeWith("--schema", "")).isEqualTo(new Run(2, "",
                usage("--schema is empty; give a schema name such as public")));
        assertThat(upgradeWith("--schema", "my schema")).isEqualTo(new Run(2, "",
                usage("--schema 'my schema' " + plain + " (e.g. public)")));
        assertDatabaseUntouched();
    }

    @Test
    void emptyLocationsAreRefused() throws SQLException {
        assertThat(retort("--url", url, "--locations", "", "upgrade", "heads")).isEqualTo(new Run(2, "",
                usage("--locations is empty; give at least one location, e.g. --locations filesystem:db/migrations")));
        assertThat(retort("--url", url, "--locations", " , ", "upgrade", "heads")).isEqualTo(new Run(2, "",
                usage("--locations is empty; give at least one location, e.g. --locations filesystem:db/migrations")));
        assertDatabaseUntouched();
    }

    @Test
    void malformedUrlNeverPrintsItsPassword() {
        Run run = retort("--url", "postgresql:postgres:S3cret@127.0.0.1/x", "current");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("FAILED: Unsupported database URL 'postgresql:postgres:***@127.0.0.1/x'; use"
                + " a JDBC URL (jdbc:postgresql://<host>:5432/<db>, jdbc:h2:./<db>) or"
                + " postgresql://<user>:<password>@<host>:5432/<db>\n  See the command's --help for its arguments.\n");
    }

    @Test
    void serverThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String silentUrl = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app";

            long started = System.nanoTime();
            Run run = retort("-q", "--locations", locations(), "--connect-timeout", "1", "--url", silentUrl,
                    "current");

            assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(20);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("FAILED: Can't connect to " + silentUrl + ": the server did not answer"
                    + " within 1 s (the connect timeout)\n  Check that the URL points at the database and that it is"
                    + " up; a slow network may need a longer --connect-timeout (migrations.connect-timeout).\n");
            assertThat(accepted).isNotEmpty();
        }
    }

    @Test
    void unknownHostSaysTheNameCouldNotBeResolved() {
        Run run = retort("-q", "--locations", locations(), "--url", "jdbc:postgresql://no-such-host.invalid:5432/app",
                "current");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("FAILED: Can't connect to jdbc:postgresql://no-such-host.invalid:5432/app:"
                + " the host name 'no-such-host.invalid' could not be resolved\n  Check the host name in the URL.\n");
    }

    @Test
    void locationWithATypoIsAnErrorNamingTheOptionNotAnUpgradeOfNothing() throws SQLException {
        String typo = "filesystem:" + project.resolve("db/migratons");
        Run run = retort("-q", "--url", url, "--locations", typo, "upgrade", "heads");

        assertThat(run).isEqualTo(new Run(1, "", "FAILED: Location '" + typo + "' of --locations does not exist (no"
                + " directory " + project.resolve("db/migratons") + ")\n  Fix the location in --locations, or, if it"
                + " may be absent, mark it optional: 'optional:" + typo + "'.\n"));
        assertDatabaseUntouched();
    }

    @Test
    void latin1ScriptFailsWithFileLineAndEncoding() throws Exception {
        java.nio.file.Files.write(project.resolve("db/migrations/b2_latin1.sql"), ("-- latin1\n-- Revision ID: b2\n"
                + "-- Revises: a1a1a1a1a1a1\n-- migrate:upgrade\nINSERT INTO t1 VALUES ('caf\u00e9');\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        Run run = retort("-q", "--url", url, "--locations", locations(), "upgrade", "heads");

        assertThat(run).isEqualTo(new Run(1, "", "FAILED: Revision script '" + project.resolve(
                "db/migrations/b2_latin1.sql") + "' line 5: byte 0xE9 at column 28 is not UTF-8; Retort reads scripts"
                + " as UTF-8 (a BOM is allowed): save the file as UTF-8 (it looks like Latin-1/Windows-1252)\n"));
        assertDatabaseUntouched();
    }
}
