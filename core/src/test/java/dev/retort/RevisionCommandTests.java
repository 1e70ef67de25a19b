package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** revision and merge: new files on the right parents, with Alembic's checks and messages. */
class RevisionCommandTests {

    @TempDir
    Path dir;

    private final List<String> out = new ArrayList<>();

    private Retort retort() {
        return new Retort(RetortConfig.builder().locations("filesystem:" + dir.resolve("versions"))
                .fileTemplate("%(rev)s_%(slug)s").output(out::add).build());
    }

    private Path revision(String id, String message, String head, boolean splice) {
        return retort().revision(new RevisionOptions(message, List.of(head), splice, List.of(), List.of(), id));
    }

    @Test
    void firstRevisionIsABaseInANewDirectoryAndReportsTheFile() throws IOException {
        Path file = revision("a1", "create account table", "head", false);

        assertThat(file).isEqualTo(dir.resolve("versions/a1_create_account_table.sql"));
        assertThat(Files.readString(file)).startsWith("-- create account table\n--\n-- Revision ID: a1\n-- Revises: \n"
                + "-- Create Date: ");
        assertThat(out).containsExactly("Creating directory " + dir.resolve("versions") + " ...  done",
                "Generating " + file + " ...  done");
        assertThat(retort().graph().bases()).containsExactly("a1");
    }

    @Test
    void nextRevisionBuildsOnTheHeadWithAFreshTwelveHexId() {
        revision("a1", "one", "head", false);

        Path file = retort().revision(RevisionOptions.message("two"));

        String id = file.getFileName().toString().substring(0, 12);
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(retort().graph().get(id).downRevisions()).containsExactly("a1");
    }

    @Test
    void severalHeadsWithoutHeadIsAlembicsError() {
        revision("a1", "one", "head", false);
        revision("b1", "two", "a1", false);
        revision("c1", "three", "a1", true);

        assertThatThrownBy(() -> retort().revision(RevisionOptions.message("four")))
                .hasMessage("Multiple heads are present; please specify the head revision on which the new revision"
                        + " should be based, or perform a merge.");
    }

    @Test
    void branchingFromANonHeadNeedsSplice() {
        revision("a1", "one", "head", false);
        revision("b1", "two", "a1", false);

        assertThatThrownBy(() -> revision("c1", "three", "a1", false))
                .hasMessage("Revision a1 is not a head revision; please specify --splice to create a new branch from"
                        + " this revision");
    }

    @Test
    void mergeHeadsWritesAMergepoint() {
        revision("a1", "one", "head", false);
        revision("b1", "two", "a1", false);
        revision("c1", "three", "a1", true);

        retort().merge(List.of("heads"), "merge b and c", null, "m1");

        assertThat(retort().graph().get("m1").downRevisions()).containsExactly("b1", "c1");
        assertThat(retort().graph().heads()).containsExactly("m1");
    }

    @Test
    void newBaseWithBranchLabelAndDependencyResolvedToAFullId() throws IOException {
        revision("aaaa1111", "one", "head", false);

        Path file = retort().revision(new RevisionOptions("audit root", List.of("base"), false, List.of("audit"),
                List.of("aaaa"), "b1"));

        assertThat(Files.readString(file)).contains("-- Revises: \n").contains("-- Branch Labels: audit\n")
                .contains("-- Depends On: aaaa1111\n");
        assertThat(retort().graph().heads()).containsExactly("aaaa1111", "b1");
        assertThat(retort().graph().realHeads()).containsExactly("b1");
    }

    @Test
    void idWithAReservedCharacterIsRefused() {
        assertThatThrownBy(() -> revision("a-1", "one", "head", false))
                .hasMessage("Character(s) '-' not allowed in revision identifier 'a-1'");
        assertThat(dir.resolve("versions")).doesNotExist();
    }

    @Test
    void usedBranchLabelIsRefused() {
        retort().revision(new RevisionOptions("one", List.of("base"), false, List.of("shop"), List.of(), "a1"));

        assertThatThrownBy(() -> retort().revision(new RevisionOptions("two", List.of("base"), false,
                List.of("shop"), List.of(), "b1")))
                .hasMessage("Branch name 'shop' in revision b1 already used by revision a1");
    }

    @Test
    void versionPathMustBeALocation() {
        Retort retort = new Retort(RetortConfig.builder().locations("filesystem:" + dir.resolve("versions"))
                .versionPath(dir.resolve("elsewhere")).output(out::add).build());

        assertThatThrownBy(() -> retort.revision(RevisionOptions.message("x")))
                .hasMessage("Path " + dir.resolve("elsewhere") + " is not represented in current version locations");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
        assertThat(out).isEmpty();
    }

    @Test
    void severalLocationsNeedAVersionPathForTheFirstRevision() {
        Retort retort = new Retort(RetortConfig.builder()
                .locations("filesystem:" + dir.resolve("a") + ",filesystem:" + dir.resolve("b")).output(out::add)
                .build());

        assertThatThrownBy(() -> retort.revision(RevisionOptions.message("x")))
                .hasMessage("Multiple version locations present, please specify --version-path");
    }
}
