package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as an edit of an applied script: anything but whitespace and line endings. */
class ChecksumsTests {

    private static final String BODY = "-- migrate:upgrade\nCREATE TABLE t (id int, name text DEFAULT 'a  b');\n"
            + "-- seed\nINSERT INTO t VALUES (1, $$x  y$$);\n\n-- migrate:downgrade\nDROP TABLE t;\n";

    @Test
    void reindentingReflowingAndBlankLinesHashAlike() {
        String edited = "--   migrate:upgrade\n\nCREATE TABLE t (\n    id   int,\n    name text DEFAULT 'a  b'\n) ;\n"
                + "--   seed   \n  INSERT INTO t VALUES (1,$$x  y$$);\n\n\n-- migrate:downgrade\n\tDROP TABLE t;   \n";

        assertThat(Checksums.of(edited)).isEqualTo(Checksums.of(BODY));
    }

    @Test
    void changesToTokensLiteralsAndCommentsAreEdits() {
        assertThat(Checksums.of(BODY.replace("'a  b'", "'a b'"))).isNotEqualTo(Checksums.of(BODY));
        assertThat(Checksums.of(BODY.replace("$$x  y$$", "$$x y$$"))).isNotEqualTo(Checksums.of(BODY));
        assertThat(Checksums.of(BODY.replace("-- seed", "-- seeded"))).isNotEqualTo(Checksums.of(BODY));
        assertThat(Checksums.of(BODY.replace("DROP TABLE t", "DROP TABLEt"))).isNotEqualTo(Checksums.of(BODY));
        assertThat(Checksums.of(BODY.replace("(1, $$", "(1 - -1, $$"))).isNotEqualTo(
                Checksums.of(BODY.replace("(1, $$", "(1 --1, $$")));
    }

    @Test
    void legacyFormIsTheBodyAsIs() {
        assertThat(Checksums.legacy(BODY)).isEqualTo(Checksums.sha256(BODY)).isNotEqualTo(Checksums.of(BODY));
    }

    @Test
    void unterminatedQuotesAndCommentsNeverFail() {
        for (String text : new String[] {"'abc", "\"abc", "$$abc", "/* abc", "E'\\", "--", "/* /* */"}) {
            assertThat(Checksums.normalize(text)).isNotNull();
        }
    }
}
