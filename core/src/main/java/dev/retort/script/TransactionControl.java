package dev.retort.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognizes statements that begin, end or abandon a transaction ({@code COMMIT}, {@code ROLLBACK}, {@code BEGIN},
 * {@code START TRANSACTION}, {@code END}, {@code ABORT}, {@code PREPARE TRANSACTION}) among a script's split
 * statements. Savepoints ({@code ROLLBACK TO}) stay inside the transaction and are allowed; {@code BEGIN ATOMIC …
 * END} and {@code DO $$ BEGIN … END $$} never reach here as statements of their own, the splitter keeps them whole.
 */
final class TransactionControl {

    private TransactionControl() {
    }

    /** Whether the statement begins, ends or abandons the transaction it runs in. */
    static boolean controls(String sql) {
        return begins(sql) || ends(sql) || "PREPARE TRANSACTION".equals(leading(sql));
    }

    /** Whether the statement opens a transaction: {@code BEGIN}, {@code START TRANSACTION}. */
    static boolean begins(String sql) {
        String words = leading(sql);
        return words.equals("START TRANSACTION") || blockWord(words, "BEGIN");
    }

    /** Whether the statement closes the open transaction: {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}. */
    static boolean ends(String sql) {
        String words = leading(sql);
        String first = words.contains(" ") ? words.substring(0, words.indexOf(' ')) : words;
        return switch (first) {
            case "COMMIT", "ABORT" -> true;
            case "ROLLBACK" -> !words.equals("ROLLBACK TO");
            default -> blockWord(words, "END");
        };
    }

    /** Whether the statement defines or changes schema objects or privileges: what a database commits as it runs DDL. */
    static boolean isDdl(String sql) {
        String words = leading(sql);
        String first = words.contains(" ") ? words.substring(0, words.indexOf(' ')) : words;
        return switch (first) {
            case "CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "GRANT", "REVOKE", "RENAME", "ANALYZE" -> true;
            default -> false;
        };
    }

    /** {@code BEGIN} or {@code END} as a transaction statement, not a block's keyword. */
    private static boolean blockWord(String words, String word) {
        if (words.equals(word)) {
            return true;
        }
        if (!words.startsWith(word + " ")) {
            return false;
        }
        return switch (words.substring(word.length() + 1)) {
            case "TRANSACTION", "WORK", "ISOLATION", "READ", "DEFERRABLE", "NOT" -> true;
            default -> false;
        };
    }

    /** The first two words, upper-cased and joined by a space. */
    private static String leading(String sql) {
        return String.join(" ", leadingWords(sql, 2)).toUpperCase(Locale.ROOT);
    }

    private static List<String> leadingWords(String sql, int max) {
        List<String> words = new ArrayList<>(max);
        int i = 0;
        int n = sql.length();
        while (words.size() < max && i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                words.add(sql.substring(start, i));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else {
                break;
            }
        }
        return words;
    }
}
