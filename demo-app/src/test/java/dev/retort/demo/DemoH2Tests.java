package dev.retort.demo;

import static dev.retort.demo.Revisions.HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** The demo with its own configuration: H2 in memory, no set-up, the H2 revisions, the same entities. */
// a DATABASE_URL in the developer's environment would move the app off H2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "DATABASE_URL=")
@DirtiesContext
class DemoH2Tests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void startsOnH2InMemoryMigratedToTheHead() {
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        assertThat(url).startsWith("jdbc:h2:mem:retort_demo");
        assertThat(jdbc.queryForList("SELECT version_num FROM alembic_version", String.class)).containsExactly(HEAD);

        Http.Response health = http.get("/actuator/health/readiness");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/migrations/status").asString()).isEqualTo("UP");
        JsonNode script = http.get("/actuator/migrations").json().get("contexts").values().iterator().next()
                .at("/migrationsBeans/retort/history/4/script");
        assertThat(script.asString())
                .isEqualTo("classpath:db/migrations/h2/20251104_1530_e03b7d9a6f21_add_cleanup_job_type.sql");
    }

    @Test
    void servesWorkersAndTakesJobsOfTheAddedType() {
        Http.Response workers = http.get("/workers");
        assertThat(workers.status()).isEqualTo(200);
        assertThat(workers.json().valueStream().map(w -> w.get("name").asString()))
                .containsExactly("runner-1", "runner-2", "runner-3");

        Http.Response job = http.post("/jobs", "{\"type\": \"cleanup\"}");
        assertThat(job.status()).as(job.body()).isEqualTo(201);
        assertThat(job.json().get("workerName").asString()).isEqualTo("runner-1");
    }

    @Test
    void domainRefusesLabelsTheEnumDoesNotHave() {
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> jdbc.update("INSERT INTO job (type) VALUES ('nightly')"))
                // the domain's check, as the later revision redefined it
                .withMessageContaining("VALUE IN('build', 'test', 'deploy', 'cleanup')");
    }
}
