package dev.retort.demo;

import dev.retort.test.PostgresDatabase;
import dev.retort.testkit.MigrationTests;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's revision history passes the migration test kit on PostgreSQL, where its revisions differ (an enum type,
 * a value added outside a transaction), including the opt-in check for statements that lock tables.
 */
@SpringBootTest
@DirtiesContext
class MigrationHistoryPostgresTests implements MigrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Override
    public boolean checkDangerousOperations() {
        return true;
    }

    @Override
    public Set<String> skipRevisions() {
        // checked: 'add worker hostname' indexes worker, a table of a few rows per CI cluster, so the plain
        // CREATE UNIQUE INDEX holds its lock for milliseconds
        return Set.of(Revisions.ADD_HOSTNAME);
    }
}
