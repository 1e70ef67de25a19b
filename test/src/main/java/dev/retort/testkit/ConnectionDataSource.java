package dev.retort.testkit;

import dev.retort.RetortConfig;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The DataSource behind a {@code RetortExtension.of(config)} with a JDBC URL. On PostgreSQL every caller gets the
 * same connection (its {@code close()} does nothing), so a stairway of hundreds of steps connects once, and that
 * connection's commits don't wait for the disk ({@code synchronous_commit} off: a test database is disposable); it
 * is closed when the test class is done. Elsewhere (H2's migration lock needs a second connection)
 * each call connects.
 */
final class ConnectionDataSource implements DataSource, AutoCloseable {

    private final String url;
    private final Properties properties = new Properties();
    private final boolean shared;
    private Connection connection;

    private ConnectionDataSource(RetortConfig config) {
        this.url = config.url();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        this.shared = url.startsWith("jdbc:postgresql:");
    }

    /** A DataSource for the config's URL; the caller closes it. */
    static ConnectionDataSource of(RetortConfig config) {
        return new ConnectionDataSource(config);
    }

    /** A DataSource for the config's URL, closed with the test class of {@code context}. */
    static ConnectionDataSource forConfig(RetortConfig config, ExtensionContext context) {
        ConnectionDataSource dataSource = new ConnectionDataSource(config);
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        owner.getStore(ExtensionContext.Namespace.create(ConnectionDataSource.class)).put(dataSource, dataSource);
        return dataSource;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (!shared) {
            return DriverManager.getConnection(url, properties);
        }
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, properties);
            try (Statement st = connection.createStatement()) {
                // a test database is thrown away: its commits need not wait for the disk, and a stairway commits
                // three times per revision
                st.execute("SET synchronous_commit TO off");
            }
        }
        Connection target = connection;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
