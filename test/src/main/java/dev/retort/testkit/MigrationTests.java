package dev.retort.testkit;

import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tests every revision history should pass, as default {@code @Test} methods (pytest-alembic's built-in tests,
 * and more). Implement it in one test class:
 *
 * <pre>{@code
 * @SpringBootTest
 * class MigrationHistoryTests implements MigrationTests {
 * }
 * }</pre>
 *
 * <p>In a Spring test the tests use the application's {@code Retort} bean and its database. Without Spring, register
 * the history and database on the class: {@code @RegisterExtension static RetortExtension retort =
 * RetortExtension.of(config);}. Tests that migrate start from base (downgrading first if the database is not
 * empty) and, when they pass, put the database back where it was.
 *
 * <p>Switch a test off by overriding it with {@code @Test @Disabled("why")}; configure them by overriding
 * {@link #minimumDowngradeRevision()}, {@link #skipRevisions()} and {@link #checkDangerousOperations()}.
 */
@ExtendWith(RetortExtension.class)
// cheap checks first, and the upgrade before the stairway, so a broken downgrade fails the stairway and not upgrade
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public interface MigrationTests {

    /**
     * The lowest revision whose downgrade is not tested: it and its ancestors stay applied in
     * {@link #upDownConsistency}. {@code null} (the default) tests every downgrade.
     */
    default String minimumDowngradeRevision() {
        return null;
    }

    /**
     * Revisions the per-revision checks ({@link #downgradeLeavesNoTrace}, {@link #noDangerousOperations}) leave out.
     */
    default Set<String> skipRevisions() {
        return Set.of();
    }

    /** Whether {@link #noDangerousOperations} runs; off by default (it is skipped). */
    default boolean checkDangerousOperations() {
        return false;
    }

    /** There is exactly one head: parallel branches have been merged. */
    @Test
    @Order(1)
    default void singleHeadRevision(MigrationRunner runner) {
        new MigrationChecks(runner).singleHeadRevision();
    }

    /** The whole history upgrades an empty database to the heads. */
    @Test
    @Order(2)
    default void upgrade(MigrationRunner runner) {
        new MigrationChecks(runner).upgrade();
    }

    /**
     * After {@link #upgrade}, autogenerate finds no difference between the database and the entities (the target
     * schema the application configures, e.g. from its Hibernate entities): no entity changed without a revision.
     * Skipped when no target schema is configured.
     */
    @Test
    @Order(3)
    default void modelDefinitionsMatchDdl(MigrationRunner runner) {
        java.util.function.Supplier<dev.retort.schema.Schema> target = runner.retort().config().targetSchema();
        Assumptions.assumeTrue(target != null, "no target schema: the Retort has no entities to compare with"
                + " (RetortConfig.Builder.targetSchema, set by the Spring Boot starter when Hibernate is present)");
        new MigrationChecks(runner).upgrade();
        ModelComparison.check(runner, target.get());
    }

    /**
     * The stairway: each revision upgrades on its own from base to the heads, each downgrades on its own back to base
     * (or to {@link #minimumDowngradeRevision()}), and each upgrades again, across branches and merges.
     */
    @Test
    @Order(4)
    default void upDownConsistency(MigrationRunner runner) {
        new MigrationChecks(runner).upDownConsistency(minimumDowngradeRevision());
    }

    /**
     * For each revision: the schema after its upgrade and downgrade equals the schema before (tables, columns,
     * indexes, foreign keys, sequences, views, enum types), naming what the downgrade left behind.
     */
    @Test
    @Order(5)
    default void downgradeLeavesNoTrace(MigrationRunner runner) {
        new MigrationChecks(runner).downgradeLeavesNoTrace(minimumDowngradeRevision(), skipRevisions());
    }

    /** No revision the database ran was edited since: its SQL still has the checksum recorded when it ran. */
    @Test
    @Order(6)
    default void checksumsMatch(MigrationRunner runner) {
        new MigrationChecks(runner).checksumsMatch();
    }

    /**
     * Opt-in ({@link #checkDangerousOperations()}): no revision takes a lock on PostgreSQL that blocks traffic for
     * long when a safe alternative exists.
     */
    @Test
    @Order(7)
    default void noDangerousOperations(MigrationRunner runner) {
        Assumptions.assumeTrue(checkDangerousOperations(), "off by default; override checkDangerousOperations() to"
                + " return true to run it");
        new DangerousOperations(runner, skipRevisions()).check();
    }
}
