package dev.retort.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of Retort migrations in a Spring Boot application, under {@code migrations.*}.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

    /**
     * Whether to run pending revisions at startup, before the EntityManagerFactory, and hand the schema to them
     * (Hibernate then only validates it). When false, nothing runs at startup and Hibernate keeps Spring Boot's
     * default ddl-auto, as the ORM's create_all() would.
     */
    private boolean enabled;

    /**
     * Locations of revision scripts: 'classpath:' or 'filesystem:' paths, searched recursively. '{vendor}' is
     * replaced by the database's name, e.g. postgresql or h2.
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

    /**
     * Revision to upgrade to at startup: 'heads' (every head), 'head' (the single head), '<branch>@head', or a
     * revision id.
     */
    private String target = "heads";

    /**
     * Name of the version table, which holds one row per current head.
     */
    private String versionTable = "alembic_version";

    /**
     * Schema of the version table. Default: the connection's schema.
     */
    private String schema;

    /**
     * Whether each revision commits on its own. By default the whole run is one transaction, rolled back as a
     * whole on failure.
     */
    private boolean transactionPerMigration;

    /**
     * How long to wait for another instance's migration lock before failing. Unit: seconds if none is given.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockTimeout = Duration.ofSeconds(60);

    /**
     * What happens at startup when enabled: 'upgrade' runs pending revisions; 'validate' runs none and fails
     * startup if any are pending (for teams that migrate in a separate job).
     */
    private Mode mode = Mode.UPGRADE;

    /**
     * Directory the 'revision' and 'merge' commands write new revision scripts to.
     */
    private String sourceDirectory = "src/main/resources/db/migrations";

    /**
     * File name template of new revision scripts; tokens: rev, slug, epoch, year, month, day, hour, minute,
     * second.
     */
    private String fileTemplate = "%(year)d%(month).2d%(day).2d_%(hour).2d%(minute).2d_%(rev)s_%(slug)s";

    /**
     * JDBC URL of the database to migrate, when it is not the application's DataSource.
     */
    private String url;

    /**
     * Login user of the database to migrate, e.g. an owner with DDL rights while the application uses a
     * restricted user.
     */
    private String user;

    /**
     * Login password of the database to migrate.
     */
    private String password;

    /** What the application does with migrations at startup. */
    public enum Mode {

        /** Run pending revisions up to the target. */
        UPGRADE,

        /** Run nothing; fail startup when revisions are pending. */
        VALIDATE
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public boolean isTransactionPerMigration() {
        return transactionPerMigration;
    }

    public void setTransactionPerMigration(boolean transactionPerMigration) {
        this.transactionPerMigration = transactionPerMigration;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public String getSourceDirectory() {
        return sourceDirectory;
    }

    public void setSourceDirectory(String sourceDirectory) {
        this.sourceDirectory = sourceDirectory;
    }

    public String getFileTemplate() {
        return fileTemplate;
    }

    public void setFileTemplate(String fileTemplate) {
        this.fileTemplate = fileTemplate;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    private final Autogenerate autogenerate = new Autogenerate();

    public Autogenerate getAutogenerate() {
        return autogenerate;
    }

    /** What 'revision --autogenerate' and 'check' look at, under {@code migrations.autogenerate.*}. */
    public static class Autogenerate {

        /**
         * Glob patterns ('*', '?') of the table names autogenerate reads and proposes; empty for all. Applied before
         * the database is read.
         */
        private List<String> includeTables = new ArrayList<>();

        /**
         * Glob patterns of table names autogenerate never reads or proposes, e.g. other applications' tables.
         */
        private List<String> excludeTables = new ArrayList<>();

        public List<String> getIncludeTables() {
            return includeTables;
        }

        public void setIncludeTables(List<String> includeTables) {
            this.includeTables = includeTables;
        }

        public List<String> getExcludeTables() {
            return excludeTables;
        }

        public void setExcludeTables(List<String> excludeTables) {
            this.excludeTables = excludeTables;
        }
    }
}
