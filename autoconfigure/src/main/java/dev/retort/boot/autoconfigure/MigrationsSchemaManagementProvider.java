package dev.retort.boot.autoconfigure;

import dev.retort.Retort;
import java.sql.DatabaseMetaData;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Tells Hibernate's auto-configuration that Retort manages the schema of a DataSource it migrates, so Spring Boot
 * doesn't default an embedded database to {@code create-drop}. A dedicated migration DataSource counts when it
 * points at the same database URL.
 */
class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

    private final ObjectProvider<Retort> retorts;

    MigrationsSchemaManagementProvider(ObjectProvider<Retort> retorts) {
        this.retorts = retorts;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return retorts.orderedStream().map(r -> r.config().dataSource()).filter(Objects::nonNull)
                .anyMatch(migrated -> sameDatabase(migrated, dataSource)) ? SchemaManagement.MANAGED
                : SchemaManagement.UNMANAGED;
    }

    private static boolean sameDatabase(DataSource migrated, DataSource used) {
        if (migrated.equals(used) || unwrap(migrated).equals(unwrap(used))) {
            return true;
        }
        String url = url(migrated);
        return url != null && url.equals(url(used));
    }

    private static DataSource unwrap(DataSource dataSource) {
        DataSource target = DataSourceUnwrapper.unwrap(dataSource, DataSource.class);
        return target != null ? target : dataSource;
    }

    private static String url(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
        } catch (MetaDataAccessException e) {
            return null;
        }
    }
}
