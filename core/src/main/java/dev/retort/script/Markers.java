package dev.retort.script;

import java.util.Locale;

/**
 * The two comment lines that split a revision script into its upgrade and downgrade sections, and the shape of a
 * {@code -- Key: value} header line. Checked by hand rather than with regular expressions: headers of thousands of
 * scripts are read on every command, usually in a cold JVM.
 */
final class Markers {

    static final String UPGRADE = "-- migrate:upgrade";
    static final String DOWNGRADE = "-- migrate:downgrade";

    private Markers() {
    }

    static boolean isUpgrade(String line) {
        return isMarker(line, "migrate:upgrade");
    }

    static boolean isDowngrade(String line) {
        return isMarker(line, "migrate:downgrade");
    }

    /** {@code --}, optional blanks, the word (any case), then only blanks. */
    private static boolean isMarker(String line, String word) {
        String s = line.strip();
        if (!s.startsWith("--")) {
            return false;
        }
        int i = 2;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.length() - i == word.length() && s.regionMatches(true, i, word, 0, word.length());
    }

    /**
     * The key of a {@code Key: value} header text, normalized to lower case with single spaces ({@code revision
     * id}), or {@code null} when the text isn't one: a key starts with a letter and holds letters, digits, blanks,
     * {@code _} and {@code -}.
     */
    static String key(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || !isAsciiLetter(text.charAt(0))) {
            return null;
        }
        StringBuilder key = new StringBuilder(colon);
        boolean gap = false;
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            if (isAsciiLetter(c) || (c >= '0' && c <= '9')) {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                gap = false;
                key.append(c);
            } else if (c == ' ' || c == '\t' || c == '_' || c == '-') {
                gap = true;
            } else {
                return null;
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /** The key as written, before the colon, blanks trimmed. */
    static String rawKey(String text) {
        return text.substring(0, text.indexOf(':')).strip();
    }

    /** The value after the colon, blanks trimmed. */
    static String value(String text) {
        return text.substring(text.indexOf(':') + 1).strip();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
