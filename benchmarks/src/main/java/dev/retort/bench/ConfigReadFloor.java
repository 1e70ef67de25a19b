package dev.retort.bench;

import dev.retort.RetortConfig;
import dev.retort.cli.RetortCli;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The lowest a command mode that reads the application's configuration could reach. Started from the application
 * jar through Spring Boot's launcher like the floor, it reads the configuration as Spring Boot reads it (command-line
 * options, system properties, environment variables, {@code application.yml} through {@code ConfigData}), takes the
 * database from {@code spring.datasource.*}, and runs the CLI command on it. There is no {@code SpringApplication}:
 * no run listeners, no other environment post-processors, no {@code Binder}, no logging system (Logback's root
 * level is set to INFO so that the command logs what command mode logs).
 *
 * <p>Benchmark only. Run it with {@code -Dloader.main=dev.retort.bench.ConfigReadFloor} and {@code -Dloader.path}
 * pointing at the benchmarks' classes. Arguments: Spring options ({@code --spring.…=value}), then the CLI command.
 */
public final class ConfigReadFloor {

    private ConfigReadFloor() {
    }

    public static void main(String[] args) {
        List<String> spring = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--spring.") ? spring : command).add(arg);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        LoggingSystem.get(loader).setLogLevel(null, LogLevel.INFO);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(spring.toArray(String[]::new)));
        ConfigurationPropertySources.attach(environment);
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        RetortConfig config = RetortConfig.builder()
                .url(environment.getRequiredProperty("spring.datasource.url"))
                .user(environment.getProperty("spring.datasource.username"))
                .password(environment.getProperty("spring.datasource.password"))
                .dialect("postgresql")
                .locations("classpath:db/migrations/common,classpath:db/migrations/postgresql")
                .classLoader(loader)
                .build();
        int code = RetortCli.runEmbedded(command.toArray(String[]::new), System.out, System.err, config,
                "config-read floor");
        System.out.flush();
        System.exit(code);
    }
}
