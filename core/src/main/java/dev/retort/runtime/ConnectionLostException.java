package dev.retort.runtime;

import java.util.List;

/**
 * The connection to the database was lost while a revision ran (the server ended the session, the network
 * dropped). The message says where the database now is: the server rolled back the open transaction.
 */
public class ConnectionLostException extends MigrationFailedException {

    public ConnectionLostException(String message, String revision, String script, String databaseMessage,
            List<String> headsNow, Throwable cause) {
        super(message, revision, script, 0, null, null, databaseMessage, headsNow, cause);
    }
}
