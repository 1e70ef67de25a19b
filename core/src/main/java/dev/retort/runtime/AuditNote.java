package dev.retort.runtime;

import java.util.List;

/**
 * An audit-log row that moves no version row: a revision's script accepted as it now is ({@code checksum}), or a
 * revision marked applied without running ({@code stamp}).
 *
 * @param direction {@code checksum} or {@code stamp}
 * @param checksum the script's checksum now
 */
public record AuditNote(String revision, String direction, List<String> from, List<String> to, String script,
        String checksum) {

    /** The direction of a row that records a script's new checksum; it says nothing about what is applied. */
    public static final String CHECKSUM = "checksum";

    public AuditNote {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
