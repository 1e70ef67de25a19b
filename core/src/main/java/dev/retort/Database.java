package dev.retort;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.dialect.LockTimeoutException;
import dev.retort.dialect.UnsupportedDatabaseException;
import dev.retort.internal.Urls;
import dev.retort.runtime.ConnectionLostException;
import dev.retort.internal.Connections;
import dev.retort.runtime.MigrationFailedException;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.VersionTable;
import dev.retort.runtime.VersionTableException;
import dev.retort.script.RevisionScriptException;
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
                    + " configured");
        }
        Connection connection = null;
        try {
            try {
                connection = connect(config);
            } catch (SQLException e) {
                throw new CommandException(ErrorCode.DATABASE_ERROR, "Can't connect to " + describe(config) + ": "
                        + Urls.scrub(Connections.whyNot(e, config.url(), config.connectTimeout()), config.password()),
                        Connections.action(e), null);
            }
            Dialect dialect = dialect(config, connection);
            Migrator.logContext(dialect, false);
            return new Database(config, connection, dialect);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new CommandException(ErrorCode.DATABASE_ERROR, "Can't read the database's metadata at "
                    + describe(config) + ": " + Urls.scrub(e.getMessage(), config.password()), null);
        } catch (CommandException e) {
            closeQuietly(connection);
            throw e;
        } catch (UnsupportedDatabaseException e) {
            closeQuietly(connection);
            throw new CommandException(ErrorCode.UNSUPPORTED_DATABASE, e.getMessage() + ": the database at "
                    + describe(config) + " is " + e.product() + ".", e);
        } catch (IllegalArgumentException e) {
            closeQuietly(connection);
            throw new CommandException(ErrorCode.DATABASE_ERROR, e.getMessage(), e);
        }
    }

    /** The configured dialect, which must be the connected database's, or the database's. */
    private static Dialect dialect(RetortConfig config, Connection connection) throws SQLException {
        Dialect ofDatabase;
        try {
            ofDatabase = Dialects.forConnection(connection);
        } catch (IllegalArgumentException e) {
            if (config.dialect() == null) {
                throw e;
            }
            return Dialects.forName(config.dialect());
        }
        if (config.dialect() != null && !Dialects.forName(config.dialect()).name().equals(ofDatabase.name())) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "The dialect is set to '" + config.dialect()
                    + "' but the database is " + ofDatabase.name(), "Leave the dialect out (--dialect,"
                    + " migrations.dialect) to take it from the database, or connect to the database it names.", null);
        }
        return ofDatabase;
    }

    private static Connection connect(RetortConfig config) throws SQLException {
        if (config.dataSource() != null) {
            return config.dataSource().getConnection();
        }
        Properties properties = Connections.timeouts(config.url(), config.connectTimeout());
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        // for drivers without a login timeout property of their own; PostgreSQL's are set above
        DriverManager.setLoginTimeout(Connections.seconds(config.connectTimeout()));
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
        if (e instanceof ConnectionLostException lost) {
            return new CommandException(ErrorCode.DATABASE_ERROR, Urls.scrub(lost.getMessage(), config.password()),
                    null, lost);
        }
        if (e instanceof MigrationFailedException mf) {
            return new CommandException(ErrorCode.MIGRATION_FAILED, Urls.scrub(mf.getMessage(), config.password()),
                    mf);
        }
        if (e instanceof RevisionScriptException rs) {
            return new CommandException(ErrorCode.INVALID_SCRIPT, rs.getMessage(), rs);
        }
        if (e instanceof LockTimeoutException lt) {
            return new CommandException(ErrorCode.LOCK_TIMEOUT, lt.getMessage(), null, lt);
        }
        if (e instanceof VersionTableException vt) {
            return new CommandException(ErrorCode.VERSION_TABLE_CONFLICT, vt.getMessage(),
                    vt.action() != null ? vt.action() : ErrorCode.VERSION_TABLE_CONFLICT.action(), vt);
        }
        if (e instanceof RevisionScriptException rs) {
            return new CommandException(ErrorCode.INVALID_SCRIPT, rs.getMessage(), rs);
        }
        if (e instanceof SQLException sql) {
            if (Connections.lost(sql, connection)) {
                return new CommandException(ErrorCode.DATABASE_ERROR, "The connection to " + describe(config)
                        + " was lost: " + Urls.scrub(Connections.firstLine(sql), config.password()), "Nothing was"
                        + " changed by this run unless it says otherwise above; check that the database is up, then"
                        + " run the command again (that is safe).", sql);
            }
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
