package dev.retort.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource whose connections time every round trip the tool makes, by kind of statement: the "where does the
 * time go" view of a run without touching the tool's code. Statements are grouped by what they do (the migration's
 * own DDL, version-row writes, audit-log inserts, the lock, commits, metadata queries, …).
 */
final class TimingDataSource implements DataSource {

    /** Totals for one kind of call. */
    static final class Bucket {
        long count;
        long nanos;
        long first = -1;
        long last;
    }

    private final String url;
    private final Properties properties = new Properties();
    private final long origin;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>();

    TimingDataSource(String url, String user, String password, long origin) {
        this.url = url;
        properties.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        this.origin = origin;
    }

    private synchronized void record(String kind, long start, long end) {
        Bucket b = buckets.computeIfAbsent(kind, k -> new Bucket());
        b.count++;
        b.nanos += end - start;
        if (b.first < 0) {
            b.first = start - origin;
        }
        b.last = end - origin;
    }

    /** Database calls so far, of every kind. */
    synchronized long calls() {
        return buckets.values().stream().mapToLong(b -> b.count).sum();
    }

    /** {@code @trace kind|count|total ms|first start ms|last end ms} lines, biggest first. */
    synchronized void print() {
        List<Map.Entry<String, Bucket>> entries = new ArrayList<>(buckets.entrySet());
        entries.sort((a, b) -> Long.compare(b.getValue().nanos, a.getValue().nanos));
        long total = 0;
        for (Map.Entry<String, Bucket> e : entries) {
            Bucket b = e.getValue();
            total += b.nanos;
            System.out.println("@trace " + e.getKey() + "|" + b.count + "|" + Child.ms(b.nanos) + "|"
                    + Child.ms(b.first) + "|" + Child.ms(b.last));
        }
        Child.result("db_total", Child.ms(total));
    }

    /** What a statement does, for grouping. */
    static String kind(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        String u = s.toUpperCase(Locale.ROOT);
        if (u.contains("PG_TRY_ADVISORY_LOCK") || u.contains("PG_ADVISORY_LOCK")
                || u.contains("PG_TRY_ADVISORY_XACT_LOCK") || u.contains("PG_ADVISORY_XACT_LOCK")) {
            return "lock (advisory)";
        }
        if (u.contains("PG_ADVISORY_UNLOCK")) {
            return "unlock (advisory)";
        }
        if (u.startsWith("CREATE TABLE T")) {
            return "migration SQL (CREATE TABLE tNNNN)";
        }
        if (u.startsWith("SELECT 1 FROM PG_CATALOG.PG_TABLES")) {
            return "table exists? (pg_tables)";
        }
        if (u.startsWith("SELECT VERSION_NUM FROM")) {
            return "read version rows";
        }
        if (u.startsWith("INSERT INTO ALEMBIC_VERSION_LOG")) {
            return "audit-log insert";
        }
        if (u.startsWith("INSERT INTO ALEMBIC_VERSION")) {
            return "version row insert";
        }
        if (u.startsWith("UPDATE ALEMBIC_VERSION")) {
            return "version row update";
        }
        if (u.startsWith("CREATE TABLE IF NOT EXISTS ALEMBIC_VERSION")) {
            return "create version/log table";
        }
        String shortened = s.replaceAll("[0-9]+", "#");
        return "sql: " + (shortened.length() > 70 ? shortened.substring(0, 70) + "…" : shortened);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        Connection real = DriverManager.getConnection(url, properties);
        record("connect", start, System.nanoTime());
        return wrapConnection(real);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Connection wrapConnection(Connection real) {
        Connection[] self = new Connection[1];
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            switch (name) {
                case "createStatement": {
                    Statement st = (Statement) call(real, method, args, null);
                    return wrapStatement(st, null, self[0], Statement.class);
                }
                case "prepareStatement": {
                    PreparedStatement ps = (PreparedStatement) call(real, method, args, null);
                    return wrapStatement(ps, (String) args[0], self[0], PreparedStatement.class);
                }
                case "getMetaData": {
                    DatabaseMetaData md = (DatabaseMetaData) call(real, method, args, "Connection.getMetaData");
                    return wrapMetaData(md, self[0]);
                }
                case "commit", "rollback", "setAutoCommit", "close", "setReadOnly", "setTransactionIsolation",
                        "setSchema", "getSchema", "isValid", "setSavepoint", "releaseSavepoint":
                    return call(real, method, args, "Connection." + name);
                default:
                    return call(real, method, args, null);
            }
        };
        self[0] = (Connection) Proxy.newProxyInstance(TimingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
        return self[0];
    }

    private Object wrapStatement(Statement real, String preparedSql, Connection connection, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection;
            }
            if (name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                return call(real, method, args, sql == null ? "Statement." + name : kind(sql));
            }
            return call(real, method, args, null);
        };
        return Proxy.newProxyInstance(TimingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private DatabaseMetaData wrapMetaData(DatabaseMetaData real, Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                return connection;
            }
            return call(real, method, args, "DatabaseMetaData." + method.getName());
        };
        return (DatabaseMetaData) Proxy.newProxyInstance(TimingDataSource.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, handler);
    }

    private Object call(Object target, Method method, Object[] args, String kind) throws Throwable {
        long start = System.nanoTime();
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (kind != null) {
                record(kind, start, System.nanoTime());
            }
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
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
