package dev.retort.cli;

import java.io.PrintStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes log lines to standard error in Alembic's layout, {@code INFO  [retort.runtime.migration] Running upgrade
 * -> 1975ea83b712, create account table}, through java.util.logging (the SLF4J binding the CLI ships).
 */
final class CliLogging {

    private CliLogging() {
    }

    static void configure(PrintStream err, boolean quiet) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler handler = err == System.err ? new ConsoleHandler() : new StreamHandler(err, new AlembicFormat()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setFormatter(new AlembicFormat());
        Level level = quiet ? Level.WARNING : Level.INFO;
        handler.setLevel(level);
        root.addHandler(handler);
        root.setLevel(level);
    }

    /** {@code LEVEL [logger] message}, the level cut or padded to five characters as Python's logging does. */
    static final class AlembicFormat extends Formatter {

        @Override
        public String format(LogRecord record) {
            String level = switch (record.getLevel().getName()) {
                case "SEVERE" -> "ERROR";
                case "WARNING" -> "WARNI";
                default -> record.getLevel().getName();
            };
            StringBuilder line = new StringBuilder(String.format("%-5.5s [%s] %s", level, record.getLoggerName(),
                    formatMessage(record)));
            if (record.getThrown() != null) {
                line.append(": ").append(record.getThrown());
            }
            return line.append(System.lineSeparator()).toString();
        }
    }
}
