package dev.retort.dialect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A real connection whose statements count how often they are executed (not a mock: every call goes through). */
final class CountingConnection {

    private final AtomicInteger executions = new AtomicInteger();
    private final Connection connection;

    CountingConnection(Connection real) {
        this.connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof PreparedStatement ps) {
                        return counting(ps, PreparedStatement.class);
                    }
                    if (result instanceof Statement st) {
                        return counting(st, Statement.class);
                    }
                    return result;
                });
    }

    Connection connection() {
        return connection;
    }

    /** Statements executed so far (each {@code execute…} call is one round trip). */
    int executions() {
        return executions.get();
    }

    private Object counting(Statement statement, Class<? extends Statement> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executions.incrementAndGet();
            }
            return invoke(statement, method, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
