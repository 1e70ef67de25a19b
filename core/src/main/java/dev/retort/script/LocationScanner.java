package dev.retort.script;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds the {@code .sql} files under locations, recursively, in the order Alembic walks its version directories:
 * in each directory its files sorted by name, then its subdirectories sorted by name. That order is the load order
 * that breaks ties between independent branches.
 */
final class LocationScanner {

    /** Alembic's walk order: at the first differing segment a file sorts before a directory, else by name. */
    static final Comparator<String> WALK_ORDER = (a, b) -> {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                boolean xFile = i == x.length - 1;
                boolean yFile = i == y.length - 1;
                if (xFile != yFile) {
                    return xFile ? -1 : 1;
                }
                return x[i].compareTo(y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private final ClassLoader classLoader;
    private final Consumer<String> warnings;
    private final List<Location> missing = new ArrayList<>();

    LocationScanner(ClassLoader classLoader, Consumer<String> warnings) {
        this.classLoader = classLoader;
        this.warnings = warnings;
    }

    /** The locations, not marked optional, that the last scan found absent. */
    List<Location> missing() {
        return missing;
    }

    List<ScriptSource> scan(List<Location> locations) {
        List<ScriptSource> out = new ArrayList<>();
        for (Location location : locations) {
            if (location.kind() == Location.Kind.FILESYSTEM) {
                out.addAll(scanDirectory(location).values());
            } else {
                Map<String, ScriptSource> found = scanClasspath(location);
                found.keySet().stream().sorted(WALK_ORDER).forEach(path -> out.add(found.get(path)));
            }
        }
        return out;
    }

    private Map<String, ScriptSource> scanDirectory(Location location) {
        Path root = location.directory();
        Map<String, ScriptSource> found = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            if (Files.exists(root)) {
                throw new RevisionScriptException("Location '" + location + "' is a file, not a directory; name the"
                        + " directory the revision scripts are in");
            }
            if (!location.optional()) {
                missing.add(location);
            }
            return found;
        }
        walk(root, "", location, found, new ArrayList<>());
        return found;
    }

    /**
     * Alembic's walk: this directory's scripts sorted by name, then each subdirectory sorted by name.
     *
     * @param above the real paths of the directories being walked, to find a symbolic link that loops back
     */
    private static void walk(Path directory, String prefix, Location location, Map<String, ScriptSource> found,
            List<Path> above) {
        String[] names = directory.toFile().list();
        if (names == null) {
            throw new RevisionScriptException("Can't list the directory '" + shown(location, prefix) + "': "
                    + Reasons.of(listFailure(directory), directory) + "; make it readable for the user running"
                    + " Retort");
        }
        Path real = realPath(directory, location, prefix);
        int loop = above.indexOf(real);
        if (loop >= 0) {
            throw new RevisionScriptException("Directory '" + shown(location, prefix) + "' is a symbolic link loop:"
                    + " it leads back to '" + shown(location, prefixAt(prefix, loop)) + "'; remove the link");
        }
        above.add(real);
        List<String> files = new ArrayList<>();
        List<String> directories = new ArrayList<>();
        for (String name : names) {
            // a name ending in .sql is taken for a script without a stat of its own; other names may be directories
            if (isScriptName(name)) {
                files.add(name);
            } else if (Files.isDirectory(directory.resolve(name))) {
                directories.add(name);
            }
        }
        Collections.sort(files);
        Collections.sort(directories);
        for (String name : files) {
            found.put(prefix + name, ScriptSource.file(location, prefix + name, directory.resolve(name)));
        }
        for (String name : directories) {
            walk(directory.resolve(name), prefix + name + "/", location, found, above);
        }
        above.remove(above.size() - 1);
    }

    /** How a directory below a location is shown: the location's path and the directories below it. */
    private static String shown(Location location, String prefix) {
        String base = location.kind() == Location.Kind.CLASSPATH ? location.kind().prefix() + location.path()
                : location.path();
        return prefix.isEmpty() ? base : base.replaceAll("/+$", "") + "/" + prefix.replaceAll("/+$", "");
    }

    /** The first {@code depth} directories of a prefix such as {@code a/b/c/}. */
    private static String prefixAt(String prefix, int depth) {
        String[] parts = prefix.split("/");
        return depth == 0 ? "" : String.join("/", java.util.Arrays.asList(parts).subList(0, depth)) + "/";
    }

    private static Path realPath(Path directory, Location location, String prefix) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            throw new RevisionScriptException("Can't read the directory '" + shown(location, prefix) + "': "
                    + Reasons.of(e, directory) + "; check the directory and its permissions");
        }
    }

    /** Why a directory can't be listed (File.list only says that it can't). */
    private static IOException listFailure(Path directory) {
        try (var stream = Files.newDirectoryStream(directory)) {
            return new IOException("unknown reason");
        } catch (IOException e) {
            return e;
        }
    }

    private Map<String, ScriptSource> scanClasspath(Location location) {
        Map<String, ScriptSource> found = new LinkedHashMap<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(location.path());
            if (!roots.hasMoreElements() && !location.optional()) {
                missing.add(location);
            }
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                Map<String, ScriptSource> fromRoot = "file".equals(root.getProtocol())
                        ? scanFileRoot(location, root) : scanJarRoot(location, root);
                fromRoot.forEach((relative, source) -> {
                    if (found.putIfAbsent(relative, source) != null) {
                        warnings.accept("File " + source.displayPath() + " found twice on the classpath; "
                                + "using the first one (" + root + " comes later)");
                    }
                });
            }
        } catch (IOException e) {
            throw new RevisionScriptException("Can't read location '" + location + "': " + Reasons.of(e, null)
                    + "; check the location and its permissions");
        }
        return found;
    }

    private Map<String, ScriptSource> scanFileRoot(Location location, URL root) throws IOException {
        Path dir;
        try {
            dir = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Bad classpath URL " + root, e);
        }
        Map<String, ScriptSource> found = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            walk(dir, "", location, found, new ArrayList<>());
        } else {
            throw new RevisionScriptException("Location '" + location + "' is a file, not a directory; name the"
                    + " directory the revision scripts are in");
        }
        return found;
    }

    private Map<String, ScriptSource> scanJarRoot(Location location, URL root) throws IOException {
        Map<String, ScriptSource> found = new LinkedHashMap<>();
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            warnings.accept("Can't list classpath location " + root + "; no revision scripts are read from it");
            return found;
        }
        jarConnection.setUseCaches(false);
        String prefix = jarConnection.getEntryName() == null ? "" : jarConnection.getEntryName();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        String base = root.toExternalForm().replaceAll("/+$", "");
        try (JarFile jar = jarConnection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(prefix) && isScriptName(name)) {
                    String relative = name.substring(prefix.length());
                    found.put(relative, ScriptSource.resource(location, relative, new URL(base + "/" + relative)));
                }
            }
        }
        return found;
    }

    private static boolean isScriptName(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return fileName.endsWith(".sql") && !fileName.startsWith(".");
    }
}
