package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New revision files: Alembic's slug, Python-style file templates, the header. */
class RevisionTemplateTests {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2025, 10, 24, 17, 40, 0, 123_456_000, ZoneOffset.UTC);

    @Test
    void defaultTemplateGivesDateTimeIdAndSlug() {
        assertThat(RevisionTemplate.fileName("%(year)d%(month).2d%(day).2d_%(hour).2d%(minute).2d_%(rev)s_%(slug)s",
                "5cd038a8f131", "add user table", DATE, 40)).isEqualTo("20251024_1740_5cd038a8f131_add_user_table");
    }

    @Test
    void alembicsOwnDefaultTemplateAndEscapedPercentWork() {
        assertThat(RevisionTemplate.fileName("%(rev)s_%(slug)s", "ae10", "Add a column!", DATE, 40))
                .isEqualTo("ae10_add_a_column");
        assertThat(RevisionTemplate.fileName("%(epoch)s_%%_%(second)02d", "x", "m", DATE, 40))
                .isEqualTo(DATE.toEpochSecond() + "_%_00");
    }

    @Test
    void slugFollowsAlembicsRules() {
        assertThat(RevisionTemplate.slug("Add 'users' table — with ÉMAIL, v2!", 40))
                .isEqualTo("add_users_table_with_émail_v2");
        assertThat(RevisionTemplate.slug("one two three four five six seven eight nine ten", 40))
                .isEqualTo("one_two_three_four_five_six_seven_eight_");
        assertThat(RevisionTemplate.slug(null, 40)).isEmpty();
    }

    @Test
    void unknownTokenIsAClearError() {
        assertThatThrownBy(() -> RevisionTemplate.fileName("%(revision)s", "x", "m", DATE, 40))
                .hasMessage("Unknown token '%(revision)' in file template '%(revision)s'; use rev, slug, epoch, year,"
                        + " month, day, hour, minute or second");
    }

    @Test
    void createDatePrintsLikePythonsDatetime() {
        assertThat(RevisionTemplate.createDate(DATE)).isEqualTo("2025-10-24 17:40:00.123456");
        assertThat(RevisionTemplate.createDate(DATE.withNano(0))).isEqualTo("2025-10-24 17:40:00");
    }

    @Test
    void renderedScriptHasTheHeaderAndEmptySections() {
        assertThat(RevisionTemplate.render("53ff", "merge b and x", List.of("3cac", "27c6"), List.of("main"),
                List.of("29f8"), "2025-10-24 17:40:00.123456")).isEqualTo("""
                -- merge b and x
                --
                -- Revision ID: 53ff
                -- Revises: 3cac, 27c6
                -- Create Date: 2025-10-24 17:40:00.123456
                -- Branch Labels: main
                -- Depends On: 29f8

                -- migrate:upgrade


                -- migrate:downgrade

                """);
    }
}
