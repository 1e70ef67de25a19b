package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.test.RevisionFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and reading revision scripts, and every problem reported with its file and line. */
class ScriptDirectoryTests {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private ScriptDirectory load() {
        return ScriptDirectory.load(List.of(Location.parse("filesystem:" + dir)), getClass().getClassLoader(),
                warnings::add);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void headerMirrorsAlembicsDocstring() throws IOException {
        write("x.sql", """
                -- add user table
                --
                -- Revision ID: 5cd038a8f131
                -- Revises: 1a2b3c4d5e6f
                -- Create Date: 2025-10-24 17:40:00.123456
                -- Branch Labels: accounts
                -- Depends On: 9f8e7d6c5b4a
                -- Ticket: JIRA-12

                -- migrate:upgrade
                CREATE TABLE users (id bigint PRIMARY KEY);
                """);
        RevisionScript script = RevisionScript.read(ScriptSource.file(Location.parse("filesystem:" + dir), "x.sql",
                dir.resolve("x.sql")));

        assertThat(script.id()).isEqualTo("5cd038a8f131");
        assertThat(script.revision().downRevisions()).containsExactly("1a2b3c4d5e6f");
        assertThat(script.revision().branchLabels()).containsExactly("accounts");
        assertThat(script.revision().dependsOn()).containsExactly("9f8e7d6c5b4a");
        assertThat(script.message()).isEqualTo("add user table");
        assertThat(script.doc()).isEqualTo("add user table");
        assertThat(script.createDate()).isEqualTo("2025-10-24 17:40:00.123456");
        assertThat(script.metadata()).containsEntry("Ticket", "JIRA-12");
        assertThat(script.transactional()).isTrue();
        assertThat(script.longDoc()).isEqualTo("add user table\n\nRevision ID: 5cd038a8f131\nRevises: 1a2b3c4d5e6f\n"
                + "Create Date: 2025-10-24 17:40:00.123456\nBranch Labels: accounts\nDepends On: 9f8e7d6c5b4a\n"
                + "Ticket: JIRA-12");
    }

    @Test
    void oneLineListingsShowTheMessageEvenWithoutABlankLineBeforeTheKeys() throws IOException {
        write("a.sql", "-- add thing\n-- Revision ID: aaa\n-- Revises:\n-- migrate:upgrade\n");
        write("b.sql", "-- Revision ID: bbb\n-- Revises: aaa\n-- migrate:upgrade\n");
        write("c.sql", "-- add a column\n-- to the thing table\n--\n-- Revision ID: ccc\n-- Revises: bbb\n"
                + "-- migrate:upgrade\n");
        ScriptDirectory scripts = load();

        assertThat(scripts.script("aaa").doc()).isEqualTo("add thing");
        assertThat(scripts.script("bbb").doc()).isEmpty();
        assertThat(scripts.script("ccc").doc()).isEqualTo("add a column\nto the thing table");
    }

    @Test
    void headerKeysAreCaseInsensitiveAndMergesListSeveralParents() throws IOException {
        write("m.sql", "-- merge\n-- REVISION id: m1\n-- revises: a, b,c\n-- TRANSACTIONAL: False\n"
                + "-- migrate:upgrade\n");
        write("a.sql", "-- a\n-- Revision ID: a\n-- Revises:\n-- migrate:upgrade\n");
        write("b.sql", "-- b\n-- Revision ID: b\n-- Revises:\n-- migrate:upgrade\n");
        write("c.sql", "-- c\n-- Revision ID: c\n-- Revises:\n-- migrate:upgrade\n");

        ScriptDirectory scripts = load();

        assertThat(scripts.script("m1").revision().downRevisions()).containsExactly("a", "b", "c");
        assertThat(scripts.script("m1").transactional()).isFalse();
        assertThat(scripts.graph().heads()).containsExactly("m1");
    }

    @Test
    void bodyIsReadOnlyWhenAskedAndSplitIntoStatementsWithTheirLines() throws IOException {
        Path file = write("a.sql", "-- a\n-- Revision ID: a\n-- Revises:\n\n-- migrate:upgrade\nCREATE TABLE t (id int);\n"
                + "INSERT INTO t\n  VALUES (1);\n\n-- migrate:downgrade\nDROP TABLE t;\n");
        RevisionScript script = load().script("a");
        Files.writeString(file, Files.readString(file).replace("DROP TABLE t;", "DROP TABLE t CASCADE;"));

        ScriptBody body = script.body();

        assertThat(body.upgradeStatements()).containsExactly(new SqlStatement("CREATE TABLE t (id int)", 6),
                new SqlStatement("INSERT INTO t\n  VALUES (1)", 7));
        assertThat(body.downgradeStatements()).containsExactly(new SqlStatement("DROP TABLE t CASCADE", 11));
    }

