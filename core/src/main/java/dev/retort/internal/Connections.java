package dev.retort.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/** Connection timeouts, and what a failed or lost connection means in words a user can act on. */
public final class Connections {

    private Connections() {
    }

    /** Whole seconds of a timeout, rounded up; 0 for none. */
    public static int seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    /**
     * Driver properties that bound connecting and logging in: PostgreSQL's {@code connectTimeout} (the TCP
     * connect) and {@code loginTimeout} (the whole login, which a server that accepts and never answers would
     * otherwise hold for ever). Values in the URL itself take precedence.
     */
    public static Properties timeouts(String url, Duration timeout) {
        Properties properties = new Properties();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            String seconds = Integer.toString(seconds(timeout));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
        }
        return properties;
    }

    /** Why a connection could not be made, in words: the unresolved host, the refused port, the timeout. */
    public static String whyNot(SQLException e, String url, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                String host = t.getMessage() == null ? "?" : t.getMessage().split(":")[0].strip();
                return "the host name '" + host + "' could not be resolved";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "nothing accepted the connection (" + t.getMessage() + ")";
            }
            if (t instanceof SocketTimeoutException) {
                return timedOut(timeout);
            }
        }
        String message = firstLine(e);
        if (message.toLowerCase(Locale.ROOT).contains("timed out") || "08001".equals(e.getSQLState())
                && message.toLowerCase(Locale.ROOT).contains("timeout")) {
            return timedOut(timeout);
        }
        return message;
    }

    private static String timedOut(Duration timeout) {
        return "the server did not answer within " + seconds(timeout) + " s (the connect timeout)";
    }

    /** What to do about a failed connection. */
    public static String action(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "Check the host name in the URL.";
            }
            if (t instanceof ConnectException) {
                return "Check the host and port in the URL and that the database is running there.";
            }
            if (t instanceof SocketTimeoutException) {
                return timeoutAction();
            }
        }
        if (firstLine(e).toLowerCase(Locale.ROOT).contains("timed out")) {
            return timeoutAction();
        }
        return "Check the URL, the credentials and that the database is running, then run the command again.";
    }

    private static String timeoutAction() {
        return "Check that the URL points at the database and that it is up; a slow network may need a longer"
                + " --connect-timeout (migrations.connect-timeout).";
    }

    /**
     * Whether a failure means the connection is gone: the server ended the session (PostgreSQL's SQLSTATE class
     * 57P), a connection exception (class 08), or the driver has closed it.
     */
    public static boolean lost(SQLException e, Connection connection) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            if (s.getNextException() == s) {
                break;
            }
        }
        try {
            return connection != null && connection.isClosed();
        } catch (SQLException ignored) {
            return true;
        }
    }

    /** The first line of what the database said. */
    public static String firstLine(SQLException e) {
        SQLException first = e.getNextException() != null ? e.getNextException() : e;
        String message = first.getMessage() == null ? first.toString() : first.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
