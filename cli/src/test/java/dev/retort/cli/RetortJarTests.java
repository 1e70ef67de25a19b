package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.ReferenceScripts;
import dev.retort.test.RevisionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, run as a user runs it, on the graph Alembic was observed on (a branchpoint, a mergepoint, a label,
 * dependencies): whole outputs compared with Alembic's.
 */
class RetortJarTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path project;

    private static Path versions;

    @BeforeAll
    static void writeScripts() {
        versions = project.resolve("db/migrations");
        ReferenceScripts.write(versions);
    }

    private static RetortJar.Run retort(String... args) {
        return RetortJar.run(project, Map.of(), args);
    }

    private static String[] withDatabase(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = db.url() + "?user=" + db.user() + (db.password() == null ? "" : "&password=" + db.password());
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    @Test
    void historyMatchesAlembicsOutputLineForLine() {
        RetortJar.Run run = retort("history");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                55af2cb1c267 (9a8c79bb4e1e) -> 7b3f1c2d9e10 (head), needs audit two
                53fffde5ad5d (29f859a13ea) -> 55af2cb1c267, main needs audit
                3cac04ae8714, 27c6a30d7c24 -> 53fffde5ad5d (mergepoint), merge b and x
                ae1027a6acf0 -> 3cac04ae8714, branch x
                ae1027a6acf0 -> 27c6a30d7c24, add b
                29f859a13ea -> 9a8c79bb4e1e (audit) (effective head), audit two
                1975ea83b712 -> ae1027a6acf0 (branchpoint), add a column
                <base> -> 1975ea83b712, create account table
                <base> -> 29f859a13ea (audit), audit root
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void headsShowEffectiveHeadsUnlessDependenciesAreResolved() {
        assertThat(retort("heads").out()).isEqualTo("7b3f1c2d9e10 (head)\n9a8c79bb4e1e (audit) (effective head)\n");
        assertThat(retort("heads", "--resolve-dependencies").out()).isEqualTo("7b3f1c2d9e10 (head)\n");
    }

    @Test
    void branchesPrintsEachBranchpointWithIndentedChildren() {
        assertThat(retort("branches").out()).isEqualTo("""
                ae1027a6acf0 (branchpoint)
                             -> 27c6a30d7c24
                             -> 3cac04ae8714

                """);
    }

    @Test
    void showPrintsAlembicsVerboseBlock() {
        assertThat(retort("show", "ae10").out()).isEqualTo("""
                Rev: ae1027a6acf0 (branchpoint)
                Parent: 1975ea83b712
                Branches into: 27c6a30d7c24, 3cac04ae8714
                Path: %s

                    add a column
                   \s
                    Revision ID: ae1027a6acf0
                    Revises: 1975ea83b712
                    Create Date: 2025-10-24 17:40:00.123456

                """.formatted(versions.resolve("ae1027a6acf0_add_a_column.sql")));
        assertThat(retort("show", "53ff").out()).startsWith("Rev: 53fffde5ad5d (mergepoint)\n"
                + "Merges: 3cac04ae8714, 27c6a30d7c24\nPath: ");
        assertThat(retort("show", "55af").out()).startsWith("Rev: 55af2cb1c267\nParent: 53fffde5ad5d\n"
                + "Also depends on: 29f859a13ea\nPath: ");
        assertThat(retort("show", "audit@head").out()).startsWith("Rev: 9a8c79bb4e1e (head)\nParent: 29f859a13ea\n"
                + "Branch names: audit\nPath: ");
    }

    @Test
    void historyVerbosePrintsBlocksSeparatedByBlankLines() {
        String out = retort("history", "-v", "-r", "ae10:27c6").out();

        assertThat(out).startsWith("Rev: 27c6a30d7c24\nParent: ae1027a6acf0\nPath: ")
                .contains("\n\nRev: ae1027a6acf0 (branchpoint)\n").endsWith("2025-10-24 17:40:00.123456\n\n");
    }

    @Test
    void failurePrintsFailedOnStandardErrorAndExitsOne() {
        RetortJar.Run run = retort("show", "ffff");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("FAILED: Can't locate revision identified by 'ffff'\n  Run 'history' to list"
                + " the revisions; a target is a full id, a unique prefix of one, 'head', 'heads', 'base',"
                + " '<branchname>@head' or a relative step such as +1.\n");
    }

    @Test
    void stacktraceOnlyWithTheFlag() {
        RetortJar.Run run = retort("--stacktrace", "upgrade", "head", "--sql", "--dialect", "postgresql");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("dev.retort.CommandException: Multiple head revisions are present")
                .contains("\tat dev.retort.")
                .endsWith("FAILED: Multiple head revisions are present for given argument 'head'; please specify a"
                        + " specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for"
                        + " all heads\n  'retort heads' lists them; 'retort merge heads -m \"merge heads\"' joins them into"
                        + " one head.\n");
    }

    @Test
    void usageErrorsExitTwo() {
        RetortJar.Run unknown = retort("upgrade", "heads", "--no-such-option");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("""
                FAILED: Unknown option: '--no-such-option'
                Usage: retort upgrade [OPTIONS] REVISION
                Run 'retort upgrade --help' for the options.
                """);

        assertThat(retort("upgrade").exitCode()).isEqualTo(2);
        RetortJar.Run none = retort();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("""
                FAILED: Missing command; name one of: heads, branches, history, show, revision, merge, current,\
                 upgrade, downgrade, stamp, check, help
                Usage: retort [OPTIONS] [COMMAND]
                Run 'retort --help' for the options.
                """);
        assertThat(retort("no-such-command").exitCode()).isEqualTo(2);
    }

    @Test
    void helpOnEveryCommandAndVersion() {
        for (String command : new String[] {"heads", "branches", "history", "show", "revision", "merge", "current",
                "upgrade", "downgrade", "stamp"}) {
            RetortJar.Run run = retort(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: retort " + command);
        }
        assertThat(retort("--version").out()).isEqualTo("retort 0.1.0-SNAPSHOT\n");
        assertThat(retort("--help").out()).contains("--url=URL").contains("--locations=LOCATIONS");
    }

    @Test
    void commandThatNeedsADatabaseSaysHowToGiveIt() {
        RetortJar.Run run = retort("current");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("FAILED: 'current' needs a database and none is configured\n  Pass --url (or"
                + " set DATABASE_URL in the environment or in a .env file).\n");
    }

    @Test
    void upgradeCurrentAndNegativeRelativeDowngradeAgainstPostgres() throws Exception {
        db.reset();
        RetortJar.Run upgrade = retort(withDatabase("upgrade", "heads"));
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.err()).contains("INFO  [retort.runtime.migration] Context impl PostgresqlImpl.\n"
                + "INFO  [retort.runtime.migration] Will assume transactional DDL.\n"
                + "INFO  [retort.runtime.migration] Running upgrade  -> 29f859a13ea, audit root\n")
                .contains("INFO  [retort.runtime.migration] Running upgrade 3cac04ae8714, 27c6a30d7c24 -> 53fffde5ad5d,"
                        + " merge b and x\n")
                .contains("Upgraded 9 revisions in ");

        assertThat(retort(withDatabase("current")).out()).isEqualTo("7b3f1c2d9e10 (head)\n"
                + "9a8c79bb4e1e (effective head)\n");

        RetortJar.Run downgrade = retort(withDatabase("downgrade", "-1"));
        assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();

        // As in Alembic, -2 counts down from the script heads: 7b3f -> 55af -> 53ff.
        assertThat(retort(withDatabase("history", "-i", "-r-2:current")).out()).isEqualTo("""
                53fffde5ad5d (29f859a13ea) -> 55af2cb1c267 (current), main needs audit
                3cac04ae8714, 27c6a30d7c24 -> 53fffde5ad5d (mergepoint), merge b and x
                """);
    }

    @Test
    void relativeDowngradeFromTwoHeadsWarnsOnceAsAlembicDoes() throws Exception {
        db.reset();
        Path twoHeads = Files.createDirectories(project.resolve("two-heads"));
        RevisionFiles files = new RevisionFiles(twoHeads);
        files.add("a1", null).message("root").upgrade("CREATE TABLE a (id int);").downgrade("DROP TABLE a;").write();
        files.add("b1", "a1").message("b").upgrade("CREATE TABLE b (id int);").downgrade("DROP TABLE b;").write();
        files.add("c1", "a1").message("c").upgrade("CREATE TABLE c (id int);").downgrade("DROP TABLE c;").write();
        assertThat(retort(withDatabase("--locations", files.location(), "upgrade", "heads")).exitCode()).isZero();

        RetortJar.Run downgrade = retort(withDatabase("--locations", files.location(), "downgrade", "-1"));

        assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
        // planned twice (before and under the lock), said once
        assertThat(downgrade.err().lines().filter(l -> l.contains("downgrade -1 from multiple heads is ambiguous;"
                + " this usage will be disallowed in a future release."))).hasSize(1);
        assertThat(db.tables()).hasSize(4);
    }

    @Test
    void failingStatementIsFoundWithoutLoggingTheEarlierRevisionsTwice() throws Exception {
        db.reset();
        Path failing = Files.createDirectories(project.resolve("failing"));
        RevisionFiles files = new RevisionFiles(failing);
        files.add("f1", null).message("one").upgrade("CREATE TABLE one (id int);").write();
        files.add("f2", "f1").message("two").upgrade("CREATE TABLE two (id int);").write();
        files.add("f3", "f2").message("three").upgrade("CREATE TABLE three (id int);\nINSERT INTO missing VALUES (1);")
                .write();

        RetortJar.Run run = retort(withDatabase("--locations", files.location(), "upgrade", "heads"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("INFO") && l.contains("Running upgrade  -> f1")))
                .hasSize(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("INFO") && l.contains("Running upgrade f2 -> f3")))
                .hasSize(1);
        assertThat(run.err()).contains("WARNI [retort.runtime.migration] Running upgrade f2 -> f3 failed (ERROR: relation"
                        + " \"missing\" does not exist")
                .contains("FAILED: Running upgrade f2 -> f3 failed: revision script '" + failing
                        + "/f3_three.sql' line 9: INSERT INTO missing VALUES (1)\n")
                .contains("The whole run was rolled back; the database is at base (no version rows) as before.");
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void databaseUrlComesFromTheEnvironmentOrDotEnvInPythonForm() throws Exception {
        db.reset();
        String url = "postgresql://" + db.user() + (db.password() == null ? "" : ":" + db.password()) + "@"
                + db.url().substring("jdbc:postgresql://".length());
        Files.writeString(project.resolve(".env"), "# local settings\nDATABASE_URL=\"" + url + "\"\n");
        try {
            RetortJar.Run fromDotEnv = retort("upgrade", "1975");
            assertThat(fromDotEnv.exitCode()).as(fromDotEnv.err()).isZero();
        } finally {
            Files.delete(project.resolve(".env"));
        }
        RetortJar.Run fromEnvironment = RetortJar.run(project, Map.of("DATABASE_URL", url), "current");
        assertThat(fromEnvironment.out()).isEqualTo("1975ea83b712\n");
    }

    @Test
    void offlineSqlGoesToStandardOutAndLogsToStandardError() {
        RetortJar.Run run = retort("--dialect", "postgresql", "upgrade", "1975", "--sql");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("BEGIN;\n\nCREATE TABLE alembic_version (\n").endsWith("COMMIT;\n\n");
        assertThat(run.err()).isEqualTo("INFO  [retort.runtime.migration] Context impl PostgresqlImpl.\n"
                + "INFO  [retort.runtime.migration] Generating static SQL\n"
                + "INFO  [retort.runtime.migration] Will assume transactional DDL.\n"
                + "INFO  [retort.runtime.migration] Running upgrade  -> 1975ea83b712, create account table\n");
    }

    @Test
    void quietSuppressesStatusAndLogLines() throws IOException {
        Path other = Files.createDirectories(project.resolve("quiet"));
        RetortJar.Run run = RetortJar.run(other, Map.of(), "-q", "revision", "-m", "first");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        try (var files = Files.list(other.resolve("db/migrations"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement().asString().matches("\\d{8}_\\d{4}_[0-9a-f]{12}_first\\.sql");
        }
    }
}
