package dev.retort.bench;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.testkit.MigrationRunner;
import dev.retort.testkit.MigrationTests;

/**
 * The test kit's stairway against its baseline, on an empty database: {@code stairway} runs
 * {@link MigrationTests#upDownConsistency} (every revision upgraded, downgraded and upgraded again, each as its own
 * step) as a user's test does; {@code baseline} runs one {@code upgrade heads} and one {@code downgrade base}.
 *
 * <p>Arguments: {@code JDBC_URL DIR N stairway|baseline}. Reports {@code cold_ms} (first line of {@code main} to
 * the end) and {@code op_ms} (the migrations alone, after the scripts are read).
 */
public final class KitStairway {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String url = args[0];
        RetortConfig config = RetortConfig.builder().url(url).user(Child.USER).password(Child.PASSWORD)
                .locations("filesystem:" + args[1]).output(line -> { }).build();
        int n = Integer.parseInt(args[2]);
        long o0;
        TimingDataSource timing = Child.trace() ? new TimingDataSource(url, Child.USER, Child.PASSWORD, t0) : null;
        if (timing != null) {
            config = config.toBuilder().dataSource(timing).build();
        }
        if (args[3].equals("stairway")) {
            try (MigrationRunner runner = MigrationRunner.of(config)) {
                runner.retort().scripts();
                o0 = System.nanoTime();
                new MigrationTests() {
                }.upDownConsistency(runner);
                if (runner.current().size() != 1) {
                    Child.fail("the stairway ended at " + runner.current() + ", not at the head");
                }
            }
        } else {
            Retort retort = new Retort(config);
            retort.scripts();
            o0 = System.nanoTime();
            MigrationResult up = retort.upgrade("heads");
            MigrationResult down = retort.downgrade("base", false);
            if (up.steps().size() != n || down.steps().size() != n) {
                Child.fail("expected " + n + " steps each way, ran " + up.steps().size() + " and "
                        + down.steps().size());
            }
        }
        long t1 = System.nanoTime();
        Child.result("cold_ms", Child.ms(t1 - t0));
        Child.result("op_ms", Child.ms(t1 - o0));
        if (timing != null) {
            timing.print();
        }
    }
}
