package dev.retort.bench;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway's {@code migrate()} (default configuration) as a small Spring-less program: with nothing pending it is
 * benchmark 2's up-to-date check, on an empty database benchmark 3's apply.
 *
 * <p>Arguments: {@code JDBC_URL DIR EXPECTED_MIGRATIONS [WARM]}. {@code -Dbench.trace=true} times every database
 * call.
 */
public final class FlywayMigrate {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        String url = args[0];
        String dir = args[1];
        int expected = Integer.parseInt(args[2]);
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Child.setUpLogging();
        TimingDataSource timing = Child.trace() ? new TimingDataSource(url, Child.USER, Child.PASSWORD, t0) : null;
        MigrateResult result = flyway(url, dir, timing).migrate();
        long t1 = System.nanoTime();
        if (result.migrationsExecuted != expected) {
            Child.fail("expected " + expected + " migrations, ran " + result.migrationsExecuted);
        }
        Child.result("cold_ms", Child.ms(t1 - t0));
        if (timing != null) {
            timing.print();
        }
        for (int i = 0; i < warm; i++) {
            long w0 = System.nanoTime();
            MigrateResult r = flyway(url, dir, null).migrate();
            long w1 = System.nanoTime();
            if (r.migrationsExecuted != 0) {
                Child.fail("warm check ran migrations");
            }
            Child.result("warm_ms", Child.ms(w1 - w0));
        }
    }

    private static Flyway flyway(String url, String dir, TimingDataSource timing) {
        var configuration = Flyway.configure();
        if (timing != null) {
            configuration.dataSource(timing);
        } else {
            configuration.dataSource(url, Child.USER, Child.PASSWORD);
        }
        return configuration.locations("filesystem:" + dir).load();
    }
}
