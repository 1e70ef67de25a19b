package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.ReferenceScripts;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sql}: the script Alembic would print, compared whole, for a graph with a branch and a merge. Needs no
 * database.
 */
class OfflineSqlTests {

    @TempDir
    static Path dir;

    private final List<String> out = new ArrayList<>();

    @BeforeAll
    static void writeScripts() {
        ReferenceScripts.writeBranchAndMerge(dir);
    }

    private Retort retort(String dialect, boolean perMigration) {
        return new Retort(RetortConfig.builder().dialect(dialect).locations("filesystem:" + dir)
                .transactionPerMigration(perMigration).output(out::add).build());
    }

    private String printed() {
        StringBuilder text = new StringBuilder();
        out.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    @Test
    void upgradeHeadsFromBaseCreatesTheVersionTableAndCrossesTheMerge() {
        retort("postgresql", false).upgrade("heads", true);

        assertThat(printed()).isEqualTo("""
                BEGIN;

                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL,\s
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> 1975ea83b712

                CREATE TABLE account (id int PRIMARY KEY, name varchar(50) NOT NULL);

                INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712') RETURNING alembic_version.version_num;

                -- Running upgrade 1975ea83b712 -> ae1027a6acf0

                ALTER TABLE account ADD COLUMN a varchar(10);

                UPDATE alembic_version SET version_num='ae1027a6acf0' WHERE alembic_version.version_num = '1975ea83b712';

                -- Running upgrade ae1027a6acf0 -> 27c6a30d7c24

                CREATE TABLE b (id int PRIMARY KEY);

                UPDATE alembic_version SET version_num='27c6a30d7c24' WHERE alembic_version.version_num = 'ae1027a6acf0';

                -- Running upgrade ae1027a6acf0 -> 3cac04ae8714

                CREATE TABLE x (id int PRIMARY KEY);

                INSERT INTO alembic_version (version_num) VALUES ('3cac04ae8714') RETURNING alembic_version.version_num;

                -- Running upgrade 3cac04ae8714, 27c6a30d7c24 -> 53fffde5ad5d

                DELETE FROM alembic_version WHERE alembic_version.version_num = '3cac04ae8714';

                UPDATE alembic_version SET version_num='53fffde5ad5d' WHERE alembic_version.version_num = '27c6a30d7c24';

                COMMIT;

                """);
    }

    @Test
    void downgradeRangeFromTheMergeUnmergesThenClosesABranch() {
        retort("postgresql", false).downgrade("53ff:ae10", true);

        assertThat(printed()).isEqualTo("""
                BEGIN;

                -- Running downgrade 53fffde5ad5d -> 3cac04ae8714, 27c6a30d7c24

                INSERT INTO alembic_version (version_num) VALUES ('3cac04ae8714') RETURNING alembic_version.version_num;

                UPDATE alembic_version SET version_num='27c6a30d7c24' WHERE alembic_version.version_num = '53fffde5ad5d';

                -- Running downgrade 3cac04ae8714 -> ae1027a6acf0

                DROP TABLE x;

                DELETE FROM alembic_version WHERE alembic_version.version_num = '3cac04ae8714';

                -- Running downgrade 27c6a30d7c24 -> ae1027a6acf0

                DROP TABLE b;

                UPDATE alembic_version SET version_num='ae1027a6acf0' WHERE alembic_version.version_num = '27c6a30d7c24';

                COMMIT;

                """);
    }

    @Test
    void upgradeRangeStartsFromItsLowerEndWithoutCreatingTheTable() {
        retort("postgresql", false).upgrade("27c6:53ff", true);

        assertThat(printed()).isEqualTo("""
                BEGIN;

                -- Running upgrade ae1027a6acf0 -> 3cac04ae8714

                CREATE TABLE x (id int PRIMARY KEY);

                INSERT INTO alembic_version (version_num) VALUES ('3cac04ae8714') RETURNING alembic_version.version_num;

                -- Running upgrade 3cac04ae8714, 27c6a30d7c24 -> 53fffde5ad5d

                DELETE FROM alembic_version WHERE alembic_version.version_num = '3cac04ae8714';

                UPDATE alembic_version SET version_num='53fffde5ad5d' WHERE alembic_version.version_num = '27c6a30d7c24';

                COMMIT;

                """);
    }

    @Test
    void transactionPerMigrationWrapsEachRevisionAndH2HasNoReturning() {
        retort("h2", true).upgrade("1975:ae10", true);

        // H2 has no transactional DDL, so like Alembic on such databases no BEGIN/COMMIT is printed.
        assertThat(printed()).isEqualTo("""
                -- Running upgrade 1975ea83b712 -> ae1027a6acf0

                ALTER TABLE account ADD COLUMN a varchar(10);

                UPDATE alembic_version SET version_num='ae1027a6acf0' WHERE alembic_version.version_num = '1975ea83b712';

                """);
        out.clear();
        retort("postgresql", true).upgrade("1975:ae10", true);
        assertThat(printed()).startsWith("BEGIN;\n\n-- Running upgrade 1975ea83b712 -> ae1027a6acf0\n\n")
                .endsWith("'1975ea83b712';\n\nCOMMIT;\n\n");
    }

    @Test
    void stampRangePrintsOnlyTheVersionRowChanges() {
        retort("postgresql", false).stamp(List.of("ae10:53ff"), false, true);

        assertThat(printed()).isEqualTo("""
                BEGIN;

                -- Running stamp_revision ae1027a6acf0 -> 53fffde5ad5d

                UPDATE alembic_version SET version_num='53fffde5ad5d' WHERE alembic_version.version_num = 'ae1027a6acf0';

                COMMIT;

                """);
    }

    @Test
    void nonTransactionalRevisionIsFencedByCommitAndBegin(@TempDir Path other) {
        RevisionFiles files = new RevisionFiles(other);
        files.add("a1", null).message("table").upgrade("CREATE TABLE t (id int);").write();
        files.add("a2", "a1").message("index").nonTransactional()
                .upgrade("CREATE INDEX CONCURRENTLY t_id ON t (id);").write();
        new Retort(RetortConfig.builder().dialect("postgresql").locations(files.location()).output(out::add).build())
                .upgrade("a1:a2", true);

        assertThat(printed()).isEqualTo("""
                BEGIN;

                -- Running upgrade a1 -> a2

                COMMIT;

                CREATE INDEX CONCURRENTLY t_id ON t (id);

                BEGIN;

                UPDATE alembic_version SET version_num='a2' WHERE alembic_version.version_num = 'a1';

                COMMIT;

                """);
    }
}