    @Test
    void filesLoadInAlembicsWalkOrderFilesBeforeSubdirectories() throws IOException {
        for (String name : List.of("b/x.sql", "c.sql", "a/z.sql", "a.sql", "a/b/y.sql")) {
            String id = name.replaceAll("\\W", "");
            write(name, "-- " + id + "\n-- Revision ID: " + id + "\n-- Revises:\n-- migrate:upgrade\n");
        }

        assertThat(load().scripts()).extracting(s -> s.source().relativePath())
                .containsExactly("a.sql", "c.sql", "a/z.sql", "a/b/y.sql", "b/x.sql");
    }

    @Test
    void classpathLocationsAreScannedInsideJarsToo() throws IOException {
        Path jar = dir.resolve("scripts.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migrations/"));
            for (String id : List.of("j2", "j1")) {
                out.putNextEntry(new JarEntry("db/migrations/" + id + ".sql"));
                out.write(("-- " + id + "\n-- Revision ID: " + id + "\n-- Revises: " + (id.equals("j2") ? "j1" : "")
                        + "\n-- migrate:upgrade\nSELECT 1;\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ScriptDirectory scripts = ScriptDirectory.load(List.of(Location.parse("classpath:db/migrations")), loader,
                    warnings::add);

            assertThat(scripts.scripts()).extracting(RevisionScript::id).containsExactly("j1", "j2");
            assertThat(scripts.script("j2").source().displayPath()).isEqualTo("classpath:db/migrations/j2.sql");
            assertThat(scripts.script("j2").body().upgradeStatements()).hasSize(1);
        }
    }

    @Test
    void missingLocationIsListedForTheCallerUnlessOptional() {
        ScriptDirectory scripts = ScriptDirectory.load(List.of(Location.parse("filesystem:" + dir.resolve("none")),
                Location.parse("optional:filesystem:" + dir.resolve("extra")),
                Location.parse("optional:classpath:no/such/dir")), getClass().getClassLoader(), warnings::add);

        assertThat(scripts.scripts()).isEmpty();
        assertThat(scripts.missingLocations()).containsExactly(Location.parse("filesystem:" + dir.resolve("none")));
        assertThat(warnings).isEmpty();
    }

    @Test
    void scriptWithoutRevisionIdNamesTheFile() throws IOException {
        write("x.sql", "-- add table\n-- Revises:\n\n-- migrate:upgrade\nSELECT 1;\n");

        assertThatThrownBy(this::load).isInstanceOf(RevisionScriptException.class)
                .hasMessage("Revision script '" + dir + "/x.sql' line 1: no 'Revision ID' in the header; add a line"
                        + " '-- Revision ID: <id>' to the comment block at the top (e.g. the 12 hex characters"
                        + " 'revision' generates)");
    }

    @Test
    void scriptWithoutUpgradeMarkerSaysWhereItShouldGo() throws IOException {
        write("x.sql", "-- add table\n-- Revision ID: x\n-- Revises:\n");

        assertThatThrownBy(this::load).hasMessage("Revision script '" + dir + "/x.sql' line 3: no '-- migrate:upgrade'"
                + " marker; put '-- migrate:upgrade' on its own line above the upgrade SQL (and '-- migrate:downgrade'"
                + " above the downgrade SQL)");
    }

    @Test
    void sqlBeforeTheUpgradeMarkerIsAnError() throws IOException {
        write("x.sql", "-- add table\n-- Revision ID: x\n-- Revises:\n\nCREATE TABLE t (id int);\n-- migrate:upgrade\n");

        assertThatThrownBy(this::load).hasMessage("Revision script '" + dir + "/x.sql' line 5: SQL before the"
                + " '-- migrate:upgrade' marker; put '-- migrate:upgrade' on its own line above the upgrade SQL");
    }

