package dev.retort.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Finds the dialect for a name, a JDBC URL or an open connection. */
public final class Dialects {

    private static final List<Dialect> ALL = List.of(new PostgresDialect(), new H2Dialect());

    private Dialects() {
    }

    /** The dialect called {@code postgresql} (or {@code postgres}) or {@code h2}. */
    public static Dialect forName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("postgres")) {
            n = "postgresql";
        }
        for (Dialect dialect : ALL) {
            if (dialect.name().equals(n)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unknown dialect '" + name + "'; Retort supports postgresql and h2");
    }

    /** The dialect of a JDBC URL such as {@code jdbc:postgresql://…} or {@code jdbc:h2:…}. */
    public static Dialect forUrl(String url) {
        if (url != null && url.startsWith("jdbc:")) {
            String rest = url.substring(5);
            int colon = rest.indexOf(':');
            return forName(colon < 0 ? rest : rest.substring(0, colon));
        }
        throw new IllegalArgumentException("Can't tell the dialect of '" + dev.retort.internal.Urls.mask(url)
                + "'; pass --dialect");
    }

    /** The dialect of an open connection, from its database product name. */
    public static Dialect forConnection(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return forName("postgresql");
        }
        if (product.contains("h2")) {
            return forName("h2");
        }
        throw new UnsupportedDatabaseException(connection.getMetaData().getDatabaseProductName());
    }
}
