package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The text rewriting of types agrees with what PostgreSQL itself prints, for every spelling it claims to know. */
class PostgresTypesTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final List<String> SPELLINGS = List.of("int", "integer", "int4", "INT4", "bigint", "int8",
            "smallint", "int2", "bool", "boolean", "float8", "double precision", "float", "float(53)", "float(25)",
            "float(24)", "float(1)", "float4", "real", "varchar", "varchar(255)", "character varying(50)",
            "VARCHAR (10)", "char", "char(3)", "character(3)", "bpchar", "numeric", "numeric(19,4)", "decimal(10, 2)",
            "numeric(5)", "text", "bytea", "oid", "uuid", "json", "jsonb", "date", "xml", "inet", "cidr", "macaddr",
            "money", "interval", "tsvector", "timestamp", "timestamp(6)", "timestamp(3) without time zone",
            "timestamptz", "timestamptz(6)", "timestamp(6) with time zone", "timestamp with time zone", "time",
            "time(6)", "timetz", "time(3) with time zone", "varchar(255) array", "text[]", "int[][]", "integer[3]",
            "timestamp(6) with time zone array");

    @Test
    void everySpellingTheRewriterKnowsIsPrintedThatWayByTheServer() throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < SPELLINGS.size(); i++) {
            columns.add("c" + i + " " + SPELLINGS.get(i));
        }
        db.execute("CREATE TABLE spellings (" + String.join(", ", columns) + ")");
        List<String> server = db.column("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'spellings'::regclass AND attnum > 0 ORDER BY attnum");

        assertThat(SPELLINGS.stream().map(PostgresTypes::normalize).toList()).isEqualTo(server);
    }

    @Test
    void typesOnlyTheServerKnowsAreLeftToIt() {
        assertThat(PostgresTypes.normalize("job_type")).isNull();
        assertThat(PostgresTypes.normalize("interval second(6)")).isNull();
        assertThat(PostgresTypes.normalize("geometry(Point,4326)")).isNull();
        assertThat(new PostgresDialect().canonicalType("job_type")).isEqualTo("job_type");
        assertThat(new PostgresDialect().canonicalType("int4")).isEqualTo("integer");
    }
}
