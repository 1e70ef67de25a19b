package dev.retort.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where revision scripts live: {@code filesystem:PATH} or {@code classpath:PATH}. A value without a prefix is a
 * filesystem path. Scripts are found under a location recursively. A location that doesn't exist is an error,
 * unless it is marked {@code optional:} ({@code optional:filesystem:db/extra}).
 *
 * @param optional whether the location may be absent
 */
public record Location(Kind kind, String path, boolean optional) {

    /** The prefix of a location that may be absent. */
    public static final String OPTIONAL_PREFIX = "optional:";

    /** The two kinds of location. */
    public enum Kind {
        FILESYSTEM("filesystem:"),
        CLASSPATH("classpath:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** A location that must exist. */
    public Location(Kind kind, String path) {
        this(kind, path, false);
    }

    public Location {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (kind == Kind.CLASSPATH) {
            path = trimSlashes(path);
        }
    }

    /** Parses one location, e.g. {@code classpath:db/migrations}. */
    public static Location parse(String value) {
        String trimmed = value.trim();
        boolean optional = trimmed.toLowerCase(Locale.ROOT).startsWith(OPTIONAL_PREFIX);
        if (optional) {
            trimmed = trimmed.substring(OPTIONAL_PREFIX.length()).trim();
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (lower.startsWith(kind.prefix)) {
                return new Location(kind, trimmed.substring(kind.prefix.length()), optional);
            }
        }
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !trimmed.matches("^[a-zA-Z]:[\\\\/].*")) {
            throw new IllegalArgumentException("Unknown location '" + value.trim()
                    + "'; use 'filesystem:PATH' or 'classpath:PATH' (with 'optional:' in front when it may be"
                    + " absent)");
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Location '" + value.trim() + "' has no path");
        }
        return new Location(Kind.FILESYSTEM, trimmed, optional);
    }

    /** Parses a comma-separated list of locations. */
    public static List<Location> parseList(String values) {
        List<Location> out = new ArrayList<>();
        for (String value : values.split(",")) {
            if (!value.isBlank()) {
                out.add(parse(value));
            }
        }
        return out;
    }

    /** This location's directory, for filesystem locations. */
    public Path directory() {
        if (kind != Kind.FILESYSTEM) {
            throw new IllegalStateException(this + " is not a filesystem location");
        }
        return Path.of(path);
    }

    /** This location with {@code {vendor}} replaced by the database's name, e.g. {@code postgresql}. */
    public Location withVendor(String vendor) {
        return path.contains("{vendor}") ? new Location(kind, path.replace("{vendor}", vendor), optional) : this;
    }

    private static String trimSlashes(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @Override
    public String toString() {
        return (optional ? OPTIONAL_PREFIX : "") + kind.prefix + path;
    }
}
