package dev.retort.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One revision file found under a location: how to show it, where it sits relative to its location (the sort
 * key), and how to read it.
 */
public final class ScriptSource {

    private final Location location;
    private final String relativePath;
    private final Path file;
    private final URL url;
    private String displayPath;

    private ScriptSource(Location location, String relativePath, Path file, URL url) {
        this.location = Objects.requireNonNull(location);
        this.relativePath = Objects.requireNonNull(relativePath);
        this.file = file;
        this.url = url;
    }

    static ScriptSource file(Location location, String relativePath, Path file) {
        return new ScriptSource(location, relativePath, file, null);
    }

    static ScriptSource resource(Location location, String relativePath, URL url) {
        return new ScriptSource(location, relativePath, null, url);
    }

    /** The location the file was found under. */
    public Location location() {
        return location;
    }

    /** The path below the location, with {@code /} separators. */
    public String relativePath() {
        return relativePath;
    }

    /** The file name alone. */
    public String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    /** The file on disk, or {@code null} for a classpath resource inside a jar. */
    public Path file() {
        return file;
    }

    /**
     * How errors name the file: the path as the location spells it ({@code db/migrations/x.sql}) or
     * {@code classpath:db/migrations/x.sql}.
     */
    public String displayPath() {
        String path = displayPath;
        if (path == null) {
            String base = location.path();
            int end = base.length();
            while (end > 0 && (base.charAt(end - 1) == '/' || base.charAt(end - 1) == '\\')) {
                end--;
            }
            base = base.substring(0, end);
            path = (location.kind() == Location.Kind.CLASSPATH ? location.kind().prefix() : "")
                    + (base.isEmpty() ? "" : base + "/") + relativePath;
            displayPath = path;
        }
        return path;
    }

    /** The absolute path for files on disk (as {@code show}'s {@code Path:} line prints it), else the display path. */
    public String absolutePath() {
        return file != null ? file.toAbsolutePath().normalize().toString() : displayPath();
    }

    /** Opens the file for reading. */
    public InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : url.openStream();
    }

    @Override
    public String toString() {
        return displayPath();
    }
}
