package dev.retort.demo;

import dev.retort.testkit.MigrationTests;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo's revision history passes the migration test kit on the demo's own database, H2 (a database of its own, so
 * the other H2 tests never see the stairway's moves): one head, upgrades from empty, the entities match what the
 * revisions made, every downgrade works and undoes its upgrade exactly, and no applied script was edited.
 */
// a DATABASE_URL in the developer's environment would move the app off H2
@SpringBootTest(properties = {"DATABASE_URL=", "spring.datasource.url=jdbc:h2:mem:retort_history;DB_CLOSE_DELAY=-1"})
class MigrationHistoryTests implements MigrationTests {
}
