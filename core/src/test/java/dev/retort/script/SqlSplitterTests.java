package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements split where psql would split them, each with the line it starts on. */
class SqlSplitterTests {

    private static List<SqlStatement> split(String sql) {
        return SqlSplitter.split("x.sql", sql, 1);
    }

    @Test
    void splitsAtTopLevelSemicolonsAndKeepsLines() {
        assertThat(split("CREATE TABLE a (id int);\n\nINSERT INTO a\nVALUES (1);"))
                .containsExactly(new SqlStatement("CREATE TABLE a (id int)", 1), new SqlStatement("INSERT INTO a\nVALUES (1)", 3));
    }

    @Test
    void semicolonsInStringsIdentifiersAndCommentsDoNotSplit() {
        assertThat(split("SELECT 'a;b', \"c;d\", E'e\\';f' -- g;h\n, 1 /* i; /* j; */ k; */;"))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT 'a;b', \"c;d\", E'e\\';f' -- g;h\n, 1 /* i; /* j; */ k; */");
    }

    @Test
    void dollarQuotedBodiesAreOneStatement() {
        List<SqlStatement> statements = split("CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$"
                + " LANGUAGE plpgsql;\nDO $$ BEGIN PERFORM 1; END $$;\nSELECT $1;");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 3);
        assertThat(statements.get(0).sql()).endsWith("$body$ LANGUAGE plpgsql");
    }

    @Test
    void beginAtomicBodiesAreOneStatement() {
        assertThat(split("CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN i > 0 THEN 1"
                + " END; SELECT 2; END;\nSELECT 3;")).hasSize(2);
    }

    @Test
    void commentsBetweenStatementsAreDroppedAndTheLineIsThatOfTheSql() {
        assertThat(split("-- first\n/* block */\nSELECT 1;\n-- trailing comment\n"))
                .containsExactly(new SqlStatement("SELECT 1", 3));
    }

    @Test
    void dollarSignsInsideIdentifiersAreNotQuotes() {
        assertThat(split("SELECT a$b$c FROM t;SELECT 2;")).extracting(SqlStatement::sql)
                .containsExactly("SELECT a$b$c FROM t", "SELECT 2");
    }
}
