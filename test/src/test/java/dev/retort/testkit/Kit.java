package dev.retort.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.retort.RetortConfig;
import dev.retort.schema.Schema;
import dev.retort.test.PostgresServer;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * One broken (or sound) history for the kit's own tests: revision files in a directory, a fresh PostgreSQL database,
 * and a way to run a fixture class implementing {@link MigrationTests} through the JUnit Platform and read each
 * test's outcome.
 */
final class Kit implements AutoCloseable {

    /** The configuration the fixture classes register; set before each fixture runs. */
    static volatile RetortConfig config;

    final RevisionFiles files;
    private final PostgresServer server;
    private final String database;

    Kit(Path directory) throws SQLException {
        this.files = new RevisionFiles(directory);
        this.server = PostgresServer.get();
        this.database = "retort_t_kit_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
    }

    /** The entities' schema the fixture compares with, or {@code null}. */
    Schema target;

    RetortConfig config() {
        RetortConfig.Builder builder = RetortConfig.builder().url(server.url(database)).user(server.user())
                .password(server.password()).locations(files.location()).output(line -> { });
        if (target != null) {
            Schema schema = target;
            builder.targetSchema(() -> schema);
        }
        return builder.build();
    }

    /** The path of a revision file as failures print it. */
    String path(String fileName) {
        return files.directory().resolve(fileName).toString();
    }

    /** Runs every test of the fixture class; test method name to outcome. */
    Map<String, String> run(Class<?> fixture) {
        config = config();
        return outcomes(EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .allEvents().list());
    }

    /** Runs one test method of the fixture class (all built-in tests take a MigrationRunner). */
    String runOne(Class<?> fixture, String method) {
        config = config();
        return outcomes(EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(fixture, method, MigrationRunner.class.getName())).execute()
                .allEvents().list()).get(method);
    }

    private static Map<String, String> outcomes(List<Event> events) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Event event : events) {
            if (!(event.getTestDescriptor().getSource().orElse(null) instanceof MethodSource source)) {
                if (event.getType() == EventType.FINISHED) {
                    TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        out.put("<class>", result.getStatus() + ": " + result.getThrowable().map(Throwable::getMessage)
                                .orElse(""));
                    }
                }
                continue;
            }
            String name = source.getMethodName();
            if (event.getType() == EventType.SKIPPED) {
                out.put(name, "SKIPPED: " + event.getRequiredPayload(String.class));
            } else if (event.getType() == EventType.FINISHED) {
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                out.put(name, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "SUCCESSFUL"
                        : result.getStatus() + ": " + result.getThrowable().map(Kit::describe).orElse(""));
            }
        }
        return out;
    }

    private static String describe(Throwable e) {
        return e instanceof MigrationTestFailure ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The first column of each row of a query on the fixture's database. */
    List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = server.connect(database); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
