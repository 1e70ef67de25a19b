package dev.retort.demo;

import dev.retort.DatabaseUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Lets {@code DATABASE_URL} choose the database, in the form Python tools use
 * ({@code postgresql://user:password@host:5432/db}) or as a JDBC URL: it becomes {@code spring.datasource.url},
 * {@code username} and {@code password}. It ranks with the other environment variables: above
 * {@code application.yml} (whose H2 default it replaces), below system properties and command-line arguments.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DATABASE_URL = "DATABASE_URL";

    static final String PROPERTY_SOURCE = "databaseUrl";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(DATABASE_URL);
        if (!StringUtils.hasText(url)) {
            return;
        }
        DatabaseUrl jdbc;
        try {
            jdbc = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            // the message shows the URL with its password masked
            throw new IllegalStateException(DATABASE_URL + ": " + e.getMessage(), e);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbc.jdbcUrl());
        if (jdbc.user() != null) {
            properties.put("spring.datasource.username", jdbc.user());
        }
        if (jdbc.password() != null) {
            properties.put("spring.datasource.password", jdbc.password());
        }
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE, properties);
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }
}
