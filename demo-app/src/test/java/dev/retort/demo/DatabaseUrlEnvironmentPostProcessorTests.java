package dev.retort.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code DATABASE_URL} as the seeds' projects write it becomes Spring's datasource properties. */
class DatabaseUrlEnvironmentPostProcessorTests {

    private final DatabaseUrlEnvironmentPostProcessor processor = new DatabaseUrlEnvironmentPostProcessor();

    /** An environment with these environment variables and an application.yml pointing at H2. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of("spring.datasource.url", "jdbc:h2:mem:retort_demo")));
        return environment;
    }

    @Test
    void pythonStyleUrlGivesUrlUserAndPasswordOverApplicationYml() {
        StandardEnvironment environment = environment(
                Map.of("DATABASE_URL", "postgresql://app:s%40cret@db.internal:5433/fleet?sslmode=require"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.internal:5433/fleet?sslmode=require");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s@cret");
    }

    @Test
    void jdbcUrlIsTakenAsItIs() {
        StandardEnvironment environment = environment(
                Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/retort_demo?user=postgres"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/retort_demo?user=postgres");
        assertThat(environment.containsProperty("spring.datasource.username")).isFalse();
    }

    @Test
    void explicitDatasourcePropertiesStillWin() {
        StandardEnvironment environment = environment(Map.of("DATABASE_URL", "postgresql://app@db/fleet",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://other/db"));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
                Map.of("spring.datasource.username", "owner")));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://other/db");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("owner");
    }

    @Test
    void withoutDatabaseUrlNothingChanges() {
        StandardEnvironment environment = environment(Map.of("DATABASE_URL", " "));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(DatabaseUrlEnvironmentPostProcessor.PROPERTY_SOURCE))
                .isFalse();
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:mem:retort_demo");
    }

    @Test
    void unsupportedUrlFailsWithoutShowingThePassword() {
        StandardEnvironment environment = environment(Map.of("DATABASE_URL", "mysql://app:hunter2@db/fleet"));

        assertThatIllegalStateException()
                .isThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .withMessageStartingWith("DATABASE_URL: Unsupported database URL 'mysql://app:***@db/fleet'")
                .withMessageNotContaining("hunter2");
    }
}
