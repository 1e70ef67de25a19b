package dev.retort.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each built-in test on a deliberately broken history, run through the JUnit Platform as a user's build runs it:
 * the broken one fails with its message, the others pass.
 */
class MigrationTestsTests {

    @TempDir
    Path dir;

    /** A branch and a merge: a, then b and c off a, merged by d. */
    private static void soundHistory(Kit kit) {
        kit.files.add("a1", null).message("create account")
                .upgrade("CREATE TABLE account (id int PRIMARY KEY, name text);").downgrade("DROP TABLE account;")
                .write();
        kit.files.add("b1", "a1").message("add email")
                .upgrade("ALTER TABLE account ADD COLUMN email text;")
                .downgrade("ALTER TABLE account DROP COLUMN email;").write();
        kit.files.add("c1", "a1").message("create audit")
                .upgrade("CREATE TABLE audit (id int PRIMARY KEY);").downgrade("DROP TABLE audit;").write();
        kit.files.add("d1", "b1,c1").message("merge email and audit").write();
    }

    static class Sound implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void soundHistoryWithBranchAndMergePassesEveryTestAndTheDangerousOperationsTestIsOptIn() throws Exception {
        try (Kit kit = new Kit(dir)) {
            soundHistory(kit);

            Map<String, String> outcomes = kit.run(Sound.class);

            assertThat(outcomes).containsOnly(
                    Map.entry("singleHeadRevision", "SUCCESSFUL"),
                    Map.entry("upgrade", "SUCCESSFUL"),
                    Map.entry("upDownConsistency", "SUCCESSFUL"),
                    Map.entry("checksumsMatch", "SUCCESSFUL"),
                    Map.entry("noDangerousOperations", "ABORTED: TestAbortedException: Assumption failed: off by default; override"
                            + " checkDangerousOperations() to return true to run it"));
            // every test put the database back where it found it: at base
            assertThat(kit.column("SELECT version_num FROM alembic_version")).isEmpty();
            assertThat(kit.column("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
                    .containsExactly("alembic_version", "alembic_version_log");
        }
    }

    static class Stairway implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void stairwayRunsEachRevisionAsItsOwnStepAndUndoingOneBranchLeavesTheOtherApplied() throws Exception {
        try (Kit kit = new Kit(dir)) {
            soundHistory(kit);

            assertThat(kit.runOne(Stairway.class, "upDownConsistency")).isEqualTo("SUCCESSFUL");

            // one audit row per step, in the order the steps ran; undoing b1 left its sibling c1 applied
            assertThat(kit.column("SELECT direction || ' ' || revision || ' ' || from_revisions || ' -> '"
                    + " || to_revisions FROM alembic_version_log ORDER BY id")).containsExactly(
                    "upgrade a1  -> a1", "upgrade c1 a1 -> c1", "upgrade b1 a1 -> b1", "upgrade d1 b1, c1 -> d1",
                    "downgrade d1 d1 -> b1, c1", "downgrade b1 b1 -> a1", "downgrade c1 c1 -> a1",
                    "downgrade a1 a1 -> ",
                    "upgrade a1  -> a1", "upgrade c1 a1 -> c1", "upgrade b1 a1 -> b1", "upgrade d1 b1, c1 -> d1",
                    // the restore to base: one run
                    "downgrade d1 d1 -> b1, c1", "downgrade b1 b1 -> a1", "downgrade c1 c1 -> a1",
                    "downgrade a1 a1 -> ");
        }
    }

    static class TwoHeads implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void twoHeadsFailSingleHeadRevisionNamingTheHeadsAndTheMergeCommand() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TABLE account (id int PRIMARY KEY);").downgrade("DROP TABLE account;").write();
            kit.files.add("b1", "a1").message("add email").upgrade("ALTER TABLE account ADD COLUMN email text;")
                    .downgrade("ALTER TABLE account DROP COLUMN email;").write();
            kit.files.add("c1", "a1").message("add phone").upgrade("ALTER TABLE account ADD COLUMN phone text;")
                    .downgrade("ALTER TABLE account DROP COLUMN phone;").write();

            Map<String, String> outcomes = kit.run(TwoHeads.class);

            assertThat(outcomes.get("singleHeadRevision")).isEqualTo("""
                    FAILED: Expected 1 head revision, found 2

                    Heads:
                        b1 (%s), add email
                        c1 (%s), add phone

                    Join them with a merge revision:
                        retort merge heads -m "merge heads"
                        (in a Spring Boot application: java -jar <your-app>.jar migrations merge heads -m "merge heads")"""
                    .formatted(kit.path("b1_add_email.sql"), kit.path("c1_add_phone.sql")));
            // the rest of the history is sound, branches included
            assertThat(outcomes).containsEntry("upgrade", "SUCCESSFUL").containsEntry("upDownConsistency", "SUCCESSFUL");
        }
    }

