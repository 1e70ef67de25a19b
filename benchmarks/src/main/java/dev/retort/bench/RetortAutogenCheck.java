package dev.retort.bench;

import dev.retort.AutogenerateOptions;
import dev.retort.AutogenerateResult;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark 6 through the facade: {@code Retort.check} with no differences — the up-to-date precondition, then
 * introspection, canonicalization and the comparators — on an empty revision directory (nothing pending).
 *
 * <p>Arguments: {@code JDBC_URL SIZE [WARM]}. {@code -Dbench.trace=true} counts and times every database call.
 */
public final class RetortAutogenCheck {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String url = args[0];
        int size = Integer.parseInt(args[1]);
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path scripts = Files.createTempDirectory("retort-bench-autogen-");
        try {
            Schema target = AutogenModel.target(size);
            TimingDataSource timing = new TimingDataSource(url, Child.USER, Child.PASSWORD, t0);
            AutogenerateResult result = new Retort(config(scripts, timing)).check(AutogenerateOptions.defaults(),
                    target);
            long t1 = System.nanoTime();
            if (!result.changes().isEmpty()) {
                Child.fail("false positive: " + result.changes());
            }
            Child.result("cold_ms", Child.ms(t1 - t0));
            Child.info("calls", timing.calls());
            if (Child.trace()) {
                timing.print();
            }
            for (int i = 0; i < warm; i++) {
                long w0 = System.nanoTime();
                new Retort(config(scripts, new TimingDataSource(url, Child.USER, Child.PASSWORD, w0)))
                        .check(AutogenerateOptions.defaults(), target);
                Child.result("warm_ms", Child.ms(System.nanoTime() - w0));
            }
        } finally {
            Files.deleteIfExists(scripts);
        }
    }

    private static RetortConfig config(Path scripts, TimingDataSource timing) {
        return RetortConfig.builder().locations("filesystem:" + scripts).dataSource(timing).output(line -> { })
                .build();
    }
}
