package dev.retort;

import dev.retort.internal.Urls;
import dev.retort.schema.Schema;
import dev.retort.script.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Everything a {@link Retort} needs: where the revision scripts are, which database and version table, and how to
 * run. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * RetortConfig config = RetortConfig.builder()
 *         .url("jdbc:postgresql://localhost:5432/app").user("app").password("secret")
 *         .locations("filesystem:db/migrations")
 *         .build();
 * }</pre>
 */
public final class RetortConfig {

    /** The default locations: {@code filesystem:db/migrations}. */
    public static final String DEFAULT_LOCATIONS = "filesystem:db/migrations";
    /** The default version table, Alembic's. */
    public static final String DEFAULT_VERSION_TABLE = "alembic_version";
    /** The default time to wait for another process's migration lock. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);
    /** The default file name template for new revisions (the extension {@code .sql} is added). */
    public static final String DEFAULT_FILE_TEMPLATE =
            "%(year)d%(month).2d%(day).2d_%(hour).2d%(minute).2d_%(rev)s_%(slug)s";
    /** Alembic's default slug length. */
    public static final int DEFAULT_TRUNCATE_SLUG_LENGTH = 40;

    private final String url;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    private final List<Location> locations;
    private final String versionTable;
    private final String schema;
    private final boolean transactionPerMigration;
    private final Duration lockTimeout;
    private final String dialect;
    private final String fileTemplate;
    private final int truncateSlugLength;
    private final ZoneId timezone;
    private final Path versionPath;
    private final ClassLoader classLoader;
    private final Consumer<String> output;
    private final boolean quiet;
    private final Supplier<Schema> targetSchema;
    private final List<String> includeTables;
    private final List<String> excludeTables;

    private RetortConfig(Builder b) {
        this.url = b.url;
        this.user = b.user;
        this.password = b.password;
        this.dataSource = b.dataSource;
        this.locations = List.copyOf(b.locations);
        this.versionTable = b.versionTable;
        this.schema = b.schema;
        this.transactionPerMigration = b.transactionPerMigration;
        this.lockTimeout = b.lockTimeout;
        this.dialect = b.dialect;
        this.fileTemplate = b.fileTemplate;
        this.truncateSlugLength = b.truncateSlugLength;
        this.timezone = b.timezone;
        this.versionPath = b.versionPath;
        this.classLoader = b.classLoader;
        this.output = b.output;
        this.quiet = b.quiet;
        this.targetSchema = b.targetSchema;
        this.includeTables = List.copyOf(b.includeTables);
        this.excludeTables = List.copyOf(b.excludeTables);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.url = url;
        b.user = user;
        b.password = password;
        b.dataSource = dataSource;
        b.locations = locations;
        b.versionTable = versionTable;
        b.schema = schema;
        b.transactionPerMigration = transactionPerMigration;
        b.lockTimeout = lockTimeout;
        b.dialect = dialect;
        b.fileTemplate = fileTemplate;
        b.truncateSlugLength = truncateSlugLength;
        b.timezone = timezone;
        b.versionPath = versionPath;
        b.classLoader = classLoader;
        b.output = output;
        b.quiet = quiet;
        b.targetSchema = targetSchema;
        b.includeTables = includeTables;
        b.excludeTables = excludeTables;
        return b;
    }

    /** JDBC URL, or {@code null} when a {@link DataSource} is given or no database is configured. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The DataSource to migrate, when given instead of a URL. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether a database is configured (a URL or a DataSource). */
    public boolean hasDatabase() {
        return dataSource != null || url != null;
    }

    public List<Location> locations() {
        return locations;
    }

    public String versionTable() {
        return versionTable;
    }

    /** Schema of the version table, or {@code null} for the connection's default schema. */
    public String schema() {
        return schema;
    }

    /** Whether each revision commits on its own instead of the whole run being one transaction. */
    public boolean transactionPerMigration() {
        return transactionPerMigration;
    }

    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** Dialect name ({@code postgresql}, {@code h2}), or {@code null} to take it from the URL or connection. */
    public String dialect() {
        return dialect;
    }

    public String fileTemplate() {
        return fileTemplate;
    }

    public int truncateSlugLength() {
        return truncateSlugLength;
    }

    /** Zone of new revisions' {@code Create Date}. */
    public ZoneId timezone() {
        return timezone;
    }

