package dev.retort.bench;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.RetortConfig;

/**
 * Retort's {@code upgrade heads} as a small Spring-less program: with nothing pending it is benchmark 2's
 * up-to-date check, on an empty database benchmark 3's apply.
 *
 * <p>Arguments: {@code JDBC_URL DIR EXPECTED_STEPS [WARM]}. {@code -Dbench.perMigration=true} commits per
 * revision; {@code -Dbench.trace=true} times every database call and the script loading.
 */
public final class RetortMigrate {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        String url = args[0];
        String dir = args[1];
        int expected = Integer.parseInt(args[2]);
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Child.setUpLogging();
        boolean trace = Child.trace();
        TimingDataSource timing = trace ? new TimingDataSource(url, Child.USER, Child.PASSWORD, t0) : null;
        Retort retort = new Retort(config(url, dir, timing));
        if (trace) {
            long s0 = System.nanoTime();
            retort.scripts();
            Child.result("phase_load_scripts", Child.ms(System.nanoTime() - s0));
        }
        long u0 = System.nanoTime();
        MigrationResult result = retort.upgrade("heads");
        long t1 = System.nanoTime();
        if (result.steps().size() != expected) {
            Child.fail("expected " + expected + " steps, ran " + result.steps().size());
        }
        Child.result("cold_ms", Child.ms(t1 - t0));
        if (trace) {
            Child.result("phase_upgrade", Child.ms(t1 - u0));
            Child.result("reported_millis", result.millis());
            timing.print();
        }
        for (int i = 0; i < warm; i++) {
            long w0 = System.nanoTime();
            MigrationResult r = new Retort(config(url, dir, null)).upgrade("heads");
            long w1 = System.nanoTime();
            if (!r.steps().isEmpty()) {
                Child.fail("warm check ran steps");
            }
            Child.result("warm_ms", Child.ms(w1 - w0));
            // the same instance again: scripts and graph already loaded, database work only
            long r0 = System.nanoTime();
            retort.upgrade("heads");
            Child.result("warm_reused_ms", Child.ms(System.nanoTime() - r0));
        }
    }

    private static RetortConfig config(String url, String dir, TimingDataSource timing) {
        RetortConfig.Builder builder = RetortConfig.builder()
                .locations("filesystem:" + dir)
                .transactionPerMigration(Boolean.getBoolean("bench.perMigration"))
                .output(line -> { });
        if (timing != null) {
            builder.dataSource(timing);
        } else {
            builder.url(url).user(Child.USER).password(Child.PASSWORD);
        }
        return builder.build();
    }
}
