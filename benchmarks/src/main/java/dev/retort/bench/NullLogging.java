package dev.retort.bench;

import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** java.util.logging at INFO into a handler that formats each record and throws the text away. */
final class NullLogging {

    static final AtomicLong RECORDS = new AtomicLong();

    private NullLogging() {
    }

    static void install() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        SimpleFormatter formatter = new SimpleFormatter();
        OutputStream sink = OutputStream.nullOutputStream();
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    try {
                        sink.write(formatter.format(record).getBytes());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    RECORDS.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        root.setLevel(Level.INFO);
    }
}
