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
        List<String> words = leadingWords(sql, 2);
        if (words.isEmpty()) {
            return false;
        }
        String first = words.get(0).toUpperCase(Locale.ROOT);
        String second = words.size() > 1 ? words.get(1).toUpperCase(Locale.ROOT) : "";
        return switch (first) {
            case "COMMIT", "ABORT" -> true;
            case "ROLLBACK" -> !second.equals("TO");
            case "BEGIN", "END" -> second.isEmpty() || second.equals("TRANSACTION") || second.equals("WORK")
                    || second.equals("ISOLATION") || second.equals("READ") || second.equals("DEFERRABLE")
                    || second.equals("NOT");
            case "START", "PREPARE" -> second.equals("TRANSACTION");
            default -> false;
        };
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
