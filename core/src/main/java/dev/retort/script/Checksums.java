package dev.retort.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a revision's SQL: SHA-256 of the body (everything from the {@code -- migrate:upgrade} marker on)
 * with line endings made LF and whitespace normalized, so that re-indenting, trailing blanks, blank lines and
 * CRLF checkouts don't count as edits, while any change to a token, a literal or a comment's words does.
 *
 * <p>Normalized: outside quoted text, each run of whitespace becomes one space where it separates two characters
 * of the same kind (two word characters, two operator characters, two quotes) and disappears elsewhere
 * ({@code a ,  b} and {@code a, b} hash alike; {@code a b} and {@code ab} don't). Inside string literals, quoted
 * identifiers and dollar-quoted bodies nothing changes. A {@code --} comment keeps its words, with blanks
 * collapsed, and ends the line; a block comment has its blanks collapsed.
 *
 * <p>Retort before the normalization hashed the body as it was (line endings made LF); {@link #legacy} computes
 * that form, which still matches audit rows written then.
 */
final class Checksums {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Checksums() {
    }

    /** The checksum of a body whose line endings are already LF. */
    static String of(String body) {
        return sha256(normalize(body));
    }

    /** The checksum as Retort computed it before whitespace was normalized. */
    static String legacy(String body) {
        return sha256(body);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private enum Kind { WORD, OPERATOR, QUOTE, OTHER, NEWLINE }

    private static Kind kind(char c) {
        if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
            return Kind.WORD;
        }
        if (c == '\'' || c == '"') {
            return Kind.QUOTE;
        }
        if (c == '\n') {
            return Kind.NEWLINE;
        }
        return "+-*/<>=~!@#%^&|`?:".indexOf(c) >= 0 ? Kind.OPERATOR : Kind.OTHER;
    }

    /** The text as it is hashed; never fails, whatever the text (an unterminated quote runs to the end). */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        boolean gap = false;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (Character.isWhitespace(c)) {
                gap = true;
                i++;
                continue;
            }
            if (gap && out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                Kind kind = kind(last);
                if (kind == kind(c) && kind != Kind.OTHER && kind != Kind.NEWLINE) {
                    out.append(' ');
                }
            }
            gap = false;
            int end;
            if (c == '-' && next == '-') {
                end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append("--").append(collapse(text.substring(i + 2, end))).append('\n');
            } else if (c == '/' && next == '*') {
                int close = blockCommentEnd(text, i);
                end = close < 0 ? n : close;
                out.append("/*").append(collapse(text.substring(i + 2, close < 0 ? n : close - 2)))
                        .append(close < 0 ? "" : "*/");
            } else if (c == '\'' || c == '"') {
                boolean escapes = c == '\'' && i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e');
                end = quotedEnd(text, i, c, escapes);
                out.append(text, i, end);
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                end = close < 0 ? n : close + tag.length();
                out.append(text, i, end);
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
        }
        return out.toString();
    }

    private static String collapse(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }

    private static int blockCommentEnd(String text, int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int quotedEnd(String text, int from, char quote, boolean backslashEscapes) {
        int i = from + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** The tag of a dollar quote starting at {@code at} ({@code $$} or {@code $name$}), or {@code null}. */
    private static String dollarTag(String text, int at) {
        if (at > 0 && kind(text.charAt(at - 1)) == Kind.WORD) {
            return null;
        }
        int i = at + 1;
        if (i < text.length() && text.charAt(i) == '$') {
            return "$$";
        }
        if (i >= text.length() || !(Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return null;
        }
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? text.substring(at, i + 1) : null;
    }
}
