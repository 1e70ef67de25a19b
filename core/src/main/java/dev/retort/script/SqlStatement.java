package dev.retort.script;

import dev.retort.internal.Messages;

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
}
