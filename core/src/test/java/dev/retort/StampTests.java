package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.ReferenceScripts;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** stamp: version rows set without running revisions, with Alembic's row moves. */
class StampTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path scripts;

    @BeforeAll
    static void writeScripts() {
        ReferenceScripts.write(scripts);
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private Retort retort() {
        return new Retort(RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations("filesystem:" + scripts).output(line -> { }).build());
    }

    private List<String> rows() throws SQLException {
        return db.column("SELECT version_num FROM alembic_version ORDER BY version_num");
    }

    @Test
    void stampRevisionOnFreshDatabaseInsertsItsRowAndRunsNothing() throws SQLException {
        retort().stamp(List.of("27c6"), false, false);

        assertThat(rows()).containsExactly("27c6a30d7c24");
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log");
    }

    @Test
    void stampHeadsMovesARowUpToTheHead() throws SQLException {
        retort().stamp(List.of("27c6"), false, false);

        retort().stamp(List.of("heads"), false, false);

        assertThat(rows()).containsExactly("7b3f1c2d9e10");
    }

    @Test
    void stampOnAnotherBranchAddsARowAndStampingBelowUnmerges() throws SQLException {
        retort().stamp(List.of("27c6"), false, false);
        retort().stamp(List.of("3cac"), false, false);
        assertThat(rows()).containsExactly("27c6a30d7c24", "3cac04ae8714");

        retort().stamp(List.of("53ff"), false, false);
        assertThat(rows()).containsExactly("53fffde5ad5d");

        retort().stamp(List.of("ae10"), false, false);
        assertThat(rows()).containsExactly("ae1027a6acf0");
    }

    @Test
    void stampSeveralRevisionsAtOnce() throws SQLException {
        retort().stamp(List.of("3cac", "27c6"), false, false);

        assertThat(rows()).containsExactly("27c6a30d7c24", "3cac04ae8714");
    }

    @Test
    void stampBaseDeletesEveryRowButKeepsTheTable() throws SQLException {
        retort().stamp(List.of("27c6", "3cac"), false, false);

        retort().stamp(List.of("base"), false, false);

        assertThat(rows()).isEmpty();
        assertThat(db.tables()).contains("alembic_version");
    }

    @Test
    void stampPurgeReplacesRowsNoScriptHas() throws SQLException {
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('deadbeef0000')");
        assertThatThrownBy(() -> retort().stamp(List.of("1975"), false, false))
                .hasMessageStartingWith("Can't locate revision identified by 'deadbeef0000'");

        retort().stamp(List.of("1975"), true, false);

        assertThat(rows()).containsExactly("1975ea83b712");
    }

    @Test
    void stampRecordsItsMovesInTheAuditLog() throws SQLException {
        retort().stamp(List.of("27c6"), false, false);
        retort().stamp(List.of("base"), false, false);

        assertThat(db.column("SELECT direction || ' ' || revision || ' [' || from_revisions || '] -> ['"
                + " || to_revisions || ']' FROM alembic_version_log ORDER BY id"))
                .containsExactly("stamp 27c6a30d7c24 [] -> [27c6a30d7c24]", "stamp 27c6a30d7c24 [27c6a30d7c24] -> []");
    }

    @Test
    void stampHeadWithSeveralHeadsFailsWithAlembicsStampMessage() {
        assertThatThrownBy(() -> retort().stamp(List.of("head"), false, false))
                .hasMessage("Multiple heads are present; please specify a single target revision");
    }

    @Test
    void purgeCantBeCombinedWithSql() {
        assertThatThrownBy(() -> retort().stamp(List.of("heads"), true, true))
                .hasMessage("Can't use --purge with --sql mode");
    }
}
