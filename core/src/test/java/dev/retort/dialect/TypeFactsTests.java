package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which type changes may lose data, and which types could be one column renamed. */
class TypeFactsTests {

    private final Dialect pg = new PostgresDialect();

    @Test
    void shorterLengthsLowerPrecisionAndSmallerIntegersNarrow() {
        assertThat(pg.narrows("character varying(100)", "character varying(50)")).isTrue();
        assertThat(pg.narrows("text", "character varying(255)")).isTrue();
        assertThat(pg.narrows("numeric(19,4)", "numeric(10,4)")).isTrue();
        assertThat(pg.narrows("numeric(19,4)", "numeric(19,2)")).isTrue();
        assertThat(pg.narrows("numeric", "numeric(19,4)")).isTrue();
        assertThat(pg.narrows("bigint", "integer")).isTrue();
        assertThat(pg.narrows("integer", "numeric(5,0)")).isTrue();
        assertThat(pg.narrows("double precision", "real")).isTrue();
        assertThat(pg.narrows("bigint", "double precision")).isTrue();
        assertThat(pg.narrows("timestamp(6) with time zone", "timestamp(3) with time zone")).isTrue();
        assertThat(pg.narrows("character varying(20)[]", "character varying(10)[]")).isTrue();
    }

    @Test
    void longerLengthsHigherPrecisionLargerIntegersAndTextDoNotNarrow() {
        assertThat(pg.narrows("character varying(50)", "character varying(100)")).isFalse();
        assertThat(pg.narrows("character varying(50)", "text")).isFalse();
        assertThat(pg.narrows("character varying(50)", "character varying")).isFalse();
        assertThat(pg.narrows("integer", "bigint")).isFalse();
        assertThat(pg.narrows("smallint", "integer")).isFalse();
        assertThat(pg.narrows("integer", "numeric(19,4)")).isFalse();
        assertThat(pg.narrows("numeric(10,2)", "numeric(19,4)")).isFalse();
        assertThat(pg.narrows("numeric(19,4)", "numeric")).isFalse();
        assertThat(pg.narrows("real", "double precision")).isFalse();
        assertThat(pg.narrows("integer", "double precision")).isFalse();
        assertThat(pg.narrows("timestamp(3) with time zone", "timestamp(6) with time zone")).isFalse();
        assertThat(pg.narrows("job_type", "text")).isFalse();
        assertThat(pg.narrows("uuid", "uuid")).isFalse();
    }

    @Test
    void changesBetweenUnrelatedTypesCountAsNarrowing() {
        assertThat(pg.narrows("character varying(255)", "job_type")).isTrue();
        assertThat(pg.narrows("text", "uuid")).isTrue();
        assertThat(pg.narrows("text", "text[]")).isTrue();
        assertThat(pg.narrows("bytea", "text")).isTrue();
    }

    @Test
    void typesOfOneFamilyAreCompatibleForARenameHint() {
        assertThat(pg.compatible("character varying(255)", "text")).isTrue();
        assertThat(pg.compatible("integer", "numeric(19,4)")).isTrue();
        assertThat(pg.compatible("timestamp(6) with time zone", "timestamp(6) without time zone")).isTrue();
        assertThat(pg.compatible("CHARACTER VARYING(255)", "character varying(100)")).isTrue();
        assertThat(pg.compatible("uuid", "uuid")).isTrue();
        assertThat(pg.compatible("character varying(255)", "integer")).isFalse();
        assertThat(pg.compatible("text", "text[]")).isFalse();
        assertThat(pg.compatible("uuid", "bytea")).isFalse();
    }
}
