package dev.retort.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a section of SQL into statements at top-level semicolons, the way psql does: semicolons inside quoted
 * strings ({@code '…'}, {@code E'…'}), quoted identifiers, dollar-quoted bodies ({@code $$…$$}, {@code $fn$…$fn$}),
 * comments ({@code --}, nested {@code /* *&#47;}) and SQL-standard function bodies ({@code BEGIN ATOMIC … END}) do
 * not split. Comments between statements are dropped; each statement records the line its SQL starts on.
 */
final class SqlSplitter {

    private final String path;
    private final String sql;
    private final int firstLine;
    private final List<SqlStatement> out = new ArrayList<>();
    private int pos;
    private int line;
    private int statementStart = -1;
    private int statementLine;
    private String previousWord = "";
    private int atomicDepth;

    private SqlSplitter(String path, String sql, int firstLine) {
        this.path = path;
        this.sql = sql;
        this.firstLine = firstLine;
        this.line = firstLine;
    }

    static List<SqlStatement> split(String path, String sql, int firstLine) {
        SqlSplitter splitter = new SqlSplitter(path, sql, firstLine);
        splitter.run();
        return splitter.out;
    }

    private void run() {
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            char next = pos + 1 < n ? sql.charAt(pos + 1) : '\0';
            if (c == '-' && next == '-') {
                skipLineComment();
            } else if (c == '/' && next == '*') {
                skipBlockComment();
            } else if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == ';' && atomicDepth == 0) {
                finishStatement(pos);
                pos++;
            } else {
                markStart();
                if (c == '\'') {
                    skipQuoted('\'', false);
                } else if (c == '"') {
                    skipQuoted('"', false);
                } else if (c == '$' && dollarTagAt(pos) != null) {
                    skipDollarQuoted(dollarTagAt(pos));
                } else if (isWordStart(c)) {
                    readWord();
                } else {
                    pos++;
                }
            }
        }
        finishStatement(n);
    }

    private void markStart() {
        if (statementStart < 0) {
            statementStart = pos;
            statementLine = line;
        }
    }

    private void finishStatement(int end) {
        if (statementStart >= 0) {
            String text = sql.substring(statementStart, end).strip();
            if (!text.isEmpty()) {
                out.add(new SqlStatement(text, statementLine));
            }
        }
        statementStart = -1;
        previousWord = "";
        atomicDepth = 0;
    }

    private void skipLineComment() {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int startLine = line;
        int depth = 0;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            char next = pos + 1 < sql.length() ? sql.charAt(pos + 1) : '\0';
            if (c == '/' && next == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && next == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                pos++;
            }
        }
        throw new RevisionScriptException(path, startLine, "unterminated /* comment; close it with */");
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        int startLine = line;
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
            }
            if (backslashEscapes && c == '\\') {
                pos += 2;
                continue;
            }
            if (c == quote) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return;
            }
            pos++;
        }
        throw new RevisionScriptException(path, startLine, "unterminated " + (quote == '"' ? "quoted identifier"
                : "string literal") + " starting here; close it with " + quote);
    }

    /** The tag of a dollar quote starting at {@code at} ({@code $$} or {@code $name$}), or {@code null}. */
    private String dollarTagAt(int at) {
        if (at > 0 && isWordPart(sql.charAt(at - 1))) {
            return null;
        }
        int i = at + 1;
        if (i < sql.length() && sql.charAt(i) == '$') {
            return "$$";
        }
        if (i >= sql.length() || !(Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
            return null;
        }
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(at, i + 1) : null;
    }

    private void skipDollarQuoted(String tag) {
        int startLine = line;
        int end = sql.indexOf(tag, pos + tag.length());
        if (end < 0) {
            throw new RevisionScriptException(path, startLine, "unterminated dollar-quoted string " + tag
                    + "; close it with " + tag);
        }
        for (int i = pos; i < end + tag.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        pos = end + tag.length();
    }

    private void readWord() {
        int start = pos;
        while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
            pos++;
        }
        String word = sql.substring(start, pos);
        if (pos < sql.length() && sql.charAt(pos) == '\'' && (word.equalsIgnoreCase("E"))) {
            skipQuoted('\'', true);
            previousWord = "";
            return;
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (atomicDepth > 0) {
            if (upper.equals("BEGIN") || upper.equals("CASE")) {
                atomicDepth++;
            } else if (upper.equals("END")) {
                atomicDepth--;
            }
        } else if (upper.equals("ATOMIC") && previousWord.equals("BEGIN")) {
            atomicDepth = 1;
        }
        previousWord = upper;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    @Override
    public String toString() {
        return path + ":" + firstLine;
    }
}