    static class FailingSql implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void revisionWhoseSqlFailsFromAnEmptyDatabaseFailsUpgradeWithTheRevisionFileAndLine() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TABLE account (id int PRIMARY KEY);").downgrade("DROP TABLE account;").write();
            // written against a database where someone had created 'customer' by hand
            kit.files.add("b1", "a1").message("copy customers")
                    .upgrade("INSERT INTO account (id)\nSELECT id FROM customer;").downgrade("DELETE FROM account;")
                    .write();

            Map<String, String> outcomes = kit.run(FailingSql.class);

            assertThat(outcomes.get("upgrade")).isEqualTo("""
                    FAILED: Failed to upgrade to the head revision. This means the historical chain from an empty\
                     database, to the current revision is not possible.

                    Retort Error:
                        Running upgrade a1 -> b1 failed: revision script '%s' line 8: INSERT INTO account (id)
                        ERROR: relation "customer" does not exist
                          Position: 41
                        The whole run was rolled back; the database is at base (no version rows) as before. Fix the\
                     statement and run the command again.""".formatted(kit.path("b1_copy_customers.sql")));
            assertThat(outcomes.get("upDownConsistency")).startsWith("""
                    FAILED: Failed to upgrade through each revision individually.

                    Failing Revision:
                        b1 (%s), copy customers

                    Step:
                        upgrade 2 of 2, from a1

                    Retort Error:
                    """.formatted(kit.path("b1_copy_customers.sql")));
            assertThat(outcomes).containsEntry("singleHeadRevision", "SUCCESSFUL");
        }
    }

    static class DowngradeFails implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void downgradeThatFailsInTheMiddleOfTheStairwayFailsUpDownConsistencyNamingStepAndRevision() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TABLE account (id int PRIMARY KEY);").downgrade("DROP TABLE account;").write();
            kit.files.add("b1", "a1").message("create audit")
                    .upgrade("CREATE TABLE audit (id int PRIMARY KEY);").downgrade("DROP TABLE audit_log;").write();
            kit.files.add("c1", "b1").message("add email").upgrade("ALTER TABLE account ADD COLUMN email text;")
                    .downgrade("ALTER TABLE account DROP COLUMN email;").write();

            Map<String, String> outcomes = kit.run(DowngradeFails.class);

            assertThat(outcomes.get("upDownConsistency")).isEqualTo("""
                    FAILED: Failed to downgrade through each revision individually.

                    Failing Revision:
                        b1 (%1$s), create audit

                    Step:
                        downgrade 2 of 3, from b1

                    Retort Error:
                        Running downgrade b1 -> a1 failed: revision script '%1$s' line 11: DROP TABLE audit_log
                        ERROR: table "audit_log" does not exist
                        The whole run was rolled back; the database is at b1 as before. Fix the statement and run the\
                     command again.""".formatted(kit.path("b1_create_audit.sql")));
            assertThat(outcomes).containsEntry("upgrade", "SUCCESSFUL");
            // the failed test left the database where the failure did; the next run starts from base regardless
            assertThat(kit.column("SELECT version_num FROM alembic_version")).containsExactly("b1");
        }
    }
}
