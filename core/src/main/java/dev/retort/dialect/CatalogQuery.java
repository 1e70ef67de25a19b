package dev.retort.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** One catalog query of the schema readers: bind the parameters (a {@code String[]} as a text array), visit each row. */
final class CatalogQuery {

    private CatalogQuery() {
    }

    /** What the readers do with one row. */
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    static void query(Connection connection, String sql, List<Object> parameters, RowHandler handler)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof String[] values) {
                    ps.setArray(i + 1, connection.createArrayOf("text", values));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