    @Test
    void duplicateRevisionIdNamesBothFiles() throws IOException {
        write("a.sql", "-- a\n-- Revision ID: abc\n-- Revises:\n-- migrate:upgrade\n");
        write("b.sql", "-- b\n--\n-- Revision ID: abc\n-- Revises:\n-- migrate:upgrade\n");

        assertThatThrownBy(this::load).hasMessage("Revision scripts '" + dir + "/a.sql' line 2 and '" + dir
                + "/b.sql' line 3 both have Revision ID 'abc'; give one of them a new id (a copied file keeps its id)");
    }

    @Test
    void revisesThatMatchesNoRevisionNamesTheLine() throws IOException {
        write("a.sql", "-- a\n--\n-- Revision ID: a1\n-- Revises: 9b7d\n-- migrate:upgrade\n");

        assertThatThrownBy(this::load).hasMessage("Revision script '" + dir + "/a.sql' line 4: 'Revises' names '9b7d',"
                + " which matches no revision; use the full id of an existing revision (see 'retort history')");
    }

    @Test
    void dependsOnThatMatchesNothingNamesTheLine() throws IOException {
        write("a.sql", "-- a\n-- Revision ID: a1\n-- Revises:\n-- Depends On: nolabel\n-- migrate:upgrade\n");

        assertThatThrownBy(this::load).hasMessage("Revision script '" + dir + "/a.sql' line 4: 'Depends On' names"
                + " 'nolabel', which matches no revision or branch label; use the full id of an existing revision"
                + " (see 'retort history')");
    }

    @Test
    void duplicateBranchLabelNamesBothRevisions() throws IOException {
        write("a.sql", "-- a\n-- Revision ID: a1\n-- Revises:\n-- Branch Labels: shop\n-- migrate:upgrade\n");
        write("b.sql", "-- b\n-- Revision ID: b1\n-- Revises:\n\n-- Branch Labels: shop\n-- migrate:upgrade\n");

        assertThatThrownBy(this::load).hasMessage("Revision script '" + dir + "/b.sql' line 5: Branch name 'shop' in"
                + " revision b1 already used by revision a1 ('" + dir + "/a.sql' line 4); pick a different branch label");
    }

    @Test
    void cycleListsTheRevisionsAndTheirFiles() throws IOException {
        write("a.sql", "-- a\n-- Revision ID: a1\n-- Revises:\n-- migrate:upgrade\n");
        write("b.sql", "-- b\n-- Revision ID: b1\n-- Revises: c1\n-- migrate:upgrade\n");
        write("c.sql", "-- c\n-- Revision ID: c1\n-- Revises: b1\n-- migrate:upgrade\n");

        assertThatThrownBy(this::load).hasMessage("Cycle is detected in revisions (b1, c1): '" + dir + "/b.sql' line 3, '"
                + dir + "/c.sql' line 3; break the cycle by fixing 'Revises'/'Depends On' in one of these scripts");
    }

    @Test
    void selfLoopIsReportedOnItsLine() throws IOException {
        write("a.sql", "-- a\n-- Revision ID: a1\n-- Revises: a1\n-- migrate:upgrade\n");

        assertThatThrownBy(this::load).hasMessage("Revision script '" + dir + "/a.sql' line 3: Self-loop is detected in"
                + " revisions (a1); a revision can't 'Revises' itself: name the revision it follows"
                + " instead");
    }

    @Test
    void revisionIdWithACharacterAlembicForbidsIsReported() throws IOException {
        write("a.sql", "-- a\n-- Revision ID: add-users\n-- Revises:\n-- migrate:upgrade\n");

        assertThatThrownBy(this::load).hasMessage("Revision script '" + dir + "/a.sql' line 2: Character(s) '-' not"
                + " allowed in revision identifier 'add-users'; these characters are reserved for target syntax, pick"
                + " another id");
    }

    @Test
    void unterminatedStringIsReportedWhenTheBodyIsRead() throws IOException {
        write("a.sql", "-- a\n-- Revision ID: a1\n-- Revises:\n-- migrate:upgrade\nINSERT INTO t VALUES ('oops);\n");

        ScriptBody body = load().script("a1").body();

        assertThatThrownBy(body::upgradeStatements).hasMessage("Revision script '" + dir + "/a.sql' line 5:"
                + " unterminated string literal starting here; close it with '");
    }

    @Test
    void testSupportWritesLoadableScripts() {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("r1", null).write();
        files.add("r2", "r1").labels("x").write();

        assertThat(load().graph().branchLabels("r1")).containsExactly("x");
    }
}
