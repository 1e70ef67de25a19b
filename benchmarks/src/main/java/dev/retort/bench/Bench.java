package dev.retort.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark harness: generates the scripts, creates and drops its own {@code retort_bench_*} databases, runs
 * every variant as a child JVM (or psql), interleaved round by round, and prints medians, minima and ratios.
 *
 * <pre>
 * java -jar benchmarks/target/retort-benchmarks.jar all|graph|check|apply|spring|stairway|profile [options]
 *   --rounds N          rounds per benchmark (default: graph 10, check 12, apply 9)
 *   --quick             few rounds, for trying the harness out
 *   --graph-size N      revisions for the graph benchmark (default 10000)
 *   --size N            revisions for the check and apply benchmarks (default 1000)
 *   --stairway-size N   revisions for the test kit's stairway benchmark (default 200)
 *   --out FILE          also write the report (markdown) to FILE
 *   --keep              keep the temporary directory
 *   --quiet-cores C     before each run, wait until other processes use less than C cores (default 0.5; 0 = off)
 *   --quiet-max-wait S  but no longer than S seconds (default 120)
 * Database: -Dbench.host=127.0.0.1 -Dbench.port=5432 -Dbench.user=postgres -Dbench.password=
 * </pre>
 */
public final class Bench {

    private final String host = System.getProperty("bench.host", "127.0.0.1");
    private final String port = System.getProperty("bench.port", "5432");
    private final String user = Child.USER;
    private final String password = Child.PASSWORD;

    private int graphSize = 10_000;
    private int size = 1_000;
    private int stairwaySize = 200;
    private Integer rounds;
    private boolean quick;
    private boolean keep;
    private Path out;
    /** Wait before each run until other processes use less than this many cores (0: don't wait). */
    private double quietCores = 0.5;
    private int quietMaxWaitSeconds = 120;
    private int runs;
    private volatile Process current;
    private volatile boolean finished;
    private int busyRuns;
    private long waitedMillis;

    private final Path classes;
    private final Path lib;
    private final Path retortJar;
    private final Path demoJar;
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private Path work;

    private final Stats stats = new Stats();
    private final StringBuilder report = new StringBuilder();

