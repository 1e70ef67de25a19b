package dev.retort.dialect;

import java.time.Duration;

/** Another process held the migration lock for the whole lock timeout. */
public class LockTimeoutException extends RuntimeException {

    private final Duration timeout;

    public LockTimeoutException(String name, Duration timeout, String holder) {
        super("Timed out after " + timeout.toMillis() / 1000.0 + " s waiting for the migration lock on " + name
                + (holder == null ? "" : " (held by " + holder + ")")
                + "; another migration is running against this database. Wait for it to finish or raise the lock"
                + " timeout (--lock-timeout, migrations.lock-timeout)");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
