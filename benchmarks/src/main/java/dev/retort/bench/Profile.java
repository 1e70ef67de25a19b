package dev.retort.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code profile}: where the time goes. For each benchmark, the database round trips by kind (a timing
 * DataSource, no change to the tools), the phases, the classes loaded, and JFR execution samples (1 ms period)
 * summed over several cold runs: hottest methods, and samples attributed to the innermost Retort method on the
 * stack.
 */
final class Profile {

    private final Bench bench;
    private Path jfc;

    Profile(Bench bench) {
        this.bench = bench;
    }

    void run() {
        jfc = writeJfc();
        graph();
        bench.prepareCheckDatabases();
        try {
            check();
        } finally {
            bench.dropCheckDatabases();
        }
        apply();
    }

    // ---------------------------------------------------------------- the three benchmarks

    private void graph() {
        Path linear = bench.work().resolve("graph-linear");
        Fixtures.retortScripts(linear, bench.graphSize(), false);
        bench.print("## Profile 1: `retort heads` over " + bench.graphSize() + " revisions (linear), cold");
        bench.print("");
        classes("`java -jar retort.jar --version`", bench.cliCommand(classLog(), "--version"));
        classes("`java -jar retort.jar heads`", bench.cliCommand(classLog(), "--locations", "filesystem:" + linear,
                "heads"));
        List<Path> recordings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recordings.add(record("graph-cli-" + i, opts -> bench.cliCommand(opts, "--locations",
                    "filesystem:" + linear, "heads")));
        }
        jfrSummary(recordings);
        List<Path> inproc = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inproc.add(record("graph-inproc-" + i, opts -> bench.javaCommand(Bench.Tool.RETORT, opts, "GraphLoad",
                    linear.toString(), "0")));
        }
        bench.print("In-process `GraphLoad` (load + heads + plan), linear, cold, JFR over 3 runs:");
        bench.print("");
        jfrSummary(inproc);
        Path branched = bench.work().resolve("graph-branched");
        Fixtures.retortScripts(branched, bench.graphSize(), true);
        List<Path> br = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            br.add(record("graph-branched-" + i, opts -> bench.javaCommand(Bench.Tool.RETORT, opts, "GraphLoad",
                    branched.toString(), "0")));
        }
        bench.print("In-process `GraphLoad` (load + heads + plan), branched, cold, JFR over 3 runs:");
        bench.print("");
        jfrSummary(br);
    }

    private void check() {
        String rurl = bench.url(bench.checkRetortDb());
        String furl = bench.url(bench.checkFlywayDb());
        Path rdir = bench.retortDir();
        Path fdir = bench.flywayDir();
        String none = "0";
        bench.print("## Profile 2: up-to-date check at " + bench.size() + " revisions, cold");
        bench.print("");
        classes("Retort check program", bench.javaCommand(Bench.Tool.RETORT, classLog(), "RetortMigrate", rurl,
                rdir.toString(), none));
        classes("Flyway check program", bench.javaCommand(Bench.Tool.FLYWAY, classLog(), "FlywayMigrate", furl,
                fdir.toString(), none));
        classes("floor program", bench.javaCommand(Bench.Tool.BARE, classLog(), "Floor", rurl, rdir.toString()));
        bench.print("");
        traces("Floor program (5 cold runs, medians)", 5, () -> bench.javaCommand(Bench.Tool.BARE, List.of(), "Floor",
                rurl, rdir.toString()), List.of("phase_read_files", "phase_connect", "phase_query", "cold_ms"));
        traces("Retort check, database calls (timing DataSource, 7 cold runs, medians)", 7,
                () -> bench.javaCommand(Bench.Tool.RETORT, List.of("-Dbench.trace=true"), "RetortMigrate", rurl,
                        rdir.toString(), none), List.of("phase_load_scripts", "phase_upgrade", "cold_ms",
                        "db_total"));
        traces("Flyway check, database calls (timing DataSource, 3 cold runs, medians)", 3,
                () -> bench.javaCommand(Bench.Tool.FLYWAY, List.of("-Dbench.trace=true"), "FlywayMigrate", furl,
                        fdir.toString(), none), List.of("cold_ms", "db_total"));
        List<Path> recordings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            recordings.add(record("check-retort-" + i, opts -> bench.javaCommand(Bench.Tool.RETORT, opts,
                    "RetortMigrate", rurl, rdir.toString(), none)));
        }
        bench.print("Retort check, JFR over 8 cold runs:");
        bench.print("");
        jfrSummary(recordings);
    }

    private void apply() {
        Path rdir = bench.retortDir();
        Path fdir = bench.flywayDir();
        String url = bench.url(Bench.APPLY_DB);
        String n = Integer.toString(bench.size());
        bench.print("## Profile 3: applying " + bench.size() + " revisions");
        bench.print("");
        try {
            traces("Retort, one transaction: database calls (2 runs, medians)", 2, () -> {
                bench.createDatabase(Bench.APPLY_DB);
                return bench.javaCommand(Bench.Tool.RETORT, List.of("-Dbench.trace=true"), "RetortMigrate", url,
                        rdir.toString(), n);
            }, List.of("phase_load_scripts", "phase_upgrade", "cold_ms", "db_total"));
            traces("Retort, transaction per migration: database calls (2 runs, medians)", 2, () -> {
                bench.createDatabase(Bench.APPLY_DB);
                return bench.javaCommand(Bench.Tool.RETORT, List.of("-Dbench.trace=true",
                        "-Dbench.perMigration=true"), "RetortMigrate", url, rdir.toString(), n);
            }, List.of("phase_load_scripts", "phase_upgrade", "cold_ms", "db_total"));
            traces("Flyway: database calls (1 run)", 1, () -> {
                bench.createDatabase(Bench.APPLY_DB);
                return bench.javaCommand(Bench.Tool.FLYWAY, List.of("-Dbench.trace=true"), "FlywayMigrate", url,
                        fdir.toString(), n);
            }, List.of("cold_ms", "db_total"));
            for (boolean per : new boolean[] {false, true}) {
                List<Path> recordings = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    bench.createDatabase(Bench.APPLY_DB);
                    recordings.add(record("apply-" + per + "-" + i, opts -> {
                        List<String> o = new ArrayList<>(opts);
                        o.add("-Dbench.perMigration=" + per);
                        return bench.javaCommand(Bench.Tool.RETORT, o, "RetortMigrate", url, rdir.toString(), n);
                    }));
                }
                bench.print("Retort apply, " + (per ? "transaction per migration" : "one transaction")
                        + ", JFR over 2 runs (Java-side only: time waiting on the socket is not sampled):");
                bench.print("");
                jfrSummary(recordings);
            }
        } finally {
            bench.dropDatabase(Bench.APPLY_DB);
        }
    }

    // ---------------------------------------------------------------- class loading

    private List<String> classLog() {
        return List.of("-Xlog:class+load=info:file=" + bench.work().resolve("classes.log"));
    }

    private void classes(String what, List<String> command) {
        bench.exec(command);
        List<String> lines;
        try {
            lines = Files.readAllLines(bench.work().resolve("classes.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int shared = 0;
        int jrt = 0;
        Map<String, Integer> jars = new LinkedHashMap<>();
        for (String line : lines) {
            int source = line.indexOf("source: ");
            if (source < 0) {
                continue;
            }
            String s = line.substring(source + 8);
            if (s.startsWith("shared objects file")) {
                shared++;
            } else if (s.startsWith("file:")) {
                String name = s.replaceAll("/+$", "").replaceAll(".*/", "");
                jars.merge(name, 1, Integer::sum);
            } else {
                jrt++; // jrt:/ modules, lambdas, proxies and other generated classes
            }
        }
        int fromJars = jars.values().stream().mapToInt(Integer::intValue).sum();
        bench.print("- " + what + ": " + (shared + jrt + fromJars) + " classes loaded (" + shared
                + " from the CDS archive, " + jrt + " other JDK or generated (lambdas, proxies), " + fromJars + " from the class path: "
                + jars + ")");
    }

    // ---------------------------------------------------------------- database call traces

    private interface CommandSupplier {
        List<String> get();
    }

    private void traces(String title, int runs, CommandSupplier command, List<String> phases) {
        Map<String, List<double[]>> buckets = new LinkedHashMap<>();
        Map<String, List<Double>> phaseValues = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            Bench.Run run = bench.exec(command.get());
            for (String p : phases) {
                phaseValues.computeIfAbsent(p, k -> new ArrayList<>()).add(run.value(p));
            }
            for (String line : run.traces()) {
                String[] parts = line.split("\\|");
                buckets.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new double[] {
                    Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
                    Double.parseDouble(parts[4])});
            }
        }
        bench.print(title + ":");
        bench.print("");
        StringBuilder phaseLine = new StringBuilder();
        for (Map.Entry<String, List<Double>> e : phaseValues.entrySet()) {
            phaseLine.append(phaseLine.length() == 0 ? "" : ", ").append(e.getKey()).append(" ")
                    .append(Stats.fmt(median(e.getValue()))).append(" ms");
        }
        bench.print("Phases: " + phaseLine);
        bench.print("");
        if (buckets.isEmpty()) {
            return;
        }
        bench.print("| database call | calls | total ms | ms per call | first starts at ms | last ends at ms |");
        bench.print("|---|---:|---:|---:|---:|---:|");
        List<Map.Entry<String, List<double[]>>> entries = new ArrayList<>(buckets.entrySet());
        entries.sort((a, b) -> Double.compare(median(col(b.getValue(), 1)), median(col(a.getValue(), 1))));
        for (Map.Entry<String, List<double[]>> e : entries) {
            double calls = median(col(e.getValue(), 0));
            double total = median(col(e.getValue(), 1));
            bench.print("| " + e.getKey().replace("|", "\\|") + " | " + String.format(Locale.ROOT, "%.0f", calls)
                    + " | " + Stats.fmt(total) + " | " + String.format(Locale.ROOT, "%.3f", total / calls) + " | "
                    + Stats.fmt(median(col(e.getValue(), 2))) + " | " + Stats.fmt(median(col(e.getValue(), 3)))
                    + " |");
        }
        bench.print("");
    }

    private static List<Double> col(List<double[]> rows, int i) {
        List<Double> out = new ArrayList<>();
        for (double[] row : rows) {
            out.add(row[i]);
        }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    // ---------------------------------------------------------------- JFR

    private interface Command {
        List<String> build(List<String> jvmOptions);
    }

    private Path record(String name, Command command) {
        Path file = bench.work().resolve(name + ".jfr");
        bench.exec(command.build(List.of("-XX:StartFlightRecording=filename=" + file + ",settings=" + jfc,
                "-XX:FlightRecorderOptions=stackdepth=256")));
        return file;
    }

    /** The JDK's profile settings with method sampling every millisecond. */
    private Path writeJfc() {
        Path source = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        try {
            String text = Files.readString(source);
            text = text.replaceAll("(control=\"method-sampling-java-interval\">)[^<]*", "$11 ms")
                    .replaceAll("(control=\"method-sampling-native-interval\">)[^<]*", "$11 ms");
            Path out = bench.work().resolve("sampling-1ms.jfc");
            Files.writeString(out, text);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void jfrSummary(List<Path> files) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> retortInnermost = new HashMap<>();
        Map<String, Integer> retortInclusive = new HashMap<>();
        int total = 0;
        int classLoading = 0;
        int interpreted = 0;
        int nativeSamples = 0;
        for (Path file : files) {
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    String type = event.getEventType().getName();
                    boolean java = type.equals("jdk.ExecutionSample");
                    if (!java && !type.equals("jdk.NativeMethodSample")) {
                        continue;
                    }
                    RecordedThread thread = event.getThread("sampledThread");
                    if (thread == null || !"main".equals(thread.getJavaName())) {
                        continue;
                    }
                    if (!java) {
                        nativeSamples++;
                        continue;
                    }
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    total++;
                    List<RecordedFrame> frames = stack.getFrames();
                    RecordedFrame top = frames.get(0);
                    self.merge(method(top), 1, Integer::sum);
                    if ("Interpreted".equals(top.getType())) {
                        interpreted++;
                    }
                    boolean loading = false;
                    String innermost = null;
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String m = method(frame);
                        if (m.startsWith("jdk.internal.loader.") || m.startsWith("java.lang.ClassLoader.")
                                || m.startsWith("java.net.URLClassLoader.")) {
                            loading = true;
                        }
                        if (m.startsWith("dev.retort.") && !m.startsWith("dev.retort.bench.")) {
                            if (innermost == null) {
                                innermost = m;
                            }
                            if (seen.add(m)) {
                                retortInclusive.merge(m, 1, Integer::sum);
                            }
                        }
                    }
                    if (loading) {
                        classLoading++;
                    }
                    retortInnermost.merge(innermost == null ? "(no Retort frame on the stack)" : innermost, 1,
                            Integer::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        bench.print(String.format(Locale.ROOT, "%d Java samples on the main thread (1 ms period, %d recordings);"
                + " %.0f%% with class loading on the stack; %.0f%% in interpreted code; %d native-method samples"
                + " (waiting in socket reads etc.).", total, files.size(), pct(classLoading, total),
                pct(interpreted, total), nativeSamples));
        bench.print("");
        top("hottest methods (self)", self, total, 15);
        top("innermost Retort method on the stack (self + JDK/driver callees)", retortInnermost, total, 20);
        top("Retort methods, inclusive", retortInclusive, total, 20);
    }

    private void top(String title, Map<String, Integer> counts, int total, int limit) {
        bench.print("| " + title + " | samples | share |");
        bench.print("|---|---:|---:|");
        counts.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(limit)
                .forEach(e -> bench.print("| `" + e.getKey() + "` | " + e.getValue() + " | "
                        + String.format(Locale.ROOT, "%.1f%%", pct(e.getValue(), total)) + " |"));
        bench.print("");
    }

    private static double pct(int part, int total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }

    private static String method(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        // hidden classes (lambdas) carry an address that differs per run: Foo$$Lambda$96+0x00007f04940c6d50/123
        String type = frame.getMethod().getType().getName().replaceAll("\\$\\$Lambda\\$.*", "\\$\\$Lambda");
        return type + "." + frame.getMethod().getName();
    }
}
