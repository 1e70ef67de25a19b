package dev.retort.dialect;

import java.sql.SQLException;

/** A held migration lock; {@link #close()} releases it. */
public interface MigrationLock extends AutoCloseable {

    @Override
    void close() throws SQLException;
}
