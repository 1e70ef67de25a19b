package dev.retort.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                .upgrade("CREATE TYPE action AS ENUM ('insert', 'delete');\n"
                        + "CREATE TABLE audit (id int PRIMARY KEY, account_id int REFERENCES account, what action);\n"
                        + "CREATE INDEX ix_audit_account ON audit (account_id);")
                .downgrade("DROP TABLE audit;\nDROP TYPE action;").write();
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
                    Map.entry("downgradeLeavesNoTrace", "SUCCESSFUL"),
                    Map.entry("checksumsMatch", "SUCCESSFUL"),
                    Map.entry("modelDefinitionsMatchDdl", "ABORTED: TestAbortedException: Assumption failed: no target schema:"
                            + " the Retort has no entities to compare with (RetortConfig.Builder.targetSchema, set by"
                            + " the Spring Boot starter when Hibernate is present)"),
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

    static class Checksums implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    /** Another fixture: a class's extension reads the scripts once, and the second run must see the edit. */
    static class ChecksumsAfterEdit implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void checksumsMatchFollowsTheEngineRuleReindentingIsNoEditAChangedTokenIs() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TABLE account (id int PRIMARY KEY);").downgrade("DROP TABLE account;").write();
            kit.files.add("b1", "a1").message("add email").upgrade("ALTER TABLE account ADD COLUMN email text;")
                    .downgrade("ALTER TABLE account DROP COLUMN email;").write();
            new Retort(kit.config()).upgrade("heads");
            Path a1 = dir.resolve("a1_create_account.sql");
            Files.writeString(a1, Files.readString(a1)
                    .replace("CREATE TABLE account (id int PRIMARY KEY);", "CREATE TABLE account (\r\n    id int PRIMARY KEY\r\n);"));

            assertThat(kit.runOne(Checksums.class, "checksumsMatch")).isEqualTo("SUCCESSFUL");

            kit.files.add("b1", "a1").message("add email").upgrade("ALTER TABLE account ADD COLUMN email varchar;")
                    .downgrade("ALTER TABLE account DROP COLUMN email;").write();

            assertThat(kit.runOne(ChecksumsAfterEdit.class, "checksumsMatch").replaceAll(" at \\S+Z;", " at <applied>;"))
                    .isEqualTo("""
                    FAILED: 1 revision was edited after the database ran it. A database that already ran the old SQL\
                     will never run the new one.

                    Edited:
                        b1 (%s), add email
                            ran with SQL checksum 0f990c1c426b1c86031a0c4273e38f558b3242063e172f2b07460cdfd66a8665 at\
                     <applied>; the script's is now 45f17d37b6490047f540a2c675cb5f3663dd683370d1f8b32111651a4f9f040b

                    What to do:
                        Put the applied SQL back and write the change as a new revision ('retort revision -m "..."').\
                    """.formatted(kit.path("b1_add_email.sql")));
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
                        Revision b1 was rolled back; revisions before it were committed. The database is at b1. Fix\
                     the statement and run the command again.""".formatted(kit.path("b1_create_audit.sql")));
            assertThat(outcomes).containsEntry("upgrade", "SUCCESSFUL");
            // the failed test left the database where the failure did; the next run starts from base regardless
            assertThat(kit.column("SELECT version_num FROM alembic_version")).containsExactly("b1");
        }
    }

    static class IndexLeftBehind implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void downgradeThatLeavesAnIndexBehindFailsDowngradeLeavesNoTraceNamingTheIndex() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TABLE account (id int PRIMARY KEY, email text);").downgrade("DROP TABLE account;")
                    .write();
            kit.files.add("b1", "a1").message("index emails")
                    .upgrade("CREATE UNIQUE INDEX ux_account_email ON account (email);\n"
                            + "ALTER TABLE account ADD COLUMN verified boolean NOT NULL DEFAULT false;")
                    .downgrade("ALTER TABLE account DROP COLUMN verified;").write();
            kit.files.add("c1", "b1").message("create audit")
                    .upgrade("CREATE TABLE audit (id int PRIMARY KEY);").downgrade("DROP TABLE audit;").write();

            Map<String, String> outcomes = kit.run(IndexLeftBehind.class);

            assertThat(outcomes.get("downgradeLeavesNoTrace")).isEqualTo("""
                    FAILED: There is a difference between the pre-'b1'-upgrade schema, and the post-'b1'-downgrade\
                     schema. This implies that the upgrade performs some set of DDL changes which the downgrade does\
                     not precisely undo.

                    Revision:
                        b1 (%s), index emails

                    Left behind by the downgrade:
                        unique index ux_account_email on account (email)""".formatted(kit.path("b1_index_emails.sql")));
            // the stairway can't see it: every step succeeds
            assertThat(outcomes).containsEntry("upgrade", "SUCCESSFUL").containsEntry("upDownConsistency", "SUCCESSFUL");
        }
    }

    static class BelowMinimum implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);

        @Override
        public String minimumDowngradeRevision() {
            return "b1";
        }
    }

    @Test
    void downgradesAtAndBelowTheMinimumDowngradeRevisionAreNotRun() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TABLE account (id int PRIMARY KEY);").noDowngradeSection().write();
            kit.files.add("b1", "a1").message("add email").upgrade("ALTER TABLE account ADD COLUMN email text;")
                    .downgrade("SELECT 1/0;").write();
            kit.files.add("c1", "b1").message("add phone").upgrade("ALTER TABLE account ADD COLUMN phone text;")
                    .downgrade("ALTER TABLE account DROP COLUMN phone;").write();

            assertThat(kit.runOne(BelowMinimum.class, "upDownConsistency")).isEqualTo("SUCCESSFUL");

            assertThat(kit.column("SELECT direction || ' ' || revision FROM alembic_version_log ORDER BY id"))
                    .containsExactly("upgrade a1", "upgrade b1", "upgrade c1", "downgrade c1", "upgrade c1");
        }
    }

    static class Dangerous implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);

        @Override
        public boolean checkDangerousOperations() {
            return true;
        }

        @Override
        public Set<String> skipRevisions() {
            return Set.of("e1");
        }
    }

    @Test
    void dangerousOperationsAreNamedWithTheirSafeAlternativeWhenTheCheckIsOn() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TYPE plan AS ENUM ('free');\n"
                            + "CREATE TABLE account (id int PRIMARY KEY, name text, plan plan);\n"
                            // a new table has no traffic to block
                            + "CREATE INDEX ix_account_name ON account (name);")
                    .downgrade("DROP TABLE account;\nDROP TYPE plan;").write();
            kit.files.add("b1", "a1").message("index and type")
                    .upgrade("CREATE INDEX ix_account_plan ON account (plan);\n"
                            + "CREATE INDEX CONCURRENTLY ix_account_id_name ON account (id, name);\n"
                            + "ALTER TABLE account ALTER COLUMN id TYPE bigint;\n"
                            + "ALTER TABLE account ALTER COLUMN name TYPE varchar(100);")
                    .downgrade("").nonTransactional().write();
            kit.files.add("c1", "b1").message("required email")
                    .upgrade("ALTER TABLE account ADD COLUMN email text NOT NULL;\n"
                            + "ALTER TABLE account ADD COLUMN active boolean NOT NULL DEFAULT true;")
                    .downgrade("").write();
            kit.files.add("d1", "c1").message("paid plan")
                    .upgrade("ALTER TYPE plan ADD VALUE 'paid';").downgrade("").write();
            kit.files.add("e1", "d1").message("upgrade everyone")
                    .upgrade("ALTER TABLE account ALTER COLUMN email TYPE int USING 0;\n"
                            + "UPDATE account SET plan = 'paid';").downgrade("").write();

            assertThat(kit.runOne(Dangerous.class, "noDangerousOperations")).isEqualTo("""
                    FAILED: 4 statements take a lock on PostgreSQL that blocks the table's traffic while it runs,\
                     where a safe alternative exists.

                    Statements:
                        b1 ('%1$s' line 9): CREATE INDEX ix_account_plan ON account (plan)
                            CREATE INDEX without CONCURRENTLY blocks writes to account until the index is built; use\
                     CREATE INDEX CONCURRENTLY in a revision marked '-- Transactional: false'
                        b1 ('%1$s' line 11): ALTER TABLE account ALTER COLUMN id TYPE bigint
                            ALTER COLUMN ... TYPE bigint rewrites account under an ACCESS EXCLUSIVE lock; add a new\
                     column, backfill it in batches, then switch over
                        c1 ('%2$s' line 8): ALTER TABLE account ADD COLUMN email text NOT NULL
                            ADD COLUMN ... NOT NULL without a DEFAULT fails on a table that has rows; add the column\
                     with a DEFAULT, or nullable, backfill it, then SET NOT NULL
                        d1 ('%3$s' line 8): ALTER TYPE plan ADD VALUE 'paid'
                            ALTER TYPE ... ADD VALUE 'paid' runs inside the run's transaction and the value is used\
                     later in it, which PostgreSQL refuses (unsafe use of new value); mark the revision\
                     '-- Transactional: false'

                    Skip a revision you have checked:
                        override skipRevisions() to return its id""".formatted(kit.path("b1_index_and_type.sql"),
                    kit.path("c1_required_email.sql"), kit.path("d1_paid_plan.sql")));
        }
    }

    static class DataMigration {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);

        @Test
        void namesAreSplitIntoFirstAndLast(MigrationRunner runner) {
            runner.migrateUpBefore("b1");
            runner.insert("account", Map.of("id", 1, "name", "Ada Lovelace", "plan", "free"),
                    Map.of("id", 2, "name", "Grace Hopper", "plan", "free"));

            runner.migrateUpTo("b1");

            assertThat(runner.query("SELECT first_name, last_name, plan FROM account ORDER BY id")).containsExactly(
                    Map.of("first_name", "Ada", "last_name", "Lovelace", "plan", "free"),
                    Map.of("first_name", "Grace", "last_name", "Hopper", "plan", "free"));
            assertThat(runner.current()).containsExactly("b1");
            assertThat(runner.tableAtRevision("account", "a1")).extracting(row -> row.get("name"))
                    .containsExactly("Ada Lovelace", "Grace Hopper");
        }
    }

    @Test
    void theRunnerMovesThroughTheHistoryForADataMigrationTestAndPutsTheDatabaseBack() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TYPE plan AS ENUM ('free', 'paid');\n"
                            + "CREATE TABLE account (id int PRIMARY KEY, name text NOT NULL, plan plan NOT NULL);")
                    .downgrade("DROP TABLE account;\nDROP TYPE plan;").write();
            kit.files.add("b1", "a1").message("split names")
                    .upgrade("ALTER TABLE account ADD COLUMN first_name text, ADD COLUMN last_name text;\n"
                            + "UPDATE account SET first_name = split_part(name, ' ', 1),"
                            + " last_name = split_part(name, ' ', 2);\n"
                            + "ALTER TABLE account DROP COLUMN name;")
                    .downgrade("ALTER TABLE account ADD COLUMN name text;\n"
                            + "UPDATE account SET name = first_name || ' ' || last_name;\n"
                            + "ALTER TABLE account DROP COLUMN first_name, DROP COLUMN last_name;").write();

            assertThat(kit.run(DataMigration.class)).containsExactly(
                    Map.entry("namesAreSplitIntoFirstAndLast", "SUCCESSFUL"));
            assertThat(kit.column("SELECT version_num FROM alembic_version")).isEmpty();
        }
    }

    static class EntityAhead implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void entityFieldWithNoRevisionFailsModelDefinitionsMatchDdlWithTheStatementsOfTheMissingRevision()
            throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TABLE account (id bigint PRIMARY KEY, name varchar(100) NOT NULL);")
                    .downgrade("DROP TABLE account;").write();
            // the entity as Hibernate describes it: a new 'email' field nobody wrote a revision for
            kit.target = new Schema(List.of(new Table(null, "account", List.of(Column.of("id", "bigint", false),
                    Column.of("name", "varchar(100)", false), Column.of("email", "varchar(255)", true)),
                    new PrimaryKey("account_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null)),
                    List.of(), List.of(), List.of());

            Map<String, String> outcomes = kit.run(EntityAhead.class);

            assertThat(outcomes.get("modelDefinitionsMatchDdl")).isEqualTo("""
                    FAILED: The models describing the DDL of your database are out of sync with the set of steps\
                     described in the revision history. This usually means that someone has made manual changes to\
                     the database's DDL, or some model has been changed without also generating a migration to\
                     describe that change.

                    Differences:
                        Detected added column 'account.email'

                    The upgrade which would have been generated would look like:
                        -- autogenerated by retort: review before applying
                        ALTER TABLE account ADD COLUMN email character varying(255);

                    What to do:
                        Write the revision: retort revision --autogenerate -m "<message>" (in a Spring Boot\
                     application: java -jar <your-app>.jar migrations revision --autogenerate -m "<message>")\
                    """);
            // the history itself is sound
            assertThat(outcomes).containsEntry("upgrade", "SUCCESSFUL").containsEntry("downgradeLeavesNoTrace",
                    "SUCCESSFUL");
        }
    }

    static class EntitiesMatch implements MigrationTests {
        @RegisterExtension
        static RetortExtension retort = RetortExtension.of(Kit.config);
    }

    @Test
    void entitiesMatchingTheHistoryPassModelDefinitionsMatchDdl() throws Exception {
        try (Kit kit = new Kit(dir)) {
            kit.files.add("a1", null).message("create account")
                    .upgrade("CREATE TABLE account (id bigint PRIMARY KEY, name varchar(100) NOT NULL);")
                    .downgrade("DROP TABLE account;").write();
            kit.target = new Schema(List.of(new Table(null, "account", List.of(Column.of("id", "bigint", false),
                    Column.of("name", "varchar(100)", false)), new PrimaryKey("account_pkey", List.of("id")),
                    List.of(), List.of(), List.of(), List.of(), null)), List.of(), List.of(), List.of());

            assertThat(kit.runOne(EntitiesMatch.class, "modelDefinitionsMatchDdl")).isEqualTo("SUCCESSFUL");
        }
    }

    static class NoHistory implements MigrationTests {
    }

    @Test
    void withoutSpringOrARegisteredExtensionEachTestSaysHowToGiveItAHistory() throws Exception {
        try (Kit kit = new Kit(dir)) {
            assertThat(kit.runOne(NoHistory.class, "singleHeadRevision")).isEqualTo("FAILED:"
                    + " ParameterResolutionException: NoHistory has no revision history to test: make it a Spring test"
                    + " (@SpringBootTest, @DataJpaTest, @JdbcTest) of an application with migrations.enabled=true, or"
                    + " register the history and database on the class: @RegisterExtension static RetortExtension"
                    + " retort = RetortExtension.of(config);");
        }
    }
}
