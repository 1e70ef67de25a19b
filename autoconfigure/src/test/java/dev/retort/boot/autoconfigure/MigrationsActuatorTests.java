package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.boot.actuate.MigrationsEndpoint;
import dev.retort.boot.actuate.MigrationsEndpoint.MigrationsDescriptor;
import dev.retort.boot.actuate.MigrationsEndpoint.RevisionDescriptor;
import dev.retort.boot.actuate.MigrationsMetrics;
import dev.retort.test.PostgresDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** /actuator/migrations, the migrations health indicator, and the meters. */
class MigrationsActuatorTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigrationsAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
                    MigrationsHealthContributorAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                    "spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                    "migrations.enabled=true");

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    @Test
    void endpointIsNotThereUnlessExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
    }

    @Test
    void endpointIsThereWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
                .run(context -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
    }

    @Test
    void endpointCanBeSwitchedOff() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrations",
                "management.endpoint.migrations.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
    }

    @Test
    void endpointReportsCurrentPendingAndHistoryPerBean() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.target=a1")
                .run(context -> {
                    MigrationsDescriptor bean = context.getBean(MigrationsEndpoint.class).migrations().contexts()
                            .get(context.getId()).migrationsBeans().get("retort");
                    assertThat(bean.current()).containsExactly("a1");
                    assertThat(bean.heads()).containsExactly("a2");
                    assertThat(bean.pending()).containsExactly("a2");
                    assertThat(bean.upToDate()).isFalse();
                    assertThat(bean.history()).extracting(RevisionDescriptor::revision, RevisionDescriptor::state,
                            RevisionDescriptor::isHead).containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("a2", "pending", true),
                                    org.assertj.core.groups.Tuple.tuple("a1", "current", false));
                    RevisionDescriptor a1 = bean.history().get(1);
                    assertThat(a1.message()).isEqualTo("create note table");
                    assertThat(a1.script()).isEqualTo("classpath:db/migrations/a1_create_note.sql");
                    assertThat(a1.createDate()).isEqualTo("2025-10-24 17:40:00.123456");
                    assertThat(a1.appliedBy()).isEqualTo(db.user());
                    assertThat(a1.appliedAt()).isNotNull();
                    assertThat(a1.executionTimeMs()).isNotNull();
                    assertThat(a1.checksumMatches()).isTrue();
                    assertThat(bean.history().get(0).appliedAt()).isNull();
                    assertThat(bean.history().get(0).checksumMatches()).isNull();
                });
    }

    @Test
    void healthIsUpAtTheHeads() {
        runner.run(context -> {
            HealthIndicator health = (HealthIndicator) context.getBean("migrationsHealthContributor",
                    HealthContributor.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void healthIsOutOfServiceWhileRevisionsArePending() {
        runner.withPropertyValues("migrations.target=a1").run(context -> {
            var health = ((HealthIndicator) context.getBean("migrationsHealthContributor")).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails()).containsEntry("pending", java.util.List.of("a2"));
        });
    }

    @Test
    void healthIsDownWhenTheStateCantBeRead() {
        runner.run(context -> {
            db.execute("UPDATE alembic_version SET version_num = 'deadbeef0000'");
            var health = ((HealthIndicator) context.getBean("migrationsHealthContributor")).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error").toString())
                    .contains("Can't locate revision identified by 'deadbeef0000'");
        });
    }

    @Test
    void endpointAndHealthShowAnAppliedScriptThatNoLongerMatchesItsChecksum() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrations").run(context -> {
            // as if a1's script had been edited after it ran
            db.execute("UPDATE alembic_version_log SET checksum = repeat('0', 64) WHERE revision = 'a1'");
            MigrationsDescriptor bean = context.getBean(MigrationsEndpoint.class).migrations().contexts()
                    .get(context.getId()).migrationsBeans().get("retort");
            assertThat(bean.history()).extracting(RevisionDescriptor::revision, RevisionDescriptor::checksumMatches)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a2", true),
                            org.assertj.core.groups.Tuple.tuple("a1", false));
            var health = ((HealthIndicator) context.getBean("migrationsHealthContributor")).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("modified", java.util.List.of("a1"));
        });
    }

    @Test
    void endpointAndHealthShowARevisionWhoseUpgradeFailedPartWay() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.target=a1")
                .run(context -> {
                    // as if another instance's upgrade to a2, run outside a transaction, had failed after its first
                    // statement: the audit row Retort writes then
                    db.execute("INSERT INTO alembic_version_log (revision, direction, from_revisions, to_revisions,"
                            + " script, checksum, applied_at, execution_time_ms, applied_by, applied_statements)"
                            + " VALUES ('a2', 'failed', 'a1', 'a1', 'classpath:db/migrations/a2_add_author.sql', repeat('0', 64),"
                            + " TIMESTAMPTZ '2026-12-02 21:15:00+00', 12, current_user, 1)");
                    MigrationsDescriptor bean = context.getBean(MigrationsEndpoint.class).migrations().contexts()
                            .get(context.getId()).migrationsBeans().get("retort");
                    assertThat(bean.pending()).containsExactly("a2");
                    assertThat(bean.partlyApplied()).containsExactly("a2");
                    assertThat(bean.history()).extracting(RevisionDescriptor::revision, RevisionDescriptor::state,
                            RevisionDescriptor::appliedStatements, RevisionDescriptor::failedAt).containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("a2", "pending", 1,
                                            java.time.Instant.parse("2026-12-02T21:15:00Z")),
                                    org.assertj.core.groups.Tuple.tuple("a1", "current", null, null));
                    var health = ((HealthIndicator) context.getBean("migrationsHealthContributor")).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(health.getDetails()).containsEntry("pending", java.util.List.of("a2"))
                            .containsEntry("partlyApplied", java.util.List.of("a2"));
                });
    }

    @Test
    void healthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.migrations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
    }

    @Test
    void metersCountPendingAndAppliedRevisionsAndTimeTheRun() {
        runner.withPropertyValues("migrations.target=a1").run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(MigrationsMetrics.class).bindTo(registry);
            System.gc(); // the gauges must outlive a collection (Micrometer holds gauge state weakly by default)
            assertThat(registry.get("migrations.pending").tag("name", "retort").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("migrations.applied").tag("name", "retort").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("migrations.run").tag("name", "retort").timer().count()).isEqualTo(1);
        });
    }
}
