package dev.retort.bench;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.script.RevisionScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 1 in process: load the scripts of a directory (scan, header parsing, graph build), then
 * {@code graph.heads()} and {@code graph.upgradePlan([], "heads")}. The first pass is cold (fresh JVM); then
 * {@code warm} more passes, each with a new {@link Retort}, and the graph alone rebuilt from the parsed revisions.
 *
 * <p>Arguments: {@code DIR [WARM]}.
 */
public final class GraphLoad {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        String dir = args[0];
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Child.setUpLogging();
        long[] cold = pass(dir);
        Child.result("cold_load", Child.ms(cold[0]));
        Child.result("cold_heads", Child.ms(cold[1]));
        Child.result("cold_plan", Child.ms(cold[2]));
        Child.result("cold_total", Child.ms(cold[0] + cold[1] + cold[2]));
        Child.result("cold_since_main", Child.ms(System.nanoTime() - t0));
        Child.info("plan_size", cold[3]);
        Child.info("heads", cold[4]);
        List<Revision> revisions = null;
        for (int i = 0; i < warm; i++) {
            long[] p = pass(dir);
            Child.result("warm_load", Child.ms(p[0]));
            Child.result("warm_heads", Child.ms(p[1]));
            Child.result("warm_plan", Child.ms(p[2]));
            Child.result("warm_total", Child.ms(p[0] + p[1] + p[2]));
            if (revisions == null) {
                Retort retort = retort(dir);
                revisions = new ArrayList<>();
                for (RevisionScript script : retort.scripts().scripts()) {
                    revisions.add(script.revision());
                }
            }
            long g0 = System.nanoTime();
            RevisionGraph graph = RevisionGraph.of(revisions);
            long g1 = System.nanoTime();
            graph.heads();
            graph.upgradePlan(List.of(), "heads");
            long g2 = System.nanoTime();
            Child.result("warm_graph_build", Child.ms(g1 - g0));
            Child.result("warm_graph_heads_plan", Child.ms(g2 - g1));
        }
    }

    private static Retort retort(String dir) {
        return new Retort(RetortConfig.builder().locations("filesystem:" + dir).output(line -> { }).build());
    }

    private static long[] pass(String dir) {
        long a = System.nanoTime();
        Retort retort = retort(dir);
        retort.scripts();
        long b = System.nanoTime();
        List<String> heads = retort.graph().heads();
        long c = System.nanoTime();
        List<Revision> plan = retort.graph().upgradePlan(List.of(), "heads");
        long d = System.nanoTime();
        return new long[] {b - a, c - b, d - c, plan.size(), heads.size()};
    }
}
