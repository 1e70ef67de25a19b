package dev.retort.demo;

import static dev.retort.demo.DemoPostgresTests.texts;
import static dev.retort.demo.Revisions.ADD_CLEANUP;
import static dev.retort.demo.Revisions.ADD_HOSTNAME;
import static dev.retort.demo.Revisions.MERGE;
import static dev.retort.demo.Revisions.PRIORITY;
import static dev.retort.demo.Revisions.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo stopped short of its head ({@code migrations.target} names the cleanup revision): the app runs, but
 * the readiness group is OUT_OF_SERVICE and both the health details and {@code /actuator/migrations} list the
 * pending revisions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "migrations.target=" + ADD_CLEANUP,
        // The entities map worker.hostname, which a pending revision adds, so validation would (rightly) fail
        // startup; here the app must come up on the older schema to report what is pending.
        "spring.jpa.hibernate.ddl-auto=none"})
@DirtiesContext
class DemoPendingRevisionTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", () -> db.password() == null ? "" : db.password());
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void upgradedOnlyAsFarAsTheTarget() throws SQLException {
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly(ADD_CLEANUP);
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'worker'"
                + " ORDER BY ordinal_position")).containsExactly("id", "name", "status", "created_at");
    }

    @Test
    void readinessIsOutOfServiceWhileRevisionsArePending() {
        Http.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
        JsonNode migrations = readiness.json().at("/components/migrations");
        assertThat(migrations.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
        assertThat(texts(migrations.at("/details/current"))).containsExactly(ADD_CLEANUP);
        assertThat(texts(migrations.at("/details/heads"))).containsExactly(PRIORITY);
        assertThat(texts(migrations.at("/details/pending"))).containsExactly(ADD_HOSTNAME, MERGE, SEED, PRIORITY);

        Http.Response indicator = http.get("/actuator/health/migrations");
        assertThat(indicator.status()).isEqualTo(503);
        assertThat(indicator.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");

        // pending revisions make the app unready, not dead: nothing should restart it
        Http.Response liveness = http.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
    }

    @Test
    void migrationsEndpointListsThePendingRevisions() {
        Http.Response response = http.get("/actuator/migrations");

        assertThat(response.status()).isEqualTo(200);
        JsonNode retort = response.json().get("contexts").values().iterator().next().at("/migrationsBeans/retort");
        assertThat(retort.get("upToDate").asBoolean()).isFalse();
        assertThat(texts(retort.get("current"))).containsExactly(ADD_CLEANUP);
        assertThat(texts(retort.get("pending"))).containsExactly(ADD_HOSTNAME, MERGE, SEED, PRIORITY);
        assertThat(retort.get("history").valueStream()
                .map(r -> r.get("revision").asString() + " " + r.get("state").asString()
                        + (r.has("appliedAt") ? " applied-at" : ""))).containsExactly(
                                PRIORITY + " pending",
                                SEED + " pending",
                                MERGE + " pending",
                                ADD_HOSTNAME + " pending",
                                ADD_CLEANUP + " current applied-at",
                                Revisions.CREATE_JOB + " applied applied-at",
                                Revisions.CREATE_WORKER + " applied applied-at");
    }
}
