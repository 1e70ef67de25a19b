package dev.retort.boot.actuate;

import dev.retort.MigrationResult;
import dev.retort.MigrationStatus;
import dev.retort.Retort;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Micrometer meters for each Retort bean (tag {@code name}: the bean name): gauges {@code migrations.pending} and
 * {@code migrations.applied}, and the timer {@code migrations.run} of the startup upgrade. The gauges read the
 * database at most once per five seconds.
 */
public class MigrationsMetrics implements MeterBinder {

    private static final Duration CACHE = Duration.ofSeconds(5);

    private final Map<String, Retort> retorts;
    private final Function<String, MigrationResult> results;

    /**
     * @param retorts the Retort beans by name
     * @param results the startup run of a bean, or {@code null} when there was none
     */
    public MigrationsMetrics(Map<String, Retort> retorts, Function<String, MigrationResult> results) {
        this.retorts = retorts;
        this.results = results;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        retorts.forEach((name, retort) -> {
            Tags tags = Tags.of("name", name);
            CachedStatus status = new CachedStatus(retort);
            // strong references: nothing else holds the status, and a gauge's weak one would let GC turn it NaN
            Gauge.builder("migrations.pending", status, s -> s.get().pending().size()).tags(tags)
                    .description("Revisions 'upgrade heads' would run").strongReference(true).register(registry);
            Gauge.builder("migrations.applied", status, s -> s.get().appliedCount()).tags(tags)
                    .description("Revisions applied to the database").strongReference(true).register(registry);
            MigrationResult result = results.apply(name);
            if (result != null) {
                Timer.builder("migrations.run").tags(tags).tag("outcome", "success")
                        .description("Duration of the startup migration run").register(registry)
                        .record(result.millis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The status, read again when older than the cache period (a failed read makes the gauge NaN). */
    private static final class CachedStatus {

        private final Retort retort;
        private MigrationStatus status;
        private long readAt;

        CachedStatus(Retort retort) {
            this.retort = retort;
        }

        synchronized MigrationStatus get() {
            long now = System.nanoTime();
            if (status == null || now - readAt > CACHE.toNanos()) {
                status = retort.status();
                readAt = now;
            }
            return status;
        }
    }
}
