package dev.retort.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database for one test class, dropped after it. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresDatabase db = new PostgresDatabase();
 * }</pre>
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer server;
    private String name;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        server = PostgresServer.get();
        String owner = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        name = "retort_t_" + owner.substring(0, Math.min(owner.length(), 40)) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    public String url() {
        return server.url(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Runs statements in autocommit. */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** The first column of every row a query returns, as text. */
    public List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The tables of the public schema, sorted. */
    public List<String> tables() throws SQLException {
        return column("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    }

    /** Empties the database: drops and recreates the public schema. */
    public void reset() throws SQLException {
        execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
    }
}