    private Bench() {
        Path jar;
        try {
            jar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = jar.getParent(); // target/retort-benchmarks.jar or target/classes
        classes = target.resolve("classes");
        lib = target.resolve("lib");
        retortJar = Path.of(System.getProperty("bench.retortJar",
                target.getParent().getParent().resolve("cli/target/retort.jar").toString()));
        demoJar = Path.of(System.getProperty("bench.demoJar",
                target.getParent().getParent().resolve("demo-app/target/retort-demo.jar").toString()));
        if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("Run from a built module: expected " + classes + " and " + lib
                    + " (mvn -B -Pbenchmarks -pl cli,benchmarks -am package -DskipTests)");
        }
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        String command = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> bench.rounds = Integer.parseInt(args[++i]);
                case "--quick" -> bench.quick = true;
                case "--graph-size" -> bench.graphSize = Integer.parseInt(args[++i]);
                case "--size" -> bench.size = Integer.parseInt(args[++i]);
                case "--stairway-size" -> bench.stairwaySize = Integer.parseInt(args[++i]);
                case "--out" -> bench.out = Path.of(args[++i]);
                case "--keep" -> bench.keep = true;
                case "--quiet-cores" -> bench.quietCores = Double.parseDouble(args[++i]);
                case "--quiet-max-wait" -> bench.quietMaxWaitSeconds = Integer.parseInt(args[++i]);
                default -> {
                    if (args[i].startsWith("-")) {
                        System.err.println("Unknown option " + args[i]);
                        System.exit(2);
                    }
                    command = args[i];
                }
            }
        }
        bench.run(command);
    }

    private void run(String command) throws Exception {
        if (!Files.isRegularFile(retortJar) && (command.equals("all") || command.equals("graph")
                || command.equals("profile"))) {
            throw new IllegalStateException("No CLI jar at " + retortJar + "; build it (mvn -B -q install"
                    + " -DskipTests) or pass -Dbench.retortJar=PATH");
        }
        work = Files.createTempDirectory("retort-bench-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished) {
                return;
            }
            Process child = current;
            if (child != null) {
                child.destroyForcibly();
            }
            for (String db : List.of(APPLY_DB, CHECK_RETORT_DB, CHECK_FLYWAY_DB, AUTOGEN_DB, STAIRWAY_DB)) {
                try {
                    dropDatabase(db);
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
            if (!keep) {
                try {
                    Fixtures.deleteRecursively(work);
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
        }, "bench-cleanup"));
        try {
            header();
            try {
                dispatch(command);
            } finally {
                print(quietCores <= 0 ? "Runs: " + runs + "; no waiting for a quiet machine."
                        : "Runs: " + runs + "; " + busyRuns + " started while other processes still used ≥ "
                                + quietCores + " cores after waiting " + quietMaxWaitSeconds + " s; "
                                + waitedMillis / 1000 + " s spent waiting for a quiet machine.");
                print("");
            }
        } finally {
            if (!keep) {
                Fixtures.deleteRecursively(work);
            } else {
                System.err.println("Kept " + work);
            }
        }
        finished = true;
        if (out != null) {
            Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
            System.err.println("Report written to " + out);
        }
    }

    private void dispatch(String command) throws Exception {
        {
            switch (command) {
                case "all" -> {
                    graph();
                    check();
                    apply();
                    spring();
                    autogenerate();
                    stairway();
                    command();
                    goals();
                }
                case "autogenerate" -> {
                    autogenerate();
                    goals();
                }
                case "command" -> {
                    command();
                    goals();
                }
                case "graph" -> {
                    graph();
                    goals();
                }
                case "check" -> {
                    check();
                    goals();
                }
                case "apply" -> {
                    apply();
                    goals();
                }
                case "spring" -> {
                    spring();
                    goals();
                }
                case "stairway" -> {
                    stairway();
                    goals();
                }
                case "profile" -> new Profile(this).run();
                default -> throw new IllegalArgumentException("Unknown command " + command
                        + "; use all, graph, check, apply, spring, autogenerate, stairway, command or profile");
            }
        }
    }

    // ---------------------------------------------------------------- a quiet machine

    /** Cores busy (all processes) over a short window, from /proc/stat; NaN where there is no /proc. */
    private static double busyCores(long windowMillis) {
        long[] a = cpuTimes();
        try {
            Thread.sleep(windowMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long[] b = cpuTimes();
        if (a == null || b == null || b[0] == a[0]) {
            return Double.NaN;
        }
        double busyFraction = 1.0 - (double) (b[1] - a[1]) / (b[0] - a[0]);
        return busyFraction * Runtime.getRuntime().availableProcessors();
    }

    /** {total, idle + iowait} jiffies. */
    private static long[] cpuTimes() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Other work shares this machine: start a measured run only when it is (nearly) idle, or after a while anyway. */
    private void waitForQuiet() {
        runs++;
        if (quietCores <= 0) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + quietMaxWaitSeconds * 1_000_000_000L;
        boolean announced = false;
        while (true) {
            double busy = busyCores(400);
            if (Double.isNaN(busy) || busy < quietCores) {
                break;
            }
            if (System.nanoTime() > deadline) {
                busyRuns++;
                break;
            }
            if (!announced) {
                System.err.printf(Locale.ROOT, "  (waiting: other processes use %.1f cores)%n", busy);
                announced = true;
            }
        }
        waitedMillis += (System.nanoTime() - start) / 1_000_000;
    }

    // ---------------------------------------------------------------- report

    void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    private void header() throws Exception {
        String pg;
        try (Connection c = admin(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version(), current_setting('fsync'),"
                        + " current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
            rs.next();
            pg = rs.getString(1).replaceAll(" on .*", "") + " (fsync=" + rs.getString(2) + ", synchronous_commit="
                    + rs.getString(3) + ", shared_buffers=" + rs.getString(4) + ")";
        }
        print("# Retort benchmarks, " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
        print("");
        print("- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, default JVM options in every child");
        print("- PostgreSQL: " + pg + " at " + host + ":" + port);
        print("- Retort: commit " + gitHead() + "; Flyway: " + flywayVersion());
        print("- Every variant runs in its own fresh JVM (or psql); variants interleaved round by round, the order"
                + " rotating each round, one discarded warm-up round first.");
        print("");
    }

    private String gitHead() {
        try {
            Process p = new ProcessBuilder("git", "-C", classes.getParent().getParent().toString(), "log", "-1",
                    "--format=%h %s").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            if (text.length() > 80) {
                text = text.substring(0, 77) + "…";
            }
            return p.exitValue() == 0 ? text : "?";
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private String flywayVersion() {
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("flyway-core-"))
                    .map(n -> n.substring("flyway-core-".length(), n.length() - 4)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------- processes

    /** What a child process printed and how long it took from start to exit. */
    record Run(double wallMs, Map<String, List<Double>> values, Map<String, String> info, List<String> traces,
            String stdout, String stderr) {

        double value(String key) {
            List<Double> v = values.get(key);
            if (v == null || v.isEmpty()) {
                throw new IllegalStateException("child printed no " + key + "\nstdout:\n" + stdout + "\nstderr:\n"
                        + stderr);
            }
            return v.get(0);
        }

        List<Double> all(String key) {
            return values.getOrDefault(key, List.of());
        }
    }

    Run exec(List<String> command) {
        Path stdoutFile = work.resolve("stdout.txt");
        Path stderrFile = work.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdoutFile.toFile())
                .redirectError(stderrFile.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File(
                        "/dev/null")));
        pb.environment().put("PGPASSWORD", password);
        double wall;
        int code;
        waitForQuiet();
        try {
            long start = System.nanoTime();
            Process process = pb.start();
            current = process;
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            wall = (System.nanoTime() - start) / 1_000_000.0;
            code = process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String stdout = read(stdoutFile);
        String stderr = read(stderrFile);
        if (code != 0) {
            throw new IllegalStateException("exit " + code + ": " + String.join(" ", command) + "\nstdout:\n"
                    + stdout + "\nstderr:\n" + stderr);
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, String> info = new LinkedHashMap<>();
        List<String> traces = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("@bench ")) {
                String kv = line.substring(7);
                int eq = kv.indexOf('=');
                String key = kv.substring(0, eq);
                String value = kv.substring(eq + 1);
                info.put(key, value);
                try {
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(value));
                } catch (NumberFormatException ignored) {
                    // text value
                }
            } else if (line.startsWith("@trace ")) {
                traces.add(line.substring(7));
            }
        }
        return new Run(wall, values, info, traces, stdout, stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tools a child's class path holds. */
    enum Tool { RETORT, RETORT_LOGGING, FLYWAY, BARE, NONE, SPRING_RETORT, SPRING_FLYWAY, SPRING_NONE, KIT }

    private static final List<String> RETORT_JARS = List.of("retort-", "picocli-");
    private static final List<String> FLYWAY_JARS = List.of("flyway-", "spring-boot-flyway-",
            "spring-boot-starter-flyway-", "jackson-");

    /** The Spring application's class path: everything in lib but the other tools' jars and the extra bindings. */
    private String springClasspath(Tool tool) {
        List<String> excluded = new ArrayList<>(List.of("slf4j-nop-", "slf4j-jdk14-"));
        if (tool != Tool.SPRING_RETORT) {
            excluded.addAll(RETORT_JARS);
        }
        if (tool != Tool.SPRING_FLYWAY) {
            excluded.addAll(FLYWAY_JARS);
        }
        List<String> entries = new ArrayList<>();
        entries.add(classes.toString());
        try (Stream<Path> files = Files.list(lib)) {
            files.sorted().filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> excluded.stream().noneMatch(x -> p.getFileName().toString().startsWith(x)))
                    .forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    String classpath(Tool tool) {
        if (tool == Tool.SPRING_RETORT || tool == Tool.SPRING_FLYWAY || tool == Tool.SPRING_NONE) {
            return springClasspath(tool);
        }
        List<String> prefixes = switch (tool) {
            case RETORT -> List.of("retort-core-", "postgresql-", "checker-qual-", "slf4j-api-", "slf4j-nop-");
            case RETORT_LOGGING -> List.of("retort-core-", "postgresql-", "checker-qual-", "slf4j-api-",
                    "slf4j-jdk14-");
            case FLYWAY -> List.of("flyway-", "jackson-", "postgresql-", "checker-qual-", "slf4j-api-", "slf4j-nop-");
            case BARE -> List.of("postgresql-", "checker-qual-");
            case KIT -> List.of("retort-core-", "retort-test-", "junit-jupiter-api-", "junit-platform-commons-",
                    "opentest4j-", "apiguardian-", "postgresql-", "checker-qual-", "slf4j-api-", "slf4j-nop-");
            default -> List.of();
        };
        List<String> entries = new ArrayList<>();
        entries.add(classes.toString());
        try (Stream<Path> files = Files.list(lib)) {
            files.sorted().filter(p -> prefixes.stream().anyMatch(x -> p.getFileName().toString().startsWith(x)))
                    .forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    List<String> javaCommand(Tool tool, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.add("-Dbench.user=" + user);
        command.add("-Dbench.password=" + password);
        if (tool == Tool.RETORT_LOGGING) {
            command.add("-Dbench.logging=jul");
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath(tool));
        command.add("dev.retort.bench." + mainClass);
        command.addAll(List.of(args));
        return command;
    }

    List<String> cliCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(retortJar.toString());
        command.addAll(List.of(args));
        return command;
    }

    List<String> psqlCommand(String database, Path file) {
        return List.of("psql", "-h", host, "-p", port, "-U", user, "-d", database, "-X", "-1", "-q",
                "-v", "ON_ERROR_STOP=1", "-f", file.toString());
    }

    // ---------------------------------------------------------------- databases

    String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url("postgres"), p);
    }

    void createDatabase(String name) {
        requireOwnName(name);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void dropDatabase(String name) {
        requireOwnName(name);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireOwnName(String name) {
        if (!name.matches("retort_bench_[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a benchmark database: " + name);
        }
    }

    /** How many of the benchmark's tables {@code tNNNN} a database holds. */
    int benchmarkTables(String database) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(url(database), p); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname ="
                        + " 'public' AND tablename ~ '^t[0-9]+$'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- interleaving

    /** One measurement of one variant, recorded into the given stats. */
    @FunctionalInterface
    interface Variant {
        void run(Stats into);
    }

    private int rounds(int normal) {
        if (rounds != null) {
            return rounds;
        }
        return quick ? Math.max(2, normal / 4) : normal;
    }

    /** A discarded warm-up round, then {@code rounds} rounds, each running every variant, the order rotating. */
    private void interleave(String benchmark, Map<String, Variant> variants, int rounds) {
        List<String> names = new ArrayList<>(variants.keySet());
        for (int r = -1; r < rounds; r++) {
            Stats into = r < 0 ? new Stats() : stats;
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + Math.max(r, 0)) % names.size());
                long start = System.nanoTime();
                variants.get(name).run(into);
                System.err.printf(Locale.ROOT, "[%s] %s %-28s %8.0f ms%n", benchmark,
                        r < 0 ? "warm-up   " : "round " + (r + 1) + "/" + rounds, name,
                        (System.nanoTime() - start) / 1e6);
            }
        }
    }

    private void table(List<String> metrics) {
        print(Stats.header());
        for (String m : metrics) {
            if (stats.has(m)) {
                print(stats.row(m));
            }
        }
        print("");
    }

    private void metric(String name, String label) {
        stats.label(name, label);
    }

    // ---------------------------------------------------------------- 1. graph load

    private void graph() {
        Path linear = work.resolve("graph-linear");
        Path branched = work.resolve("graph-branched");
        Path one = work.resolve("graph-one");
        List<String> linearHeads = Fixtures.retortScripts(linear, graphSize, false);
        List<String> branchedHeads = Fixtures.retortScripts(branched, graphSize, true);
        List<String> oneHeads = Fixtures.retortScripts(one, 1, false);
        String n = String.format(Locale.ROOT, "%,d", graphSize);

        metric("graph.inproc.linear.cold", "in-process cold, linear: load + heads + plan");
        metric("graph.inproc.linear.cold_load", "… of which load (scan, parse headers, build graph)");
        metric("graph.inproc.linear.cold_heads", "… of which heads()");
        metric("graph.inproc.linear.cold_plan", "… of which upgradePlan([], heads)");
        metric("graph.inproc.branched.cold", "in-process cold, branched: load + heads + plan");
        metric("graph.inproc.branched.cold_load", "… of which load");
        metric("graph.inproc.branched.cold_plan", "… of which upgradePlan([], heads)");
        metric("graph.inproc.linear.warm", "in-process warm, linear: load + heads + plan");
        metric("graph.inproc.linear.warm_load", "… of which load");
        metric("graph.inproc.linear.warm_graph_build", "warm, linear: RevisionGraph.of(revisions) alone");
        metric("graph.inproc.linear.warm_graph_heads_plan", "warm, linear: heads + plan on a built graph");
        metric("graph.inproc.branched.warm", "in-process warm, branched: load + heads + plan");
        metric("graph.inproc.linear.warm_plan", "… of which upgradePlan([], heads)");
        metric("graph.inproc.branched.warm_load", "… of which load");
        metric("graph.inproc.branched.warm_plan", "… of which upgradePlan([], heads)");
        metric("graph.inproc.branched.warm_graph_build", "warm, branched: RevisionGraph.of(revisions) alone");
        metric("graph.cli.linear", "whole process: `retort.jar heads`, linear");
        metric("graph.cli.branched", "whole process: `retort.jar heads`, branched");
        metric("graph.cli.one", "whole process: `retort.jar heads`, 1 revision (floor)");
        metric("graph.cli.version", "whole process: `retort.jar --version` (JVM + picocli)");

        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("cli heads linear", into -> cliHeads(into, "graph.cli.linear", linear, linearHeads));
        variants.put("in-process linear", into -> graphLoad(into, "graph.inproc.linear", linear, 0));
        variants.put("cli heads branched", into -> cliHeads(into, "graph.cli.branched", branched, branchedHeads));
        variants.put("in-process branched", into -> graphLoad(into, "graph.inproc.branched", branched, 0));
        variants.put("cli heads 1 revision", into -> cliHeads(into, "graph.cli.one", one, oneHeads));
        variants.put("cli --version", into -> into.add("graph.cli.version",
                exec(cliCommand(List.of(), "--version")).wallMs()));
        interleave("graph", variants, rounds(10));

        int warmRuns = quick ? 1 : 3;
        int iterations = quick ? 8 : 20;
        Map<String, Variant> warm = new LinkedHashMap<>();
        warm.put("warm linear", into -> graphLoad(into, "graph.inproc.linear", linear, iterations));
        warm.put("warm branched", into -> graphLoad(into, "graph.inproc.branched", branched, iterations));
        interleave("graph warm", warm, warmRuns);

        print("## 1. Graph load: " + n + " revision files");
        print("");
        print("Linear chain; branched = groups of 12 (a trunk revision, two branches of 5, a merge). In-process:"
                + " `new Retort(config).scripts()`, `graph().heads()`, `graph().upgradePlan(List.of(), \"heads\")`"
                + " in a fresh JVM (cold) and after " + iterations + " passes, the first 5 dropped (warm)."
                + " Whole process: `java -jar cli/target/retort.jar --locations filesystem:DIR heads`, start to exit.");
        print("");
        table(List.of("graph.inproc.linear.cold", "graph.inproc.linear.cold_load", "graph.inproc.linear.cold_heads",
                "graph.inproc.linear.cold_plan", "graph.inproc.branched.cold", "graph.inproc.branched.cold_load",
                "graph.inproc.branched.cold_plan", "graph.inproc.linear.warm", "graph.inproc.linear.warm_load",
                "graph.inproc.linear.warm_plan", "graph.inproc.linear.warm_graph_build",
                "graph.inproc.linear.warm_graph_heads_plan", "graph.inproc.branched.warm",
                "graph.inproc.branched.warm_load", "graph.inproc.branched.warm_plan",
                "graph.inproc.branched.warm_graph_build", "graph.cli.linear",
                "graph.cli.branched", "graph.cli.one", "graph.cli.version"));
    }

    private void cliHeads(Stats into, String metric, Path dir, List<String> heads) {
        Run run = exec(cliCommand(List.of(), "--locations", "filesystem:" + dir, "heads"));
        for (String head : heads) {
            if (!run.stdout().contains(head)) {
                throw new IllegalStateException("heads printed no " + head + ":\n" + run.stdout() + run.stderr());
            }
        }
        into.add(metric, run.wallMs());
    }

    private void graphLoad(Stats into, String prefix, Path dir, int warm) {
        Run run = exec(javaCommand(Tool.RETORT, List.of(), "GraphLoad", dir.toString(), Integer.toString(warm)));
        if (warm == 0) {
            into.add(prefix + ".cold", run.value("cold_total"));
            into.add(prefix + ".cold_load", run.value("cold_load"));
            into.add(prefix + ".cold_heads", run.value("cold_heads"));
            into.add(prefix + ".cold_plan", run.value("cold_plan"));
            into.add(prefix + ".process", run.wallMs());
            return;
        }
        addWarm(into, prefix + ".warm", run.all("warm_total"));
        addWarm(into, prefix + ".warm_load", run.all("warm_load"));
        addWarm(into, prefix + ".warm_plan", run.all("warm_plan"));
        addWarm(into, prefix + ".warm_graph_build", run.all("warm_graph_build"));
        addWarm(into, prefix + ".warm_graph_heads_plan", run.all("warm_graph_heads_plan"));
    }

    /** Warm iterations of one child, the first five (JIT warm-up) dropped. */
    private static void addWarm(Stats into, String metric, List<Double> values) {
        int skip = Math.min(5, values.size() / 2);
        for (int i = skip; i < values.size(); i++) {
            into.add(metric, values.get(i));
        }
    }

    // ---------------------------------------------------------------- 2. up-to-date check

    private static final String CHECK_RETORT_DB = "retort_bench_check_retort";
    private static final String CHECK_FLYWAY_DB = "retort_bench_check_flyway";

    Path retortDir() {
        Path dir = work.resolve("retort-" + size);
        if (!Files.isDirectory(dir)) {
            Fixtures.retortScripts(dir, size, false);
        }
        return dir;
    }

    Path flywayDir() {
        Path dir = work.resolve("flyway-" + size);
        if (!Files.isDirectory(dir)) {
            Fixtures.flywayScripts(dir, size);
        }
        return dir;
    }

    Path allSql() {
        Path file = work.resolve("all-" + size + ".sql");
        if (!Files.exists(file)) {
            Fixtures.allSql(file, size);
        }
        return file;
    }

    /** The two databases at head, 1,000 revisions applied, one per tool. */
    void prepareCheckDatabases() {
        createDatabase(CHECK_RETORT_DB);
        createDatabase(CHECK_FLYWAY_DB);
        exec(javaCommand(Tool.RETORT, List.of(), "RetortMigrate", url(CHECK_RETORT_DB), retortDir().toString(),
                Integer.toString(size)));
        exec(javaCommand(Tool.FLYWAY, List.of(), "FlywayMigrate", url(CHECK_FLYWAY_DB), flywayDir().toString(),
                Integer.toString(size)));
        for (String db : List.of(CHECK_RETORT_DB, CHECK_FLYWAY_DB)) {
            if (benchmarkTables(db) != size) {
                throw new IllegalStateException(db + " does not hold " + size + " tables");
            }
        }
    }

    void dropCheckDatabases() {
        dropDatabase(CHECK_RETORT_DB);
        dropDatabase(CHECK_FLYWAY_DB);
    }

    private void check() {
        prepareCheckDatabases();
        try {
            String n = String.format(Locale.ROOT, "%,d", size);
            metric("check.retort.inproc", "Retort `upgrade(\"heads\")`, in-process cold");
            metric("check.flyway.inproc", "Flyway `migrate()`, in-process cold");
            metric("check.floor.inproc", "floor (read files + 1 SELECT), in-process cold");
            metric("check.retort_logging.inproc", "Retort, logging on (JUL, null sink), in-process cold");
            metric("check.retort.warm", "Retort, warm (new Retort each time)");
            metric("check.retort.warm_reused", "Retort, warm, same Retort instance (scripts cached)");
            metric("check.flyway.warm", "Flyway, warm (new Flyway each time)");
            metric("check.floor.warm", "floor, warm");
            metric("check.retort.process", "Retort program, whole process");
            metric("check.flyway.process", "Flyway program, whole process");
            metric("check.floor.process", "floor program, whole process");
            metric("check.retort_logging.process", "Retort program, logging on, whole process");
            metric("check.hello.process", "empty `main`, whole process (JVM floor)");

            Path rdir = retortDir();
            Path fdir = flywayDir();
            Map<String, Variant> variants = new LinkedHashMap<>();
            variants.put("retort", into -> checkRun(into, "check.retort", Tool.RETORT, "RetortMigrate",
                    url(CHECK_RETORT_DB), rdir));
            variants.put("flyway", into -> checkRun(into, "check.flyway", Tool.FLYWAY, "FlywayMigrate",
                    url(CHECK_FLYWAY_DB), fdir));
            variants.put("floor", into -> {
                Run run = exec(javaCommand(Tool.BARE, List.of(), "Floor", url(CHECK_RETORT_DB), rdir.toString()));
                into.add("check.floor.inproc", run.value("cold_ms"));
                into.add("check.floor.process", run.wallMs());
            });
            variants.put("retort, logging on", into -> checkRun(into, "check.retort_logging", Tool.RETORT_LOGGING,
                    "RetortMigrate", url(CHECK_RETORT_DB), rdir));
            variants.put("empty main", into -> into.add("check.hello.process",
                    exec(javaCommand(Tool.NONE, List.of(), "Hello")).wallMs()));
            interleave("check", variants, rounds(12));

            int warmRuns = quick ? 1 : 3;
            String iterations = quick ? "8" : "20";
            Map<String, Variant> warm = new LinkedHashMap<>();
            warm.put("retort warm", into -> {
                Run run = exec(javaCommand(Tool.RETORT, List.of(), "RetortMigrate", url(CHECK_RETORT_DB),
                        rdir.toString(), "0", iterations));
                addWarm(into, "check.retort.warm", run.all("warm_ms"));
                addWarm(into, "check.retort.warm_reused", run.all("warm_reused_ms"));
            });
            warm.put("flyway warm", into -> addWarm(into, "check.flyway.warm", exec(javaCommand(Tool.FLYWAY,
                    List.of(), "FlywayMigrate", url(CHECK_FLYWAY_DB), fdir.toString(), "0", iterations))
                    .all("warm_ms")));
            warm.put("floor warm", into -> addWarm(into, "check.floor.warm", exec(javaCommand(Tool.BARE,
                    List.of(), "Floor", url(CHECK_RETORT_DB), rdir.toString(), iterations)).all("warm_ms")));
            interleave("check warm", warm, warmRuns);

            print("## 2. Up-to-date check at " + n + " applied revisions");
            print("");
            print("Each tool's database already at head (" + n + " revisions applied by that tool). In-process:"
                    + " from the first line of `main` to the check's return (class loading, script reading,"
                    + " connecting, locking, reading the version table). Whole process: the same small program"
                    + " (`java -cp … RetortMigrate|FlywayMigrate|Floor`), start to exit. Flyway with its default"
                    + " configuration (`validateOnMigrate` on).");
            print("");
            table(List.of("check.retort.inproc", "check.flyway.inproc", "check.floor.inproc",
                    "check.retort_logging.inproc", "check.retort.warm", "check.retort.warm_reused",
                    "check.flyway.warm", "check.floor.warm", "check.retort.process", "check.flyway.process",
                    "check.floor.process", "check.retort_logging.process", "check.hello.process"));
        } finally {
            dropCheckDatabases();
        }
    }

    private void checkRun(Stats into, String prefix, Tool tool, String main, String url, Path dir) {
        Run run = exec(javaCommand(tool, List.of(), main, url, dir.toString(), "0"));
        into.add(prefix + ".inproc", run.value("cold_ms"));
        into.add(prefix + ".process", run.wallMs());
    }

    // ---------------------------------------------------------------- 6. autogenerate check, no differences

    static final String AUTOGEN_DB = "retort_bench_autogen";

    /**
     * {@code check} with no differences on {@code --size} tables (10 columns, an index and a foreign key each):
     * introspection + canonicalization + comparison in-process, plus the number of statements each part runs.
     */
    private void autogenerate() {
        createDatabase(AUTOGEN_DB);
        try {
            Properties p = new Properties();
            p.setProperty("user", user);
            if (!password.isEmpty()) {
                p.setProperty("password", password);
            }
            try (Connection c = DriverManager.getConnection(url(AUTOGEN_DB), p); Statement st = c.createStatement()) {
                st.execute(AutogenModel.ddl(size));
                st.execute("ANALYZE");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            String n = String.format(Locale.ROOT, "%,d", size);
            metric("autogen.introspect.inproc", "read + canonicalize + compare, in-process cold (from `main`)");
            metric("autogen.introspect.connect", "… of which start-up and connecting");
            metric("autogen.introspect.read", "… of which `readSchema`");
            metric("autogen.introspect.canonicalize", "… of which `canonicalize`");
            metric("autogen.introspect.compare", "… of which comparing the two models");
            metric("autogen.introspect.warm", "read + canonicalize + compare, warm (new connection each time)");
            metric("autogen.introspect.warm_read", "… of which `readSchema`");
            metric("autogen.introspect.warm_canonicalize", "… of which `canonicalize`");
            metric("autogen.introspect.process", "the same program, whole process");
            metric("autogen.check.inproc", "`Retort.check`, no differences, in-process cold (from `main`)");
            metric("autogen.check.warm", "`Retort.check`, warm (new Retort each time)");
            metric("autogen.check.process", "the `Retort.check` program, whole process");
            Map<String, String> counts = new LinkedHashMap<>();
            Map<String, Variant> variants = new LinkedHashMap<>();
            variants.put("check", into -> {
                Run run = exec(javaCommand(Tool.RETORT, List.of(), "RetortAutogenCheck", url(AUTOGEN_DB),
                        String.valueOf(size)));
                into.add("autogen.check.inproc", run.value("cold_ms"));
                into.add("autogen.check.process", run.wallMs());
                counts.put("check", run.info().get("calls"));
            });
            variants.put("introspect", into -> {
                Run run = exec(javaCommand(Tool.RETORT, List.of(), "RetortIntrospect", url(AUTOGEN_DB),
                        String.valueOf(size)));
                into.add("autogen.introspect.inproc", run.value("cold_ms"));
                into.add("autogen.introspect.connect", run.value("cold_connect_ms"));
                into.add("autogen.introspect.read", run.value("cold_read_ms"));
                into.add("autogen.introspect.canonicalize", run.value("cold_canonicalize_ms"));
                into.add("autogen.introspect.compare", run.value("cold_compare_ms"));
                into.add("autogen.introspect.process", run.wallMs());
                counts.put("read", run.info().get("read_statements"));
                counts.put("canonicalize", run.info().get("canonicalize_statements"));
                counts.put("tables", run.info().get("tables"));
            });
            interleave("autogenerate", variants, rounds(10));
            Map<String, Variant> warm = new LinkedHashMap<>();
            warm.put("check warm", into -> addWarm(into, "autogen.check.warm", exec(javaCommand(Tool.RETORT,
                    List.of(), "RetortAutogenCheck", url(AUTOGEN_DB), String.valueOf(size), quick ? "8" : "20"))
                    .all("warm_ms")));
            warm.put("introspect warm", into -> {
                Run run = exec(javaCommand(Tool.RETORT, List.of(), "RetortIntrospect", url(AUTOGEN_DB),
                        String.valueOf(size), quick ? "8" : "20"));
                addWarm(into, "autogen.introspect.warm", run.all("warm_ms"));
                addWarm(into, "autogen.introspect.warm_read", run.all("warm_read_ms"));
                addWarm(into, "autogen.introspect.warm_canonicalize", run.all("warm_canonicalize_ms"));
            });
            interleave("autogenerate warm", warm, quick ? 1 : 3);

            print("## 6. Autogenerate `check` with no differences on " + n + " tables");
            print("");
            print("A database holding " + n + " tables of 10 columns, an index, a foreign key and two checks each, made"
                    + " by Hibernate-style DDL; the target is the same model in Hibernate's spelling. `Retort.check`:"
                    + " the facade with an empty revision directory (the up-to-date precondition, the lock,"
                    + " introspection, canonicalization, the comparators). \"read + canonicalize + compare\": the"
                    + " dialect calls alone and equality of the two models. In-process: from the first line of"
                    + " `main` (class loading, connecting) to the end. A false positive fails the run.");
            print("");
            table(List.of("autogen.check.inproc", "autogen.check.warm", "autogen.check.process",
                    "autogen.introspect.inproc", "autogen.introspect.connect", "autogen.introspect.read",
                    "autogen.introspect.canonicalize", "autogen.introspect.compare", "autogen.introspect.warm",
                    "autogen.introspect.warm_read", "autogen.introspect.warm_canonicalize",
                    "autogen.introspect.process"));
            print("Statements executed (each one round trip), for " + counts.get("tables") + " tables: `readSchema` "
                    + counts.get("read") + ", `canonicalize` " + counts.get("canonicalize") + "; the whole"
                    + " `Retort.check` makes " + counts.get("check") + " database calls (connecting, the version"
                    + " table, the lock, commits included).");
            print("");
        } finally {
            dropDatabase(AUTOGEN_DB);
        }
    }

    // ---------------------------------------------------------------- 5. Spring Boot start-up

    private void spring() {
        prepareCheckDatabases();
        try {
            String n = String.format(Locale.ROOT, "%,d", size);
            metric("spring.none.process", "no migration tool: whole process");
            metric("spring.retort.process", "Retort starter, nothing pending: whole process");
            metric("spring.flyway.process", "Flyway (spring-boot-starter-flyway), nothing pending: whole process");
            metric("spring.none.ready", "no migration tool: JVM start to context ready");
            metric("spring.retort.ready", "Retort starter: JVM start to context ready");
            metric("spring.flyway.ready", "Flyway: JVM start to context ready");
            metric("spring.none.rss", "no migration tool: peak RSS, MiB");
            metric("spring.retort.rss", "Retort starter: peak RSS, MiB");
            metric("spring.flyway.rss", "Flyway: peak RSS, MiB");
            Path rdir = retortDir();
            Path fdir = flywayDir();
            List<String> common = List.of("--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
                    "--logging.level.root=warn", "--spring.jpa.hibernate.ddl-auto=validate",
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
            Map<String, Variant> variants = new LinkedHashMap<>();
            variants.put("no migration tool", into -> springRun(into, "spring.none", Tool.SPRING_NONE, common,
                    "--spring.datasource.url=" + url(CHECK_RETORT_DB)));
            variants.put("retort starter", into -> springRun(into, "spring.retort", Tool.SPRING_RETORT, common,
                    "--spring.datasource.url=" + url(CHECK_RETORT_DB), "--migrations.enabled=true",
                    "--migrations.locations=filesystem:" + rdir));
            variants.put("flyway starter", into -> springRun(into, "spring.flyway", Tool.SPRING_FLYWAY, common,
                    "--spring.datasource.url=" + url(CHECK_FLYWAY_DB), "--spring.flyway.locations=filesystem:" + fdir));
            interleave("spring", variants, rounds(10));

            print("## 5. Spring Boot start-up with " + n + " applied revisions, nothing pending");
            print("");
            print("One small non-web Spring Boot 4.1 application (JPA with one entity, `ddl-auto=validate`, HikariCP,"
                    + " PostgreSQL), started and closed; only its class path and properties differ: Retort's starter"
                    + " with `migrations.enabled=true`, Flyway's starter, or no migration tool. Each tool's database"
                    + " already holds the " + n + " revisions it applied. Whole process: start to exit. Ready: the"
                    + " JVM's uptime when `SpringApplication.run` returns. Peak RSS: `VmHWM` of the process.");
            print("");
            table(List.of("spring.none.process", "spring.retort.process", "spring.flyway.process",
                    "spring.none.ready", "spring.retort.ready", "spring.flyway.ready", "spring.none.rss",
                    "spring.retort.rss", "spring.flyway.rss"));
        } finally {
            dropCheckDatabases();
        }
    }

    private void springRun(Stats into, String prefix, Tool tool, List<String> common, String... args) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(args));
        Run run = exec(javaCommand(tool, List.of(), "spring.StartupApp", all.toArray(String[]::new)));
        if (run.value("entities") != 1) {
            throw new IllegalStateException(prefix + ": the application did not start JPA");
        }
        into.add(prefix + ".process", run.wallMs());
        into.add(prefix + ".ready", run.value("started_ms"));
        into.add(prefix + ".rss", run.value("peak_rss_mib"));
    }

    // ---------------------------------------------------------------- 6. command mode

    static final String COMMAND_DB = "retort_bench_command";

    /**
     * {@code java -jar retort-demo.jar migrations current} against the standalone CLI's {@code current} on the
     * same database (the demo's revisions, at head), and two floors: the CLI's main class run straight from the
     * application jar, with no Spring at all; and the same after reading the configuration ({@link ConfigReadFloor}).
     */
    private void command() {
        if (!Files.isRegularFile(demoJar)) {
            throw new IllegalStateException("No " + demoJar + "; build it (run.sh builds demo-app)");
        }
        createDatabase(COMMAND_DB);
        try {
            metric("command.app.process", "`java -jar retort-demo.jar migrations current`: whole process");
            metric("command.cli.process", "`java -jar retort.jar current` (standalone CLI): whole process");
            metric("command.floor.process", "CLI main class from the application jar (no Spring): whole process");
            metric("command.config.process", "the same, after reading the configuration with Spring Boot's ConfigData"
                    + " (no SpringApplication): whole process");
            String url = url(COMMAND_DB);
            List<String> datasource = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password);
            List<String> upgrade = new ArrayList<>(List.of(javaBin, "-jar", demoJar.toString(), "migrations",
                    "upgrade", "heads"));
            upgrade.addAll(datasource);
            exec(upgrade);
            // the CLI reads the same scripts, from the jar's class path as the application does
            List<String> cliArgs = List.of("--url", url, "--user", user, "--password", password, "--locations",
                    "classpath:db/migrations/common,classpath:db/migrations/{vendor}", "current");
            Map<String, Variant> variants = new LinkedHashMap<>();
            variants.put("command mode", into -> {
                List<String> command = new ArrayList<>(List.of(javaBin, "-jar", demoJar.toString(), "migrations",
                        "current"));
                command.addAll(datasource);
                into.add("command.app.process", commandRun(command).wallMs());
            });
            variants.put("standalone CLI", into -> {
                List<String> command = new ArrayList<>(List.of(javaBin, "-cp", retortJar + File.pathSeparator
                        + demoClasses(), "dev.retort.cli.RetortCli"));
                command.addAll(cliArgs);
                into.add("command.cli.process", commandRun(command).wallMs());
            });
            variants.put("floor", into -> {
                List<String> command = new ArrayList<>(List.of(javaBin, "-Dloader.main=dev.retort.cli.RetortCli",
                        "-cp", demoJar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
                command.addAll(cliArgs);
                into.add("command.floor.process", commandRun(command).wallMs());
            });
            variants.put("config-read floor", into -> {
                List<String> command = new ArrayList<>(List.of(javaBin,
                        "-Dloader.main=dev.retort.bench.ConfigReadFloor", "-Dloader.path=" + classes,
                        "-cp", demoJar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
                command.addAll(datasource);
                command.add("current");
                into.add("command.config.process", commandRun(command).wallMs());
            });
            interleave("command", variants, rounds(12));

            print("## 6. Command mode: `java -jar app.jar migrations current`");
            print("");
            print("The demo application's jar (`demo-app/target/retort-demo.jar`, Spring Boot 4.1 with web, JPA and"
                    + " actuator) running `migrations current` against a database at its head, next to the standalone"
                    + " CLI (`retort.jar`, with the demo's scripts on its class path) running `current` on the same"
                    + " database, and the floor: the CLI's main class started from the application jar through"
                    + " Spring Boot's launcher, without Spring; and the config-read floor: the same after reading the"
                    + " application's configuration the way Spring Boot reads it (`ConfigData`, no `SpringApplication`,"
                    + " no logging system), the least any command mode that honours `application.yml` can do."
                    + " Whole process, start to exit.");
            print("");
            table(List.of("command.app.process", "command.cli.process", "command.floor.process",
                    "command.config.process"));
        } finally {
            dropDatabase(COMMAND_DB);
        }
    }

    /** The demo's compiled scripts, for the standalone CLI's class path. */
    private Path demoClasses() {
        return demoJar.getParent().resolve("classes");
    }

    private Run commandRun(List<String> command) {
        Run run = exec(command);
        if (!run.stdout().contains("(head)")) {
            throw new IllegalStateException("'current' printed no head: " + run.stdout() + run.stderr());
        }
        return run;
    }

    // ---------------------------------------------------------------- 3 and 4. apply

    static final String APPLY_DB = "retort_bench_apply";

    private void apply() {
        String n = String.format(Locale.ROOT, "%,d", size);
        metric("apply.retort_tx.inproc", "Retort, one transaction (default), in-process");
        metric("apply.retort_per.inproc", "Retort, `transactionPerMigration(true)`, in-process");
        metric("apply.retort_tx_logging.inproc", "Retort, one transaction, logging on (JUL, null sink), in-process");
        metric("apply.flyway.inproc", "Flyway `migrate()`, in-process");
        metric("apply.jdbc_each.inproc", "bare JDBC loop, commit per statement, in-process");
        metric("apply.jdbc_single.inproc", "bare JDBC loop, one commit, in-process");
        metric("apply.retort_tx.process", "Retort, one transaction, whole process");
        metric("apply.retort_per.process", "Retort, per migration, whole process");
        metric("apply.retort_tx_logging.process", "Retort, one transaction, logging on, whole process");
        metric("apply.flyway.process", "Flyway, whole process");
        metric("apply.jdbc_each.process", "bare JDBC loop, commit per statement, whole process");
        metric("apply.jdbc_single.process", "bare JDBC loop, one commit, whole process");
        metric("apply.psql.process", "`psql -1 -q -f all.sql`, whole process");

        Path rdir = retortDir();
        Path fdir = flywayDir();
        Path all = allSql();
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("retort one tx", into -> applyRun(into, "apply.retort_tx", javaCommand(Tool.RETORT,
                List.of(), "RetortMigrate", url(APPLY_DB), rdir.toString(), Integer.toString(size))));
        variants.put("retort per migration", into -> applyRun(into, "apply.retort_per", javaCommand(Tool.RETORT,
                List.of("-Dbench.perMigration=true"), "RetortMigrate", url(APPLY_DB), rdir.toString(),
                Integer.toString(size))));
        variants.put("flyway", into -> applyRun(into, "apply.flyway", javaCommand(Tool.FLYWAY, List.of(),
                "FlywayMigrate", url(APPLY_DB), fdir.toString(), Integer.toString(size))));
        variants.put("psql -1", into -> applyRun(into, "apply.psql", psqlCommand(APPLY_DB, all)));
        variants.put("jdbc commit each", into -> applyRun(into, "apply.jdbc_each", javaCommand(Tool.BARE,
                List.of(), "JdbcLoop", url(APPLY_DB), all.toString(), "each")));
        variants.put("jdbc one commit", into -> applyRun(into, "apply.jdbc_single", javaCommand(Tool.BARE,
                List.of(), "JdbcLoop", url(APPLY_DB), all.toString(), "single")));
        variants.put("retort one tx, logging", into -> applyRun(into, "apply.retort_tx_logging",
                javaCommand(Tool.RETORT_LOGGING, List.of(), "RetortMigrate", url(APPLY_DB), rdir.toString(),
                        Integer.toString(size))));
        try {
            interleave("apply", variants, rounds(9));
        } finally {
            dropDatabase(APPLY_DB);
        }

        print("## 3 and 4. Applying " + n + " small revisions (one CREATE TABLE each) to an empty database");
        print("");
        print("A fresh database for every run (created and dropped outside the timing). In-process: first line of"
                + " `main` to return (includes class loading, reading the scripts, connecting). Whole process: start"
                + " to exit. psql only has whole-process time (its start-up is a few ms).");
        print("");
        table(List.of("apply.retort_tx.inproc", "apply.retort_per.inproc", "apply.retort_tx_logging.inproc",
                "apply.flyway.inproc", "apply.jdbc_each.inproc", "apply.jdbc_single.inproc",
                "apply.retort_tx.process", "apply.retort_per.process", "apply.retort_tx_logging.process",
                "apply.flyway.process", "apply.jdbc_each.process", "apply.jdbc_single.process",
                "apply.psql.process"));
    }

    // ---------------------------------------------------------------- 6. the test kit's stairway

    static final String STAIRWAY_DB = "retort_bench_stairway";

    private void stairway() {
        int n = stairwaySize;
        metric("stairway.kit.op", "`upDownConsistency` (" + n + " up, " + n + " down, " + n + " up, each revision"
                + " its own transaction), migrations only");
        metric("stairway.baseline.op", "`upgrade heads` + `downgrade base`, migrations only");
        metric("stairway.kit.inproc", "`upDownConsistency`, in-process (class loading, scripts, connecting)");
        metric("stairway.baseline.inproc", "`upgrade heads` + `downgrade base`, in-process");
        Path dir = work.resolve("stairway");
        Fixtures.retortScripts(dir, n, false);
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("kit stairway", into -> stairwayRun(into, "stairway.kit", dir, n, "stairway"));
        variants.put("upgrade + downgrade", into -> stairwayRun(into, "stairway.baseline", dir, n, "baseline"));
        try {
            interleave("stairway", variants, rounds(9));
        } finally {
            dropDatabase(STAIRWAY_DB);
        }
        print("## 6. The test kit's stairway on " + n + " revisions");
        print("");
        print("`MigrationTests.upDownConsistency` run from plain Java (`KitStairway`, `MigrationRunner.of(config)`)"
                + " against one `upgrade heads` and one `downgrade base` of the same Retort (one transaction each), a"
                + " fresh database per run. Migrations only: after the scripts are read. In-process: first line of"
                + " `main` to the end.");
        print("");
        table(List.of("stairway.kit.op", "stairway.baseline.op", "stairway.kit.inproc", "stairway.baseline.inproc"));
    }

    private void stairwayRun(Stats into, String prefix, Path dir, int n, String mode) {
        createDatabase(STAIRWAY_DB);
        Run run = exec(javaCommand(Tool.KIT, List.of(), "KitStairway", url(STAIRWAY_DB), dir.toString(),
                Integer.toString(n), mode));
        into.add(prefix + ".op", run.value("op_ms"));
        into.add(prefix + ".inproc", run.value("cold_ms"));
        dropDatabase(STAIRWAY_DB);
    }

    private void applyRun(Stats into, String prefix, List<String> command) {
        createDatabase(APPLY_DB);
        Run run = exec(command);
        int tables = benchmarkTables(APPLY_DB);
        if (tables != size) {
            throw new IllegalStateException(prefix + " left " + tables + " tables, expected " + size);
        }
        if (run.values().containsKey("cold_ms")) {
            into.add(prefix + ".inproc", run.value("cold_ms"));
        }
        into.add(prefix + ".process", run.wallMs());
        dropDatabase(APPLY_DB);
    }

    // ---------------------------------------------------------------- goals

    private record Goal(String what, String numerator, String denominator, double limit, String note) {
    }

    private void goals() {
        List<Goal> goals = List.of(
                new Goal("1. graph load, in-process cold (linear) < 1 s", "graph.inproc.linear.cold", null, 1000,
                        ""),
                new Goal("1. graph load, `retort heads` whole process (linear) < 1 s", "graph.cli.linear", null,
                        1000, ""),
                new Goal("1. graph load, `retort heads` whole process (branched) < 1 s", "graph.cli.branched",
                        null, 1000, ""),
                new Goal("2. check: Retort ≤ 0.15× Flyway (in-process cold)", "check.retort.inproc",
                        "check.flyway.inproc", 0.15, ""),
                new Goal("2. check: Retort ≤ 0.15× Flyway (whole process)", "check.retort.process",
                        "check.flyway.process", 0.15, ""),
                new Goal("2. check: Retort ≤ 0.15× Flyway (warm)", "check.retort.warm", "check.flyway.warm", 0.15,
                        ""),
                new Goal("2. check: Retort ≤ 2× floor (in-process cold)", "check.retort.inproc",
                        "check.floor.inproc", 2, ""),
                new Goal("2. check: Retort ≤ 2× floor (whole process)", "check.retort.process",
                        "check.floor.process", 2, ""),
                new Goal("2. check: Retort ≤ 2× floor (warm)", "check.retort.warm", "check.floor.warm", 2, ""),
                new Goal("3. apply: Retort per migration ≤ 0.35× Flyway (in-process)", "apply.retort_per.inproc",
                        "apply.flyway.inproc", 0.35, ""),
                new Goal("3. apply: Retort per migration ≤ 0.35× Flyway (whole process)",
                        "apply.retort_per.process", "apply.flyway.process", 0.35, ""),
                new Goal("3. apply: Retort one tx ≤ 1.3× `psql -1` (in-process vs psql process)",
                        "apply.retort_tx.inproc", "apply.psql.process", 1.3, ""),
                new Goal("3. apply: Retort one tx ≤ 1.3× `psql -1` (whole process vs whole process)",
                        "apply.retort_tx.process", "apply.psql.process", 1.3, ""),
                new Goal("7. test kit: `upDownConsistency` < 3× `upgrade heads` + `downgrade base` (migrations)",
                        "stairway.kit.op", "stairway.baseline.op", 3, ""),
                new Goal("7. test kit: `upDownConsistency` < 3× `upgrade heads` + `downgrade base` (in-process)",
                        "stairway.kit.inproc", "stairway.baseline.inproc", 3, ""),
                new Goal("5. Spring start-up: Retort starter ≤ 1.05× no tool (whole process)",
                        "spring.retort.process", "spring.none.process", 1.05, ""),
                new Goal("5. Spring start-up: Retort starter ≤ 1.05× no tool (to context ready)",
                        "spring.retort.ready", "spring.none.ready", 1.05, ""),
                new Goal("6. autogenerate `Retort.check`, no differences, 1,000 tables, in-process cold < 1 s",
                        "autogen.check.inproc", null, 1000, ""),
                new Goal("6. autogenerate `Retort.check`, no differences, 1,000 tables, warm < 1 s",
                        "autogen.check.warm", null, 1000, ""),
                new Goal("6. read + canonicalize + compare alone, 1,000 tables, in-process cold < 1 s",
                        "autogen.introspect.inproc", null, 1000, ""),
                new Goal("8. command mode: `app.jar migrations current` ≤ 2.5× `retort current` (whole process)",
                        "command.app.process", "command.cli.process", 2.5, ""));
        print("## Goals");
        print("");
        print("Ratio of medians; of minima; and the median of the per-round ratios (both variants measured in the"
                + " same round, which cancels slow swings in the machine's load). A goal is met when the ratio of"
                + " medians is within the limit.");
        print("");
        print("| goal | measured (median) | min | per-round | limit | met? |");
        print("|---|---:|---:|---:|---:|---|");
        for (Goal g : goals) {
            if (!stats.has(g.numerator()) || (g.denominator() != null && !stats.has(g.denominator()))) {
                continue;
            }
            double med;
            double min;
            String medText;
            String minText;
            String pairedText = "–";
            String limit;
            if (g.denominator() == null) {
                med = stats.median(g.numerator());
                min = stats.min(g.numerator());
                medText = Stats.fmt(med) + " ms";
                minText = Stats.fmt(min) + " ms";
                limit = Stats.fmt(g.limit()) + " ms";
            } else {
                med = stats.median(g.numerator()) / stats.median(g.denominator());
                min = stats.min(g.numerator()) / stats.min(g.denominator());
                medText = Stats.ratio(med) + " (" + Stats.fmt(stats.median(g.numerator())) + " / "
                        + Stats.fmt(stats.median(g.denominator())) + ")";
                minText = Stats.ratio(min);
                pairedText = Stats.ratio(stats.pairedRatio(g.numerator(), g.denominator()));
                limit = Stats.ratio(g.limit());
            }
            String met = med <= g.limit() ? "yes"
                    : "**no** (" + String.format(Locale.ROOT, "%.2f", med / g.limit()) + "× the limit)";
            print("| " + g.what() + " | " + medText + " | " + minText + " | " + pairedText + " | " + limit + " | "
                    + met + " |");
        }
        print("");
        if (stats.has("spring.retort.rss") && stats.has("spring.none.rss")) {
            double extra = stats.median("spring.retort.rss") - stats.median("spring.none.rss");
            print("Peak memory (medians of `VmHWM`): Retort starter " + Stats.fmt(stats.median("spring.retort.rss"))
                    + " MiB, no tool " + Stats.fmt(stats.median("spring.none.rss")) + " MiB: **"
                    + String.format(Locale.ROOT, "%+.1f", extra) + " MiB** (goal ≤ +15 MiB: "
                    + (extra <= 15 ? "met" : "**not met**") + ")"
                    + (stats.has("spring.flyway.rss") ? "; Flyway " + String.format(Locale.ROOT, "%+.1f",
                            stats.median("spring.flyway.rss") - stats.median("spring.none.rss")) + " MiB" : "")
                    + ".");
            print("");
        }
        print("Other ratios (medians):");
        print("");
        ratioLine("Spring start-up: Flyway / no tool (whole process)", "spring.flyway.process", "spring.none.process");
        ratioLine("Spring start-up: Retort / Flyway (whole process)", "spring.retort.process",
                "spring.flyway.process");
        ratioLine("Retort one tx / bare JDBC one commit (in-process)", "apply.retort_tx.inproc",
                "apply.jdbc_single.inproc");
        ratioLine("Retort per migration / bare JDBC commit each (in-process)", "apply.retort_per.inproc",
                "apply.jdbc_each.inproc");
        ratioLine("Retort one tx / Flyway (in-process)", "apply.retort_tx.inproc", "apply.flyway.inproc");
        ratioLine("Retort one tx, logging on / off (apply, in-process)", "apply.retort_tx_logging.inproc",
                "apply.retort_tx.inproc");
        ratioLine("Retort check, logging on / off (in-process cold)", "check.retort_logging.inproc",
                "check.retort.inproc");
        ratioLine("check floor / Flyway (in-process cold): the lowest ratio any tool could reach",
                "check.floor.inproc", "check.flyway.inproc");
        ratioLine("check floor / Flyway (whole process)", "check.floor.process", "check.flyway.process");
        ratioLine("bare JDBC one commit / psql -1 (in-process vs process)", "apply.jdbc_single.inproc",
                "apply.psql.process");
        ratioLine("command mode's floor: the CLI's main class from the application jar / standalone CLI",
                "command.floor.process", "command.cli.process");
        ratioLine("the same after reading the configuration with Spring Boot's ConfigData / standalone CLI",
                "command.config.process", "command.cli.process");
        ratioLine("command mode / the config-read floor", "command.app.process", "command.config.process");
        print("");
    }

    private void ratioLine(String what, String a, String b) {
        if (stats.has(a) && stats.has(b)) {
            print("- " + what + ": " + Stats.ratio(stats.median(a) / stats.median(b)) + " (" + Stats.fmt(
                    stats.median(a)) + " ms / " + Stats.fmt(stats.median(b)) + " ms)");
        }
    }

    // ---------------------------------------------------------------- for Profile

    Path work() {
        return work;
    }

    int size() {
        return size;
    }

    int graphSize() {
        return graphSize;
    }

    String checkRetortDb() {
        return CHECK_RETORT_DB;
    }

    String checkFlywayDb() {
        return CHECK_FLYWAY_DB;
    }
}
