package dev.retort.script;

import java.util.regex.Pattern;

/** The two comment lines that split a revision script into its upgrade and downgrade sections. */
final class Markers {

    static final String UPGRADE = "-- migrate:upgrade";
    static final String DOWNGRADE = "-- migrate:downgrade";

    private static final Pattern UPGRADE_LINE = Pattern.compile("^--\\s*migrate:upgrade\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOWNGRADE_LINE = Pattern.compile("^--\\s*migrate:downgrade\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Markers() {
    }

    static boolean isUpgrade(String line) {
        return UPGRADE_LINE.matcher(line.strip()).matches();
    }

    static boolean isDowngrade(String line) {
        return DOWNGRADE_LINE.matcher(line.strip()).matches();
    }
}