    /** Directory new revisions are written to, or {@code null} to pick it from the locations. */
    public Path versionPath() {
        return versionPath;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Where commands print their output (Alembic's standard output). */
    public Consumer<String> output() {
        return output;
    }

    /** Whether status lines such as {@code Generating … done} are suppressed. */
    public boolean quiet() {
        return quiet;
    }

    /**
     * What the application's entities want the schema to be, for {@code revision --autogenerate} and {@code check}
     * (Alembic's {@code target_metadata}); {@code null} when none is configured (the standalone CLI).
     */
    public Supplier<Schema> targetSchema() {
        return targetSchema;
    }

    /** Glob patterns ({@code *}, {@code ?}) of the table names autogenerate looks at; empty for all. */
    public List<String> includeTables() {
        return includeTables;
    }

    /** Glob patterns of table names autogenerate never reads or proposes. */
    public List<String> excludeTables() {
        return excludeTables;
    }

    /** The URL with its password hidden, for messages. */
    public String maskedUrl() {
        return Urls.mask(url);
    }

    @Override
    public String toString() {
        return "RetortConfig[url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? null : "***")
                + ", locations=" + locations + ", versionTable=" + versionTable + ", schema=" + schema
                + ", transactionPerMigration=" + transactionPerMigration + ", lockTimeout=" + lockTimeout + "]";
    }

    /** Builds a {@link RetortConfig}; every value has a default. */
    public static final class Builder {

        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private List<Location> locations = Location.parseList(DEFAULT_LOCATIONS);
        private String versionTable = DEFAULT_VERSION_TABLE;
        private String schema;
        private boolean transactionPerMigration;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private String dialect;
        private String fileTemplate = DEFAULT_FILE_TEMPLATE;
        private int truncateSlugLength = DEFAULT_TRUNCATE_SLUG_LENGTH;
        private ZoneId timezone = ZoneId.systemDefault();
        private Path versionPath;
        private ClassLoader classLoader = RetortConfig.class.getClassLoader();
        private Consumer<String> output = System.out::println;
        private boolean quiet;
        private Supplier<Schema> targetSchema;
        private List<String> includeTables = List.of();
        private List<String> excludeTables = List.of();

        private Builder() {
        }

        /** A JDBC URL. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * A JDBC URL or a {@code postgresql://user:password@host:port/db} URL; credentials in the URL fill in a
         * user and password not already set.
         */
        public Builder databaseUrl(String databaseUrl) {
            Urls.Jdbc jdbc = Urls.toJdbc(databaseUrl);
            this.url = jdbc.url();
            if (user == null) {
                this.user = jdbc.user();
            }
            if (password == null) {
                this.password = jdbc.password();
            }
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder locations(List<Location> locations) {
            this.locations = List.copyOf(locations);
            return this;
        }

        /** Comma-separated {@code filesystem:PATH} / {@code classpath:PATH} locations. */
        public Builder locations(String locations) {
            return locations(Location.parseList(locations));
        }

        public Builder versionTable(String versionTable) {
            this.versionTable = Objects.requireNonNull(versionTable);
            return this;
        }

        public Builder schema(String schema) {
            this.schema = schema == null || schema.isBlank() ? null : schema;
            return this;
        }

        public Builder transactionPerMigration(boolean transactionPerMigration) {
            this.transactionPerMigration = transactionPerMigration;
            return this;
        }

        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = Objects.requireNonNull(lockTimeout);
            return this;
        }

        public Builder dialect(String dialect) {
            this.dialect = dialect;
            return this;
        }

        public Builder fileTemplate(String fileTemplate) {
            this.fileTemplate = Objects.requireNonNull(fileTemplate);
            return this;
        }

        public Builder truncateSlugLength(int truncateSlugLength) {
            this.truncateSlugLength = truncateSlugLength;
            return this;
        }

        public Builder timezone(ZoneId timezone) {
            this.timezone = Objects.requireNonNull(timezone);
            return this;
        }

        public Builder versionPath(Path versionPath) {
            this.versionPath = versionPath;
            return this;
        }

        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader);
            return this;
        }

        public Builder output(Consumer<String> output) {
            this.output = Objects.requireNonNull(output);
            return this;
        }

        public Builder quiet(boolean quiet) {
            this.quiet = quiet;
            return this;
        }

        /** Where autogenerate gets the target schema from, e.g. the Hibernate mapping; read once per command. */
        public Builder targetSchema(Supplier<Schema> targetSchema) {
            this.targetSchema = targetSchema;
            return this;
        }

        /** Glob patterns of the table names autogenerate looks at; none means all. */
        public Builder includeTables(List<String> includeTables) {
            this.includeTables = List.copyOf(includeTables);
            return this;
        }

        /** Glob patterns of table names autogenerate never reads or proposes. */
        public Builder excludeTables(List<String> excludeTables) {
            this.excludeTables = List.copyOf(excludeTables);
            return this;
        }

        public RetortConfig build() {
            return new RetortConfig(this);
        }
    }
}
