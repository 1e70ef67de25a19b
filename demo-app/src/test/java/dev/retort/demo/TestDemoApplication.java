package dev.retort.demo;

import org.springframework.boot.SpringApplication;

/**
 * The demo on a PostgreSQL container instead of H2, for local development: run this class from the IDE, or
 * {@code mvn -pl demo-app spring-boot:test-run}. Retort migrates the container's database at start-up like any other.
 */
public class TestDemoApplication {

    public static void main(String[] args) {
        SpringApplication.from(DemoApplication::main).with(PostgresContainerConfiguration.class).run(args);
    }
}
