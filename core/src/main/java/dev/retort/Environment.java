package dev.retort;

import dev.retort.graph.RevisionGraph;
import dev.retort.script.Location;
import dev.retort.script.RevisionScriptException;
import dev.retort.script.ScriptDirectory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the commands of one {@link Retort} share: the configuration, the scripts (read once, on first use), and
 * the place output goes.
 */
final class Environment {

    private static final Logger log = LoggerFactory.getLogger("retort.script");

    private final RetortConfig config;
    private volatile ScriptDirectory scripts;
    private CompletableFuture<ScriptDirectory> reading;

    Environment(RetortConfig config) {
        this(config, null);
    }

    /** With the scripts already being read in the background. */
    Environment(RetortConfig config, CompletableFuture<ScriptDirectory> reading) {
        this.config = config;
        this.reading = reading;
    }

    RetortConfig config() {
        return config;
    }

    /** The scripts under the configured locations; {@code {vendor}} is resolved when the dialect is known. */
    ScriptDirectory scripts() {
        ScriptDirectory s = scriptsEvenWithMissingLocations();
        if (!s.missingLocations().isEmpty()) {
            throw missingLocation(s.missingLocations().get(0));
        }
        return s;
    }

    /**
     * The scripts, also when a location doesn't exist yet: for {@code revision}, which may be about to create it
     * with the first script.
     */
    ScriptDirectory scriptsEvenWithMissingLocations() {
        ScriptDirectory s = scripts;
        if (s == null) {
            synchronized (this) {
                s = scripts;
                if (s == null) {
                    s = reading != null ? awaitReading() : load(config.locations());
                    scripts = s;
                }
            }
        }
        return s;
    }

    private ScriptDirectory awaitReading() {
        try {
            return reading.join();
        } catch (CompletionException e) {
            reading = null;
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Forgets the loaded scripts, e.g. after a new revision was written. */
    synchronized void reload() {
        scripts = null;
        reading = null;
    }

    RevisionGraph graph() {
        return scripts().graph();
    }

    private ScriptDirectory load(List<Location> locations) {
        if (locations.isEmpty()) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "No locations are configured"
                    + (config.locationsSetting() == null ? "" : " (" + config.locationsSetting() + " is empty)"),
                    "Give at least one location, e.g. " + RetortConfig.DEFAULT_LOCATIONS + ".", null);
        }
        ScriptDirectory directory;
        try {
            directory = ScriptDirectory.load(resolveVendor(locations), config.classLoader(), log::warn);
        } catch (RevisionScriptException e) {
            throw new CommandException(ErrorCode.INVALID_SCRIPT, e.getMessage(), e);
        }
        return directory;
    }

    /** A location that doesn't exist, named as the user gave it, with the way to make it optional. */
    private CommandException missingLocation(Location location) {
        String setting = config.locationsSetting();
        String where = location.kind() == Location.Kind.FILESYSTEM
                ? "no directory " + location.directory().toAbsolutePath().normalize() : "not on the classpath";
        String message = "Location '" + location + "'" + (setting == null ? " (the default)" : " of " + setting)
                + " does not exist (" + where + ")";
        String optional = Location.OPTIONAL_PREFIX + location;
        String action = setting == null
                ? "Create the directory (the 'revision' command does), or name the scripts' location with"
                        + " --locations (migrations.locations); mark one that may be absent '" + optional + "'."
                : "Fix the location in " + setting + ", or, if it may be absent, mark it optional: '" + optional
                        + "'.";
        return new CommandException(ErrorCode.INVALID_ARGUMENTS, message, action, null);
    }

    List<Location> resolveVendor(List<Location> locations) {
        boolean vendor = locations.stream().anyMatch(l -> l.path().contains("{vendor}"));
        if (!vendor) {
            return locations;
        }
        String name = vendorName();
        return locations.stream().map(l -> l.withVendor(name)).toList();
    }

    private String vendorName() {
        if (config.dialect() != null) {
            return config.dialect();
        }
        String url = config.url();
        if (url != null && url.startsWith("jdbc:")) {
            String rest = url.substring(5);
            int colon = rest.indexOf(':');
            return colon < 0 ? rest : rest.substring(0, colon);
        }
        throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Locations use '{vendor}' but the database vendor"
                + " is unknown; pass --url or --dialect");
    }

    void print(String text) {
        config.output().accept(text);
    }

    void status(String text) {
        if (!config.quiet()) {
            config.output().accept(text);
        }
    }
}
