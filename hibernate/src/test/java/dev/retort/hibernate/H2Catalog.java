package dev.retort.hibernate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What an H2 database's PUBLIC schema holds, one line per object, from INFORMATION_SCHEMA. Names H2 makes up for
 * unnamed constraints ({@code CONSTRAINT_8A}) depend on creation order, so they read {@code CONSTRAINT_*}. Hibernate's
 * {@code HT_} and {@code HTE_} global temporary tables are left out.
 */
final class H2Catalog {

    private static final String[] QUERIES = {
        """
        SELECT 'column ' || TABLE_NAME || '.' || COLUMN_NAME || ' #' || ORDINAL_POSITION || ' ' || DATA_TYPE
               || coalesce('(' || CHARACTER_MAXIMUM_LENGTH || ')', '')
               || coalesce('(' || NUMERIC_PRECISION || ',' || NUMERIC_SCALE || ')', '')
               || coalesce(' precision ' || DATETIME_PRECISION, '')
               || coalesce(' domain ' || DOMAIN_NAME, '')
               || CASE WHEN IS_NULLABLE = 'NO' THEN ' not null' ELSE '' END
               || coalesce(' default ' || COLUMN_DEFAULT, '')
               || CASE WHEN IS_IDENTITY = 'YES' THEN ' identity ' || IDENTITY_GENERATION ELSE '' END
               || coalesce(' comment ' || REMARKS, '')
        FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'
        """,
        "SELECT 'enum ' || OBJECT_NAME || '.' || ENUM_IDENTIFIER || ' ' || LISTAGG(VALUE_NAME, ',')"
            + " WITHIN GROUP (ORDER BY VALUE_ORDINAL) FROM INFORMATION_SCHEMA.ENUM_VALUES"
            + " WHERE OBJECT_SCHEMA = 'PUBLIC' GROUP BY OBJECT_NAME, ENUM_IDENTIFIER",
        "SELECT 'table ' || TABLE_NAME || coalesce(' comment ' || REMARKS, '') FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_SCHEMA = 'PUBLIC'",
        """
        SELECT 'constraint ' || t.TABLE_NAME || '.' || t.CONSTRAINT_NAME || ' ' || t.CONSTRAINT_TYPE || ' ('
               || coalesce((SELECT LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY k.ORDINAL_POSITION)
                            FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
                            WHERE k.CONSTRAINT_NAME = t.CONSTRAINT_NAME AND k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA), '')
               || ')' || coalesce(' ' || c.CHECK_CLAUSE, '')
               || coalesce(' references ' || (SELECT u.TABLE_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS u
                            WHERE u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME AND u.CONSTRAINT_SCHEMA = 'PUBLIC')
                            || ' on delete ' || r.DELETE_RULE, '')
        FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t
        LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c
               ON c.CONSTRAINT_NAME = t.CONSTRAINT_NAME AND c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA
        LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r
               ON r.CONSTRAINT_NAME = t.CONSTRAINT_NAME AND r.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA
        WHERE t.CONSTRAINT_SCHEMA = 'PUBLIC'
        """,
        """
        SELECT 'index ' || i.TABLE_NAME || '.' || i.INDEX_NAME || ' ' || i.INDEX_TYPE_NAME || ' ('
               || (SELECT LISTAGG(c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION, ',')
                   WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEX_COLUMNS c
                   WHERE c.INDEX_NAME = i.INDEX_NAME AND c.INDEX_SCHEMA = i.INDEX_SCHEMA) || ')'
        FROM INFORMATION_SCHEMA.INDEXES i WHERE i.INDEX_SCHEMA = 'PUBLIC'
        AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t
                        WHERE t.INDEX_NAME = i.INDEX_NAME AND t.INDEX_SCHEMA = i.INDEX_SCHEMA)
        """,
        "SELECT 'sequence ' || SEQUENCE_NAME || ' start ' || START_VALUE || ' increment ' || INCREMENT"
            + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC'"
            + " AND SEQUENCE_NAME NOT LIKE 'SYSTEM_SEQUENCE%'",
        "SELECT 'domain ' || d.DOMAIN_NAME || ' ' || d.DATA_TYPE || coalesce('(' || d.CHARACTER_MAXIMUM_LENGTH || ')', '')"
            + " || coalesce(' ' || (SELECT LISTAGG(c.CHECK_CLAUSE, ' and ') FROM INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS dc"
            + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c ON c.CONSTRAINT_NAME = dc.CONSTRAINT_NAME"
            + " AND c.CONSTRAINT_SCHEMA = dc.CONSTRAINT_SCHEMA WHERE dc.DOMAIN_NAME = d.DOMAIN_NAME), '')"
            + " FROM INFORMATION_SCHEMA.DOMAINS d WHERE d.DOMAIN_SCHEMA = 'PUBLIC'",
    };

    private H2Catalog() {
    }

    /** Every object, sorted. */
    static List<String> dump(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        if (rs.getString(1).matches("\\w+ HTE?_.*")) {
                            continue; // Hibernate's global temporary tables for bulk mutations, not the mapping
                        }
                        lines.add(rs.getString(1).replaceAll("CONSTRAINT_[0-9A-F]+", "CONSTRAINT_*"));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
