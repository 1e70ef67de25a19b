package dev.retort.script;

import dev.retort.internal.Messages;
import java.util.List;
import java.util.stream.Collectors;

/** One SQL statement of a revision script, without its terminating semicolon, and the file line it starts on. */
public record SqlStatement(String sql, int line) {

    /**
     * The statement's first line, as error messages quote it: at most {@value Messages#STATEMENT_EXCERPT}
     * characters, so a huge statement doesn't flood the console.
     */
    public String firstLine() {
        int newline = sql.indexOf('\n');
        String first = newline < 0 ? sql : sql.substring(0, newline).stripTrailing();
        return Messages.abbreviate(first, Messages.STATEMENT_EXCERPT);
    }

    /**
     * Whether it is DDL ({@code CREATE}, {@code ALTER}, {@code DROP}, {@code TRUNCATE}, {@code COMMENT},
     * {@code GRANT}, {@code REVOKE}, {@code RENAME}, {@code ANALYZE}): what a database without transactional DDL
     * (H2) commits as it runs, together with everything before it.
     */
    public boolean isDdl() {
        return TransactionControl.isDdl(sql);
    }

    /** Whether it opens a transaction of its own ({@code BEGIN}, {@code START TRANSACTION}). */
    public boolean beginsTransaction() {
        return TransactionControl.begins(sql);
    }

    /** Whether it closes the open transaction ({@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}). */
    public boolean endsTransaction() {
        return TransactionControl.ends(sql);
    }

    /**
     * SHA-256 of the statements' SQL, with whitespace normalized as a script's checksum is: what a failed revision's
     * audit record keeps of the statements that stayed applied, so that resuming it can tell whether they were edited.
     */
    public static String checksum(List<SqlStatement> statements) {
        return Checksums.of(statements.stream().map(SqlStatement::sql).collect(Collectors.joining(";\n")));
    }
}
