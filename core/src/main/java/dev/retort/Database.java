package dev.retort;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.dialect.LockTimeoutException;
import dev.retort.dialect.UnsupportedDatabaseException;
import dev.retort.internal.Urls;
import dev.retort.runtime.MigrationFailedException;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.VersionTable;
import dev.retort.runtime.VersionTableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** One command's connection to the configured database, its dialect and version table. */
final class Database implements AutoCloseable {

    private final RetortConfig config;
    private final Connection connection;
    private final Dialect dialect;
    private final VersionTable versionTable;

    private Database(RetortConfig config, Connection connection, Dialect dialect) {
        this.config = config;
        this.connection = connection;
        this.dialect = dialect;
        this.versionTable = new VersionTable(dialect, config.schema(), config.versionTable());
    }

    /** Connects, or explains that the command needs a database. */
    static Database open(RetortConfig config, String command) {
        if (!config.hasDatabase()) {
            throw new CommandException(ErrorCode.NO_DATABASE, "'" + command + "' needs a database and none is"
                    + " configured; pass --url (or set DATABASE_URL in the environment or in a .env file)");
        }
        Connection connection = null;
        try {
            connection = connect(config);
            Dialect dialect = config.dialect() != null ? Dialects.forName(config.dialect())
                    : Dialects.forConnection(connection);
            Migrator.logContext(dialect, false);
            return new Database(config, connection, dialect);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new CommandException(ErrorCode.DATABASE_ERROR, "Can't connect to " + describe(config) + ": "
                    + Urls.scrub(e.getMessage(), config.password()), null);
        } catch (UnsupportedDatabaseException e) {
            closeQuietly(connection);
            throw new CommandException(ErrorCode.UNSUPPORTED_DATABASE, e.getMessage() + ": the database at "
                    + describe(config) + " is " + e.product() + ".", e);
        } catch (IllegalArgumentException e) {
            closeQuietly(connection);
            throw new CommandException(ErrorCode.DATABASE_ERROR, e.getMessage(), e);
        }
    }

    private static Connection connect(RetortConfig config) throws SQLException {
        if (config.dataSource() != null) {
            return config.dataSource().getConnection();
        }
        Properties properties = new Properties();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        return DriverManager.getConnection(config.url(), properties);
    }

    private static String describe(RetortConfig config) {
        return config.url() != null ? config.maskedUrl() : "the configured DataSource";
    }

    Connection connection() {
        return connection;
    }

    Dialect dialect() {
        return dialect;
    }

    VersionTable versionTable() {
        return versionTable;
    }

    /** The URL the connection went to, password hidden, as {@code current -v} prints it. */
    String displayUrl() {
        try {
            return Urls.mask(connection.getMetaData().getURL());
        } catch (SQLException e) {
            return describe(config);
        }
    }

    Migrator migrator() {
        return new Migrator(connection, () -> connect(config), versionTable, config.transactionPerMigration(),
                config.lockTimeout());
    }

    /** Turns what the runtime throws into a command error with the right code. */
    CommandException translate(Exception e) {
        if (e instanceof CommandException ce) {
            return ce;
        }
        if (e instanceof MigrationFailedException mf) {
            return new CommandException(ErrorCode.MIGRATION_FAILED, Urls.scrub(mf.getMessage(), config.password()),
                    mf);
        }
        if (e instanceof LockTimeoutException lt) {
            return new CommandException(ErrorCode.LOCK_TIMEOUT, lt.getMessage(), lt);
        }
        if (e instanceof VersionTableException vt) {
            return new CommandException(ErrorCode.VERSION_TABLE_CONFLICT, vt.getMessage(), vt);
        }
        if (e instanceof SQLException sql) {
            return new CommandException(ErrorCode.DATABASE_ERROR, "Database error on " + displayUrl() + ": "
                    + Urls.scrub(sql.getMessage(), config.password()), sql);
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        return new CommandException(ErrorCode.FAILED, e.toString(), e);
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing useful to do
            }
        }
    }
}
