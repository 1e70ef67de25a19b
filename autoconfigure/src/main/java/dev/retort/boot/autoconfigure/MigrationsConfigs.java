package dev.retort.boot.autoconfigure;

import dev.retort.RetortConfig;
import java.nio.file.Files;
import dev.retort.script.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Turns {@code migrations.*} into Retort's configuration, the same way for the engine bean and for command mode's
 * commands that run without the application context.
 */
public final class MigrationsConfigs {

    private static final Logger log = LoggerFactory.getLogger("retort.script");

    /** Where a {@code classpath:} location's files are in a Maven or Gradle project. */
    static final String SOURCE_RESOURCES = "src/main/resources/";

    private MigrationsConfigs() {
    }

    /** Everything but the database and the locations. */
    public static RetortConfig.Builder builder(MigrationsProperties properties, ClassLoader classLoader) {
        return RetortConfig.builder()
                .versionTable(properties.getVersionTable())
                .schema(properties.getSchema())
                .transactionPerMigration(properties.isTransactionPerMigration())
                .lockTimeout(properties.getLockTimeout())
                .validateChecksums(properties.isValidateChecksums())
                .connectTimeout(properties.getConnectTimeout())
                .fileTemplate(properties.getFileTemplate())
                .includeTables(properties.getAutogenerate().getIncludeTables())
                .excludeTables(properties.getAutogenerate().getExcludeTables())
                .versionPath(versionPath(properties))
                .classLoader(classLoader);
    }

    /**
     * Where new revisions go: the source directory, unless scripts are read from the filesystem and the source
     * directory was left at its default; then into that filesystem location, as the standalone CLI does.
     */
    private static Path versionPath(MigrationsProperties properties) {
        boolean filesystem = properties.getLocations().stream()
                .anyMatch(l -> Location.parse(l).kind() == Location.Kind.FILESYSTEM);
        boolean defaultDirectory = new MigrationsProperties().getSourceDirectory()
                .equals(properties.getSourceDirectory());
        return filesystem && defaultDirectory ? null : Path.of(properties.getSourceDirectory());
    }

    /** Retort's dialect for a known driver, so offline SQL needs no connection; {@code null} to ask the database. */
    public static String dialect(DatabaseDriver driver) {
        return switch (driver) {
            case POSTGRESQL -> "postgresql";
            case H2 -> "h2";
            default -> null;
        };
    }

    /**
     * Fails, before anything reads a script or connects, when the database is one Retort has no dialect for: a
     * {@code {vendor}} folder that doesn't exist would otherwise surface as a broken revision graph.
     *
     * @param where how the user named the database, e.g. {@code spring.datasource.url=jdbc:mysql://…}
     */
    public static void checkSupported(DatabaseDriver driver, String where) {
        if (driver == DatabaseDriver.UNKNOWN || dialect(driver) != null) {
            return;
        }
        throw unsupported(productName(driver), where);
    }

    /** What to do about a database Retort has no dialect for. */
    static final String UNSUPPORTED_ACTION = "Point spring.datasource.url (or migrations.url) at a PostgreSQL"
            + " database, or set migrations.enabled=false so that Retort leaves this one alone.";

    /** The failure for a database Retort has no dialect for; {@code product} as the database names itself. */
    static FailureAnalyzedException unsupported(String product, String where) {
        return new FailureAnalyzedException("Retort supports PostgreSQL (and H2, for tests and development), not "
                + product + ": " + where + ".", UNSUPPORTED_ACTION);
    }

    private static String productName(DatabaseDriver driver) {
        return switch (driver) {
            case MYSQL -> "MySQL";
            case MARIADB -> "MariaDB";
            case ORACLE -> "Oracle";
            case SQLSERVER -> "SQL Server";
            case HSQLDB -> "HSQLDB";
            case DERBY -> "Derby";
            case DB2 -> "DB2";
            case SQLITE -> "SQLite";
            default -> driver.getId().substring(0, 1).toUpperCase(Locale.ROOT) + driver.getId().substring(1);
        };
    }

    /**
     * In command mode, the locations as they are in the source tree: each {@code classpath:X} whose folder
     * {@code src/main/resources/X} exists under the working directory (the application runs from its project)
     * becomes {@code filesystem:src/main/resources/X}, so that {@code revision} and {@code merge} build on the
     * scripts as they are now, not as they were when the application was last packaged. Says so in one log line.
     */
    public static List<String> fromSourceTree(List<String> locations) {
        List<String> out = new ArrayList<>();
        List<String> mapped = new ArrayList<>();
        for (String location : locations) {
            String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : null;
            if (path != null) {
                while (path.startsWith("/")) {
                    path = path.substring(1);
                }
                String source = SOURCE_RESOURCES + path;
                if (Files.isDirectory(Path.of(source))) {
                    out.add("filesystem:" + source);
                    mapped.add(source);
                    continue;
                }
            }
            out.add(location);
        }
        if (!mapped.isEmpty()) {
            log.info("Reading the revision scripts from the source tree ({}), not from the application's class path",
                    String.join(", ", mapped));
        }
        return out;
    }
}
