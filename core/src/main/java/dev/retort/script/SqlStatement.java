package dev.retort.script;

/** One SQL statement of a revision script, without its terminating semicolon, and the file line it starts on. */
public record SqlStatement(String sql, int line) {

    /** The statement's first line, as error messages quote it. */
    public String firstLine() {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline).stripTrailing();
    }
}
