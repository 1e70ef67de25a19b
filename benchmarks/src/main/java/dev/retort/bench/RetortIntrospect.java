package dev.retort.bench;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark 6, {@code check} with no differences: read the live schema ({@code Dialect.readSchema}), put the target
 * into the same form ({@code Dialect.canonicalize}) and compare — here by equality of the two models, which is what a
 * comparator finding nothing amounts to, and fails the run if they differ (a false positive).
 *
 * <p>Arguments: {@code JDBC_URL SIZE [WARM]}. Prints the phases and the number of statements executed.
 */
public final class RetortIntrospect {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String url = args[0];
        int size = Integer.parseInt(args[1]);
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        SchemaScope scope = new SchemaScope("public", Set.of("public"), List.of(), List.of(),
                Set.of("alembic_version", "alembic_version_log"));
        Schema target = AutogenModel.target(size);
        once(url, scope, target, t0, true);
        for (int i = 0; i < warm; i++) {
            long w0 = System.nanoTime();
            once(url, scope, target, w0, false);
        }
    }

    private static void once(String url, SchemaScope scope, Schema target, long t0, boolean cold) throws SQLException {
        AtomicInteger statements = new AtomicInteger();
        Properties p = new Properties();
        p.setProperty("user", Child.USER);
        if (!Child.PASSWORD.isEmpty()) {
            p.setProperty("password", Child.PASSWORD);
        }
        try (Connection real = DriverManager.getConnection(url, p)) {
            long c1 = System.nanoTime();
            Connection connection = counting(real, statements);
            Dialect dialect = Dialects.forUrl(url);
            Schema live = dialect.readSchema(connection, scope);
            long r1 = System.nanoTime();
            int readStatements = statements.get();
            Schema canonical = dialect.canonicalize(connection, target, scope);
            long k1 = System.nanoTime();
            boolean same = new HashSet<>(live.tables()).equals(new HashSet<>(canonical.tables()))
                    && live.enumTypes().equals(canonical.enumTypes()) && live.sequences().equals(canonical.sequences());
            long e1 = System.nanoTime();
            if (!same) {
                Child.fail("false positive: the canonical target differs from the live schema");
            }
            String prefix = cold ? "cold" : "warm";
            Child.result(prefix + "_ms", Child.ms(e1 - t0));
            Child.result(prefix + "_connect_ms", Child.ms(c1 - t0));
            Child.result(prefix + "_read_ms", Child.ms(r1 - c1));
            Child.result(prefix + "_canonicalize_ms", Child.ms(k1 - r1));
            Child.result(prefix + "_compare_ms", Child.ms(e1 - k1));
            Child.info("read_statements", readStatements);
            Child.info("canonicalize_statements", statements.get() - readStatements);
            Child.info("tables", live.tables().size());
        }
    }

    /** The real connection, counting every statement executed on it (each is one round trip). */
    private static Connection counting(Connection real, AtomicInteger count) {
        return (Connection) Proxy.newProxyInstance(RetortIntrospect.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof Statement st) {
                        Class<?> type = result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
                                : Statement.class;
                        return Proxy.newProxyInstance(RetortIntrospect.class.getClassLoader(), new Class<?>[] {type},
                                (p2, m2, a2) -> {
                                    if (m2.getName().startsWith("execute")) {
                                        count.incrementAndGet();
                                    }
                                    return invoke(st, m2, a2);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
