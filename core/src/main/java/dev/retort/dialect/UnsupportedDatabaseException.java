package dev.retort.dialect;

/** The database is one Retort has no dialect for: it says which, and which databases Retort supports. */
public class UnsupportedDatabaseException extends IllegalArgumentException {

    private final String product;

    public UnsupportedDatabaseException(String product) {
        super("Retort supports PostgreSQL (and H2, for tests and development), not " + product);
        this.product = product;
    }

    /** The database's product name, as its driver reports it, e.g. {@code MariaDB}. */
    public String product() {
        return product;
    }
}
