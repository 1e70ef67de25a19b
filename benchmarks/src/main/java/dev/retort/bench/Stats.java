package dev.retort.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Samples per metric, in milliseconds, and their median and minimum. */
final class Stats {

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();

    void add(String metric, double millis) {
        samples.computeIfAbsent(metric, k -> new ArrayList<>()).add(millis);
    }

    void label(String metric, String label) {
        labels.put(metric, label);
    }

    boolean has(String metric) {
        return samples.containsKey(metric) && !samples.get(metric).isEmpty();
    }

    List<Double> get(String metric) {
        return samples.getOrDefault(metric, List.of());
    }

    double median(String metric) {
        List<Double> s = new ArrayList<>(get(metric));
        if (s.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min(String metric) {
        return get(metric).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max(String metric) {
        return get(metric).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The median of a[i] / b[i] when both metrics have one sample per round (NaN otherwise). */
    double pairedRatio(String a, String b) {
        List<Double> x = get(a);
        List<Double> y = get(b);
        if (x.isEmpty() || x.size() != y.size()) {
            return Double.NaN;
        }
        Stats ratios = new Stats();
        for (int i = 0; i < x.size(); i++) {
            ratios.add("r", x.get(i) / y.get(i));
        }
        return ratios.median("r");
    }

    int count(String metric) {
        return get(metric).size();
    }

    /** A markdown row: label, median, min, max, n. */
    String row(String metric) {
        return "| " + labels.getOrDefault(metric, metric) + " | " + fmt(median(metric)) + " | " + fmt(min(metric))
                + " | " + fmt(max(metric)) + " | " + count(metric) + " |";
    }

    static String header() {
        return "| measurement | median ms | min ms | max ms | n |\n|---|---:|---:|---:|---:|";
    }

    static String fmt(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%,.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f×", r);
    }
}
