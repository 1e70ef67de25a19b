package dev.retort.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests run against, found once per JVM in this order: {@code RETORT_TEST_JDBC_URL}
 * (environment variable or system property {@code retort.test.jdbc-url}); the local server at 127.0.0.1:5432 as
 * user {@code postgres}; a Testcontainers PostgreSQL when a Docker engine answers. When none is there the tests
 * fail with a message saying how to provide one; they never skip.
 */
public final class PostgresServer {

    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^/?]*)/([^?]*)(\\?.*)?$");
    private static volatile PostgresServer instance;

    private final String host;
    private final String query;
    private final String user;
    private final String password;
    private final String origin;

    private PostgresServer(String host, String query, String user, String password, String origin) {
        this.host = host;
        this.query = query == null ? "" : query;
        this.user = user;
        this.password = password;
        this.origin = origin;
    }

    /** The server, found on first use. */
    public static PostgresServer get() {
        PostgresServer s = instance;
        if (s == null) {
            synchronized (PostgresServer.class) {
                s = instance;
                if (s == null) {
                    s = find();
                    instance = s;
                }
            }
        }
        return s;
    }

    private static PostgresServer find() {
        String configured = System.getProperty("retort.test.jdbc-url", System.getenv("RETORT_TEST_JDBC_URL"));
        if (configured != null && !configured.isBlank()) {
            Matcher m = JDBC.matcher(configured.strip());
            if (!m.matches()) {
                throw new IllegalStateException("RETORT_TEST_JDBC_URL must look like"
                        + " jdbc:postgresql://host:5432/postgres?user=...&password=..., got " + configured);
            }
            PostgresServer server = new PostgresServer(m.group(1), m.group(3),
                    System.getenv("RETORT_TEST_USER"), System.getenv("RETORT_TEST_PASSWORD"), "RETORT_TEST_JDBC_URL");
            server.check(null);
            return server;
        }
        PostgresServer local = new PostgresServer("127.0.0.1:5432", "", "postgres", null, "local server");
        SQLException localFailure;
        try {
            local.check(null);
            return local;
        } catch (IllegalStateException e) {
            localFailure = (SQLException) e.getCause();
        }
        PostgresServer container;
        try {
            container = Containers.start();
        } catch (RuntimeException | LinkageError e) {
            // Docker answered but the container didn't start: that is the failure to show, not the search list
            throw new IllegalStateException("No PostgreSQL on 127.0.0.1:5432 (" + localFailure.getMessage()
                    + "), and Testcontainers could not start one: " + e, e);
        }
        if (container != null) {
            return container;
        }
        throw new IllegalStateException("No PostgreSQL to run the tests against. Provide one of:\n"
                + "  - RETORT_TEST_JDBC_URL=jdbc:postgresql://host:5432/postgres?user=...&password=... (an account"
                + " allowed to CREATE DATABASE),\n"
                + "  - a local PostgreSQL on 127.0.0.1:5432 accepting user 'postgres' (e.g. 'pg_ctlcluster 15 main"
                + " start'),\n"
                + "  - a running Docker engine, for Testcontainers.\n"
                + "The local server said: " + localFailure.getMessage());
    }

    static PostgresServer of(String host, String user, String password, String origin) {
        return new PostgresServer(host, "", user, password, origin);
    }

    private void check(String database) {
        try (Connection ignored = connect(database == null ? "postgres" : database)) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("Can't connect to PostgreSQL (" + origin + ") at " + host + ": "
                    + e.getMessage(), e);
        }
    }

    /** The JDBC URL of a database on this server. */
    public String url(String database) {
        return "jdbc:postgresql://" + host + "/" + database + query;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Opens a connection to a database on this server. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url(database), properties);
    }

    @Override
    public String toString() {
        return "PostgreSQL at " + host + " (" + origin + ")";
    }

    /** Testcontainers, touched only when no other server is found, so its classes load only then. */
    private static final class Containers {

        /** A started container, or {@code null} when no Docker engine answers. */
        static PostgresServer start() {
            try {
                if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                    return null;
                }
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return of(container.getHost() + ":" + container.getMappedPort(5432), container.getUsername(),
                    container.getPassword(), "Testcontainers");
        }
    }
}
