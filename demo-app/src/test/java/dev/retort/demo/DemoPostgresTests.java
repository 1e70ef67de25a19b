package dev.retort.demo;

import static dev.retort.demo.Revisions.ADD_CLEANUP;
import static dev.retort.demo.Revisions.ADD_HOSTNAME;
import static dev.retort.demo.Revisions.HEAD;
import static dev.retort.demo.Revisions.HISTORY;
import static dev.retort.demo.Revisions.MERGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo on a fresh PostgreSQL database, as it starts for users: the revisions run before Hibernate validates,
 * the actuator reports them over HTTP, and the REST endpoints work on the schema they made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DemoPostgresTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    /** Sent to a server that trusts its clients (and ignores it), to show that no response repeats it. */
    private static final String UNUSED_PASSWORD = "demo-Pa55word-never-shown";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", () -> db.password() == null ? UNUSED_PASSWORD : db.password());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void revisionsRanBeforeHibernateValidatedTheSchema() throws SQLException {
        // the context is up, so Hibernate found every table, column and type the entities need
        assertThat(entityManagerFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
        assertThat(jdbc.queryForList("SELECT version_num FROM alembic_version", String.class)).containsExactly(HEAD);
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log", "job", "worker");
        assertThat(enumLabels("worker_status")).containsExactly("idle", "busy", "offline");
        assertThat(enumLabels("job_type")).containsExactly("build", "test", "deploy", "cleanup");
        assertThat(db.column("SELECT udt_name FROM information_schema.columns WHERE table_name = 'job'"
                + " AND column_name = 'type'")).containsExactly("job_type");
        assertThat(db.column("SELECT revision FROM alembic_version_log ORDER BY id")).hasSize(HISTORY.size())
                .containsExactlyInAnyOrderElementsOf(HISTORY);
    }

    @Test
    void migrationsEndpointDescribesEveryRevisionButNoSqlOrCredentials() {
        Http.Response response = http.get("/actuator/migrations");

        assertThat(response.status()).isEqualTo(200);
        JsonNode contexts = response.json().get("contexts");
        assertThat(contexts.propertyNames()).hasSize(1);
        JsonNode retort = contexts.values().iterator().next().get("migrationsBeans").get("retort");
        assertThat(texts(retort.get("current"))).containsExactly(HEAD);
        assertThat(texts(retort.get("heads"))).containsExactly(HEAD);
        assertThat(texts(retort.get("pending"))).isEmpty();
        assertThat(texts(retort.get("partlyApplied"))).isEmpty();
        assertThat(retort.get("upToDate").asBoolean()).isTrue();

        JsonNode history = retort.get("history");
        assertThat(history.valueStream().map(r -> r.get("revision").asString())).containsExactlyElementsOf(HISTORY);
        for (JsonNode revision : history) {
            assertThat(revision.propertyNames()).containsExactlyInAnyOrder("revision", "downRevisions",
                    "branchLabels", "dependsOn", "message", "createDate", "script", "state", "isHead", "appliedAt",
                    "executionTimeMs", "appliedBy", "checksumMatches");
            assertThat(revision.get("state").asString()).isEqualTo(revision.get("isHead").asBoolean()
                    ? "current" : "applied");
            assertThat(revision.get("appliedAt").isNull()).isFalse();
            assertThat(revision.get("executionTimeMs").isNumber()).isTrue();
            assertThat(revision.get("appliedBy").asString()).isEqualTo(db.user());
        }
        JsonNode head = history.get(0);
        assertThat(head.get("isHead").asBoolean()).isTrue();
        assertThat(head.get("message").asString()).isEqualTo("add job priority");
        assertThat(history.get(1).get("message").asString()).isEqualTo("seed demo workers and jobs");
        JsonNode merge = history.get(2);
        assertThat(merge.get("revision").asString()).isEqualTo(MERGE);
        assertThat(texts(merge.get("downRevisions"))).containsExactly(ADD_HOSTNAME, ADD_CLEANUP);
        assertThat(merge.get("message").asString()).isEqualTo("merge hostname and cleanup job type");
        assertThat(merge.get("createDate").asString()).isEqualTo("2025-11-05 10:02:44.815092");
        assertThat(texts(merge.get("branchLabels"))).isEmpty();
        assertThat(texts(merge.get("dependsOn"))).isEmpty();
        // the PostgreSQL script of a revision written once per database
        assertThat(history.get(4).get("script").asString()).isEqualTo(
                "classpath:db/migrations/postgresql/20251104_1530_e03b7d9a6f21_add_cleanup_job_type.sql");

        assertThat(response.body()).doesNotContain("CREATE ", "INSERT ", "ALTER ", "jdbc:", UNUSED_PASSWORD);
    }

    @Test
    void healthAndReadinessShowMigrationsUp() {
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode migrations = health.json().at("/components/migrations");
        assertThat(migrations.get("status").asString()).isEqualTo("UP");
        assertThat(texts(migrations.at("/details/current"))).containsExactly(HEAD);
        assertThat(texts(migrations.at("/details/pending"))).isEmpty();

        Http.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/migrations/status").asString()).isEqualTo("UP");
    }

    @Test
    void workersAndJobsWorkOnTheMigratedSchemaIncludingTheLaterEnumValue() {
        Http.Response workers = http.get("/workers");
        assertThat(workers.status()).isEqualTo(200);
        assertThat(workers.json().valueStream().map(w -> w.get("name").asString() + " " + w.get("status").asString()))
                .containsExactly("runner-1 idle", "runner-2 busy", "runner-3 offline");

        // 'cleanup' came with ALTER TYPE job_type ADD VALUE, after the table
        Http.Response cleanup = http.post("/jobs", "{\"type\": \"cleanup\"}");
        assertThat(cleanup.status()).as(cleanup.body()).isEqualTo(201);
        JsonNode job = cleanup.json();
        assertThat(job.get("type").asString()).isEqualTo("cleanup");
        assertThat(job.get("status").asString()).isEqualTo("running");
        assertThat(job.get("workerName").asString()).isEqualTo("runner-1");
        assertThat(jdbc.queryForObject("SELECT pg_typeof(type)::text || ' ' || type::text FROM job WHERE id = ?",
                String.class, job.get("id").asLong())).isEqualTo("job_type cleanup");
        assertThat(jdbc.queryForObject("SELECT status::text FROM worker WHERE name = 'runner-1'", String.class))
                .isEqualTo("busy");

        Http.Response queued = http.post("/jobs", "{\"type\": \"deploy\"}");
        assertThat(queued.status()).isEqualTo(201);
        assertThat(queued.json().get("status").asString()).isEqualTo("queued");
        assertThat(queued.json().get("workerId").isNull()).isTrue();

        Http.Response registered = http.post("/workers", "{\"name\": \"runner-4\", \"hostname\": \"runner-4.ci\"}");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("idle");

        assertThat(http.post("/jobs", "{\"type\": \"nightly\"}").status()).isEqualTo(400);
        assertThat(http.get("/jobs").json().valueStream().map(j -> j.get("type").asString()))
                .containsExactly("build", "cleanup", "deploy", "cleanup", "deploy");
    }

    private List<String> enumLabels(String type) throws SQLException {
        return db.column("SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                + " WHERE t.typname = '" + type + "' ORDER BY e.enumsortorder");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asString()));
        return out;
    }
}
