package dev.retort.testkit;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives test methods a {@link MigrationRunner} on a revision history and a database, and puts the database back
 * where it was after each test. Without Spring, register it with the configuration of the history to test:
 *
 * <pre>{@code
 * class MigrationHistoryTests implements MigrationTests {
 *     @RegisterExtension
 *     static RetortExtension retort = RetortExtension.of(RetortConfig.builder()
 *             .url("jdbc:postgresql://localhost:5432/app_test").user("app")
 *             .locations("classpath:db/migrations")
 *             .build());
 * }
 * }</pre>
 *
 * <p>Registered without a configuration (as {@link MigrationTests} does), it takes the {@code Retort} bean of the
 * Spring application context of a Spring test. One extension reads the scripts once for all of a class's tests.
 */
public final class RetortExtension implements ParameterResolver, AfterEachCallback {

    private static final Logger log = LoggerFactory.getLogger("retort.testkit");
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RetortExtension.class);

    private final RetortConfig config;
    private Retort retort;
    private DataSource dataSource;

    /** From the Spring application context of the test, or deferring to one registered with a configuration. */
    public RetortExtension() {
        this.config = null;
    }

    private RetortExtension(RetortConfig config, Retort retort) {
        this.config = config;
        this.retort = retort;
        if (retort != null) {
            this.dataSource = retort.config().dataSource();
        }
    }

    /**
     * For the history and database of {@code config}. A JDBC URL gets one connection the tests reuse (closed when the
     * tests of the class are done); a DataSource is used as it is.
     */
    public static RetortExtension of(RetortConfig config) {
        return new RetortExtension(Objects.requireNonNull(config, "config"), null);
    }

    /** For an existing Retort, which must be configured with a DataSource. */
    public static RetortExtension of(Retort retort) {
        if (retort.config().dataSource() == null) {
            throw new IllegalArgumentException("RetortExtension.of(Retort) needs a Retort configured with a DataSource;"
                    + " pass the RetortConfig instead: RetortExtension.of(config)");
        }
        return new RetortExtension(retort.config(), retort);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MigrationRunner.class && active(context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return runner(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!active(context)) {
            return;
        }
        MigrationRunner runner = context.getStore(NAMESPACE).get(MigrationRunner.class, MigrationRunner.class);
        if (runner == null) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            // left where the failure happened: the failure says why, and the next test starts from base anyway
            return;
        }
        try {
            runner.restore();
        } catch (RuntimeException e) {
            // a history whose downgrade is broken can't go back; the test that covers downgrades says so
            log.warn("Could not put the test database back at the revisions it was at before {}: {}",
                    context.getDisplayName(), MigrationChecks.message(e));
        }
    }

    /** The runner of the current test, created on first use. */
    MigrationRunner runner(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(MigrationRunner.class, key -> {
            init(context);
            return new MigrationRunner(retort, dataSource);
        }, MigrationRunner.class);
    }

    /**
     * A configured extension is always the active one; an unconfigured one (from {@link MigrationTests}) steps aside
     * when the test class registers a configured one.
     */
    private boolean active(ExtensionContext context) {
        if (config != null) {
            return true;
        }
        Class<?> testClass = context.getRequiredTestClass();
        List<Field> registered = AnnotationSupport.findAnnotatedFields(testClass, RegisterExtension.class,
                f -> RetortExtension.class.isAssignableFrom(f.getType()), HierarchyTraversalMode.TOP_DOWN);
        return registered.isEmpty();
    }

    private synchronized void init(ExtensionContext context) {
        if (retort != null) {
            return;
        }
        if (config == null) {
            retort = SpringSupport.retort(context);
            dataSource = retort.config().dataSource();
            if (dataSource == null) {
                dataSource = ConnectionDataSource.forConfig(retort.config(), context);
            }
            return;
        }
        if (config.dataSource() != null) {
            dataSource = config.dataSource();
            retort = new Retort(config);
        } else {
            if (!config.hasDatabase()) {
                throw new ParameterResolutionException("RetortExtension.of(config): the configuration has no"
                        + " database; give it a url(...) or dataSource(...)");
            }
            dataSource = ConnectionDataSource.forConfig(config, context);
            retort = new Retort(config.toBuilder().dataSource(dataSource).build());
        }
    }
}
