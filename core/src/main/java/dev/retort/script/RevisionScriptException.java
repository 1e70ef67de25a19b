package dev.retort.script;

/**
 * A revision script is malformed or inconsistent with the others. The message names the file and line, says what
 * is wrong and what to do.
 */
public class RevisionScriptException extends RuntimeException {

    private final String path;
    private final int line;

    public RevisionScriptException(String path, int line, String problem) {
        super("Revision script '" + path + "'" + (line > 0 ? " line " + line : "") + ": " + problem);
        this.path = path;
        this.line = line;
    }

    public RevisionScriptException(String message) {
        super(message);
        this.path = null;
        this.line = 0;
    }

    /** The script's path as its location spells it, or {@code null} when several files are involved. */
    public String path() {
        return path;
    }

    /** The 1-based line, or 0 when the problem has no single line. */
    public int line() {
        return line;
    }
}
