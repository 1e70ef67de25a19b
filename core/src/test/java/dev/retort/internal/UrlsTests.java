package dev.retort.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTests {

    @Test
    void pythonStyleUrlBecomesJdbcWithCredentialsTakenOut() {
        Urls.Jdbc jdbc = Urls.toJdbc("postgresql://bob:s%40cret@db.example:5433/app?sslmode=require");
        assertThat(jdbc).isEqualTo(new Urls.Jdbc("jdbc:postgresql://db.example:5433/app?sslmode=require", "bob",
                "s@cret"));
    }

    @Test
    void passwordMayHoldSlashesAndAtSignsUpToTheLastAtSign() {
        assertThat(Urls.toJdbc("postgresql://bob:se/cr@t@127.0.0.1:5999/db"))
                .isEqualTo(new Urls.Jdbc("jdbc:postgresql://127.0.0.1:5999/db", "bob", "se/cr@t"));
    }

    @Test
    void maskHidesTheWholePasswordOfAUrl() {
        assertThat(Urls.mask("postgresql://bob:se/cr@t@127.0.0.1:5999/db"))
                .isEqualTo("postgresql://bob:***@127.0.0.1:5999/db");
        assertThat(Urls.mask("jdbc:postgresql://h/db?user=bob&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=bob&password=***&ssl=true");
        assertThat(Urls.mask("jdbc:postgresql://127.0.0.1:5432/db?user=bob")).isEqualTo(
                "jdbc:postgresql://127.0.0.1:5432/db?user=bob");
    }

    @Test
    void scrubMasksUrlsInsideTextAndThePasswordAsAWordOnly() {
        assertThat(Urls.scrub("Can't locate revision identified by 'zzzz'", "e"))
                .isEqualTo("Can't locate revision identified by 'zzzz'");
        assertThat(Urls.scrub("The connection attempt failed.", "p"))
                .isEqualTo("The connection attempt failed.");
        assertThat(Urls.scrub("Can't connect to postgresql://bob:hunter2@h/db: password hunter2 rejected", "hunter2"))
                .isEqualTo("Can't connect to postgresql://bob:***@h/db: password *** rejected");
        assertThat(Urls.scrub("FATAL: password authentication failed for user \"bob\"", null))
                .isEqualTo("FATAL: password authentication failed for user \"bob\"");
    }

    @Test
    void publicDatabaseUrlTakesTheUrlApartAndNeverPrintsThePassword() {
        dev.retort.DatabaseUrl url = dev.retort.DatabaseUrl.parse("postgres://app:pw@db/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/app");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.toString()).doesNotContain("pw").contains("password=***");
        assertThat(dev.retort.DatabaseUrl.mask("to postgresql://app:pw@db/app")).isEqualTo("to postgresql://app:***@db/app");
    }

    @Test
    void malformedUrlIsRefusedWithItsPasswordMaskedInEveryForm() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Urls.toJdbc("postgresql:postgres:S3cret@localhost/x"))
                .withMessage("Unsupported database URL 'postgresql:postgres:***@localhost/x'; use a JDBC URL"
                        + " (jdbc:postgresql://<host>:5432/<db>, jdbc:h2:./<db>) or"
                        + " postgresql://<user>:<password>@<host>:5432/<db>");
        for (String url : new String[] {"postgresql:postgres:S3cret@localhost/x", "postgres//postgres:S3cret@h/x",
                "mysql://postgres:S3cret@h/x", "postgresql://postgres:S3cret@", "jdbc:postgresql://h/x?password=S3cret",
                "jdbc:sqlserver://h;user=u;password=S3cret", "postgresql://postgres:S3cret@h:5432/x?a=b",
                "postgresql://postgres:S3c@ret@h/x", " postgresql:postgres:S3cret@h "}) {
            try {
                assertThat(dev.retort.DatabaseUrl.parse(url).toString()).as(url).doesNotContain("S3cret");
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as(url).doesNotContain("S3cret");
            }
            assertThat(Urls.mask(url)).as(url).doesNotContain("S3cret");
            assertThat(Urls.scrub("FAILED: " + url, null)).as(url).doesNotContain("S3cret");
        }
    }

    @Test
    void placeholdersInHintsAreNoSecrets() {
        assertThat(Urls.mask("use postgresql://<user>:<password>@<host>:5432/<db>"))
                .isEqualTo("use postgresql://<user>:<password>@<host>:5432/<db>");
    }
}
