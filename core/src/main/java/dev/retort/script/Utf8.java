package dev.retort.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a script's bytes as UTF-8, refusing bytes that aren't: a Latin-1 {@code é} must not become U+FFFD in
 * the database. Plain ASCII, the common case, takes the fast path.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The text of {@code bytes[from, to)}, which is line {@code line} of the file (or starts it, for a whole file).
     *
     * @throws RevisionScriptException naming the file, the line and the byte that isn't UTF-8
     */
    static String decode(byte[] bytes, int from, int to, String path, int line) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, from, in.position(), path, line);
        }
        return out.flip().toString();
    }

    private static RevisionScriptException notUtf8(byte[] bytes, int from, int at, String path, int firstLine) {
        int line = firstLine;
        int lineStart = from;
        for (int i = from; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RevisionScriptException(path, line, String.format("byte 0x%02X at column %d is not UTF-8;"
                + " Retort reads scripts as UTF-8 (a BOM is allowed): save the file as UTF-8 (it looks like"
                + " Latin-1/Windows-1252)", bytes[at] & 0xFF, at - lineStart + 1));
    }
}
