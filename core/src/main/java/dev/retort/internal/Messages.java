package dev.retort.internal;

/** Keeping what messages quote (statements, what a database said) to a readable size. */
public final class Messages {

    /** The most characters of a statement a message quotes. */
    public static final int STATEMENT_EXCERPT = 200;

    private Messages() {
    }

    /**
     * The text cut to at most {@code max} characters, saying how much was left out:
     * {@code INSERT INTO t VALUES ('xxxx… (52428800 characters)}.
     */
    public static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "… (" + text.length() + " characters)";
    }

    /**
     * A message from the database, each line cut to {@code max} characters and at most {@code maxLines} lines kept,
     * so a message that quotes a huge value stays readable.
     */
    public static String abbreviateLines(String text, int max, int maxLines) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, maxLines); i++) {
            out.append(i == 0 ? "" : "\n").append(abbreviate(lines[i], max));
        }
        if (lines.length > maxLines) {
            out.append("\n… (").append(lines.length - maxLines).append(" more lines)");
        }
        return out.toString();
    }

    /** {@code statement 1} or {@code statements 1 to 3}: a revision's first statements. */
    public static String firstStatements(int count) {
        return count == 1 ? "statement 1" : "statements 1 to " + count;
    }

    /**
     * {@code (line 8: ALTER TABLE …)} after one statement, {@code (through line 12: ALTER TABLE …)} after several:
     * where the last of a revision's first statements starts.
     */
    public static String through(int count, int line, String firstLine) {
        return "(" + (count == 1 ? "" : "through ") + "line " + line + ": " + firstLine + ")";
    }
}
