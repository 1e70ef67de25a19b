package dev.retort;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
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
    /** The default time to wait for the database to accept a connection and log in. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
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
    private final Duration connectTimeout;
    private final String locationsSetting;
    private final String dialect;
    private final String fileTemplate;
    private final int truncateSlugLength;
    private final ZoneId timezone;
    private final Path versionPath;
    private final ClassLoader classLoader;
    private final Consumer<String> output;
    private final boolean quiet;
    private final boolean validateChecksums;
    private final boolean includeMissing;
    private final boolean resume;
    private final boolean retry;
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
        this.connectTimeout = b.connectTimeout;
        this.locationsSetting = b.locationsSetting;
        this.dialect = b.dialect;
        this.fileTemplate = b.fileTemplate;
        this.truncateSlugLength = b.truncateSlugLength;
        this.timezone = b.timezone;
        this.versionPath = b.versionPath;
        this.classLoader = b.classLoader;
        this.output = b.output;
        this.quiet = b.quiet;
        this.validateChecksums = b.validateChecksums;
        this.includeMissing = b.includeMissing;
        this.resume = b.resume;
        this.retry = b.retry;
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
        b.connectTimeout = connectTimeout;
        b.locationsSetting = locationsSetting;
        b.dialect = dialect;
        b.fileTemplate = fileTemplate;
        b.truncateSlugLength = truncateSlugLength;
        b.timezone = timezone;
        b.versionPath = versionPath;
        b.classLoader = classLoader;
        b.output = output;
        b.quiet = quiet;
        b.validateChecksums = validateChecksums;
        b.includeMissing = includeMissing;
        b.resume = resume;
        b.retry = retry;
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

    /**
     * Whether {@code upgrade} and {@code downgrade} first check that every applied revision's script still matches
     * the checksum recorded when it ran (default true).
     */
    public boolean validateChecksums() {
        return validateChecksums;
    }

    /**
     * Whether {@code upgrade} runs revisions below the version rows that never ran (e.g. merged in below the
     * current head) instead of failing on them (default false).
     */
    public boolean includeMissing() {
        return includeMissing;
    }

    /**
     * Whether {@code upgrade} continues a revision whose last run failed part-way after the statements that stayed
     * applied, once it has checked they are unchanged (default false: such a revision fails the run, saying so).
     */
    public boolean resume() {
        return resume;
    }

    /**
     * Whether {@code upgrade} runs a revision whose last run failed part-way from its first statement, the applied
     * ones having been undone by hand (default false).
     */
    public boolean retry() {
        return retry;
    }

    /**
     * How long to wait for the database to accept a connection and log in when connecting by URL; zero waits for
     * ever. A {@link DataSource} brings its own timeouts.
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How the user named the locations, for messages: {@code --locations}, {@code migrations.locations}; {@code null}
     * when they are the default.
     */
    public String locationsSetting() {
        return locationsSetting;
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
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private String locationsSetting;
        private String dialect;
        private String fileTemplate = DEFAULT_FILE_TEMPLATE;
        private int truncateSlugLength = DEFAULT_TRUNCATE_SLUG_LENGTH;
        private ZoneId timezone = ZoneId.systemDefault();
        private Path versionPath;
        private ClassLoader classLoader = RetortConfig.class.getClassLoader();
        private Consumer<String> output = System.out::println;
        private boolean quiet;
        private boolean validateChecksums = true;
        private boolean includeMissing;
        private boolean resume;
        private boolean retry;
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

        /** How long to wait for a connection by URL to be accepted and logged in; zero waits for ever. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** How the user named the locations ({@code --locations}, {@code migrations.locations}), for messages. */
        public Builder locationsSetting(String locationsSetting) {
            this.locationsSetting = locationsSetting;
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

        public Builder validateChecksums(boolean validateChecksums) {
            this.validateChecksums = validateChecksums;
            return this;
        }

        public Builder includeMissing(boolean includeMissing) {
            this.includeMissing = includeMissing;
            return this;
        }

        /** See {@link RetortConfig#resume()}; not together with {@link #retry(boolean)}. */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** See {@link RetortConfig#retry()}; not together with {@link #resume(boolean)}. */
        public Builder retry(boolean retry) {
            this.retry = retry;
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

        /**
         * @throws IllegalArgumentException when a value can't work: a version table or schema that isn't a plain
         *         name, a negative timeout, a dialect the URL contradicts, both resume and retry
         */
        public RetortConfig build() {
            checkTableName("versionTable", versionTable, "schema");
            if (schema != null) {
                checkSchemaName("schema", schema);
            }
            if (lockTimeout.isNegative() || connectTimeout.isNegative()) {
                throw new IllegalArgumentException("Timeouts must not be negative (lockTimeout " + lockTimeout
                        + ", connectTimeout " + connectTimeout + ")");
            }
            if (dialect != null) {
                checkDialect("dialect", dialect, "url", url);
            }
            if (resume && retry) {
                throw new IllegalArgumentException("resume and retry exclude each other: resume skips the statements"
                        + " a failed revision left applied, retry runs them again");
            }
            return new RetortConfig(this);
        }
    }

    /** The longest identifier PostgreSQL keeps (NAMEDATALEN - 1). */
    private static final int MAX_NAME_LENGTH = 63;
    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Checks a version table name as a user gave it: a plain name (letters, digits, underscores, not starting with
     * a digit), short enough that its audit table ({@code <name>_log}) fits too.
     *
     * @param setting how the user named the value, e.g. {@code --version-table} or {@code migrations.version-table}
     * @param schemaSetting the setting that names the schema, suggested for a qualified name
     * @throws IllegalArgumentException naming the setting, what is wrong and what to give instead
     */
    public static void checkTableName(String setting, String value, String schemaSetting) {
        int dot = value.indexOf('.');
        if (dot > 0 && PLAIN_NAME.matcher(value.substring(0, dot)).matches()
                && PLAIN_NAME.matcher(value.substring(dot + 1)).matches()) {
            throw new IllegalArgumentException(setting + " '" + value + "' is a qualified name; give the schema"
                    + " separately: " + schemaSetting + " " + value.substring(0, dot) + " " + setting + " "
                    + value.substring(dot + 1));
        }
        checkName(setting, value, MAX_NAME_LENGTH - "_log".length(), "a table name such as "
                + DEFAULT_VERSION_TABLE);
    }

    /**
     * Checks a schema name as a user gave it: a plain name (letters, digits, underscores, not starting with a
     * digit).
     *
     * @throws IllegalArgumentException naming the setting, what is wrong and what to give instead
     */
    public static void checkSchemaName(String setting, String value) {
        checkName(setting, value, MAX_NAME_LENGTH, "a schema name such as public");
    }

    private static void checkName(String setting, String value, int maxLength, String example) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(setting + " is empty; give " + example);
        }
        if (!PLAIN_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " '" + value + "' is not a plain name; use letters, digits"
                    + " and underscores, not starting with a digit (e.g. " + example.substring(example.lastIndexOf(' ')
                    + 1) + ")");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(setting + " '" + value + "' is " + value.length() + " characters"
                    + " long; PostgreSQL keeps " + maxLength + (maxLength < MAX_NAME_LENGTH ? " here (its audit"
                    + " table adds '_log' to the name)" : "") + ", give a shorter name");
        }
    }

    /**
     * Checks a dialect name, and that it matches the database a JDBC URL names.
     *
     * @param urlSetting how the user named the URL, for the message; {@code null} when the URL is not the user's
     * @throws IllegalArgumentException naming the setting, what is wrong and what to give instead
     */
    public static void checkDialect(String setting, String dialect, String urlSetting, String url) {
        Dialect named;
        try {
            named = Dialects.forName(dialect);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " '" + dialect + "' is not a dialect Retort has; give"
                    + " postgresql or h2 (or leave it out to take it from the URL)");
        }
        if (url == null || !url.startsWith("jdbc:")) {
            return;
        }
        Dialect ofUrl;
        try {
            ofUrl = Dialects.forUrl(url);
        } catch (IllegalArgumentException e) {
            return; // a database Retort has no dialect for; the connection will say so
        }
        if (!ofUrl.name().equals(named.name())) {
            throw new IllegalArgumentException(setting + " '" + dialect + "' contradicts the " + ofUrl.name()
                    + " URL" + (urlSetting == null ? "" : " of " + urlSetting) + " (" + Urls.mask(url)
                    + "); leave " + setting + " out to take the dialect from the URL, or fix the URL");
        }
    }
}
