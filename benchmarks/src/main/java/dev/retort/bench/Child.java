package dev.retort.bench;

/**
 * What the small child programs share, kept tiny so it adds next to nothing to their start-up: result lines on
 * standard output ({@code @bench key=value}), read by the harness, and the optional "logging on" set-up.
 */
final class Child {

    static final String USER = System.getProperty("bench.user", "postgres");
    static final String PASSWORD = System.getProperty("bench.password", "");

    private Child() {
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static void result(String key, double millis) {
        System.out.println("@bench " + key + "=" + millis);
    }

    static void info(String key, Object value) {
        System.out.println("@bench " + key + "=" + value);
    }

    /**
     * With {@code -Dbench.logging=jul} (and slf4j-jdk14 on the class path instead of slf4j-nop) every INFO line is
     * formatted and written to a stream that discards it: what logging costs without a terminal's cost.
     */
    static void setUpLogging() {
        if ("jul".equals(System.getProperty("bench.logging"))) {
            NullLogging.install();
        }
    }

    static boolean trace() {
        return Boolean.getBoolean("bench.trace");
    }

    static void fail(String message) {
        System.err.println("BENCH FAILED: " + message);
        System.exit(3);
    }
}
