package dev.retort.ops;

import java.util.List;

/**
 * A remark for the reader of a generated script: comment lines, optionally followed by an operation shown
 * commented out as an alternative (e.g. the {@code RENAME COLUMN} a drop + add could have been).
 *
 * @param lines the comment lines, without {@code --}
 * @param alternative an operation to show commented out, or {@code null}
 */
public record Note(List<String> lines, Op alternative) {

    public Note {
        lines = List.copyOf(lines);
    }

    /** A note of these lines and no alternative. */
    public static Note of(String... lines) {
        return new Note(List.of(lines), null);
    }
}
