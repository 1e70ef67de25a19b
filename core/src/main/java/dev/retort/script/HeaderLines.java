package dev.retort.script;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a script line by line straight from its bytes, so reading a header touches only the first few kilobytes of
 * the file and decodes nothing beyond the lines asked for.
 */
final class HeaderLines {

    private final InputStream in;
    private final String path;
    private int line;
    private byte[] buffer = new byte[4096];
    private int position;
    private int limit;
    private boolean end;

    HeaderLines(InputStream in, String path) {
        this.in = in;
        this.path = path;
    }

    /**
     * The next line without its line ending, or {@code null} at the end of the file.
     *
     * @throws RevisionScriptException when the line isn't UTF-8
     */
    String next() throws IOException {
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    String line = decode(position, i);
                    position = i + 1;
                    return line;
                }
            }
            if (end) {
                if (position < limit) {
                    String line = decode(position, limit);
                    position = limit;
                    return line;
                }
                return null;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            end = true;
        } else {
            limit += read;
        }
    }

    private String decode(int from, int to) {
        int length = to - from;
        if (length > 0 && buffer[to - 1] == '\r') {
            length--;
        }
        line++;
        return Utf8.decode(buffer, from, from + length, path, line);
    }
}
