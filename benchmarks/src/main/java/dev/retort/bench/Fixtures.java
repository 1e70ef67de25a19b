package dev.retort.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the benchmark inputs: Retort revision scripts (a linear chain, or a chain with branches and merges), the
 * same SQL as Flyway {@code V<n>__} scripts, and the same SQL as one {@code all.sql} for psql and the JDBC loop.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** The upgrade SQL of revision {@code i} (1-based), the same for every tool. */
    static String upgradeSql(int i, int width) {
        return "CREATE TABLE " + table(i, width) + " (id bigint PRIMARY KEY, name varchar(100));";
    }

    static String table(int i, int width) {
        return "t" + pad(i, width);
    }

    static String pad(int i, int width) {
        return String.format(Locale.ROOT, "%0" + width + "d", i);
    }

    static int width(int n) {
        return Math.max(4, Integer.toString(n).length());
    }

    /** Alembic-like 12-hex-character revision ids, deterministic. */
    static List<String> ids(int n) {
        Random random = new Random(42 + n);
        List<String> ids = new ArrayList<>(n);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.size() < n) {
            String id = String.format(Locale.ROOT, "%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
            if (seen.add(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * {@code n} Retort revisions in {@code dir}. Linear: each revises the one before. Branched: repeating groups of
     * twelve: a trunk revision, two branches of five revisions off it, and a merge of the two branches (the next
     * trunk revision revises the merge); about one in six revisions is a branchpoint or mergepoint.
     *
     * @return the head revision id(s)
     */
    static List<String> retortScripts(Path dir, int n, boolean branched) {
        int width = width(n);
        List<String> ids = ids(n);
        List<String> heads = new ArrayList<>();
        createDirectories(dir);
        for (int i = 1; i <= n; i++) {
            String id = ids.get(i - 1);
            List<String> revises = new ArrayList<>();
            if (!branched) {
                if (i > 1) {
                    revises.add(ids.get(i - 2));
                }
            } else {
                int p = (i - 1) % 12;
                int groupStart = i - p; // 1-based index of this group's trunk revision
                if (p == 0) {
                    if (i > 1) {
                        revises.add(ids.get(i - 2)); // the previous group's merge
                    }
                } else if (p == 1 || p == 6) {
                    revises.add(ids.get(groupStart - 1)); // both branches start at the trunk revision
                } else if (p == 11) {
                    revises.add(ids.get(groupStart + 5 - 1));
                    revises.add(ids.get(groupStart + 10 - 1));
                } else {
                    revises.add(ids.get(i - 2));
                }
            }
            String message = "create " + table(i, width);
            String text = "-- " + message + "\n"
                    + "--\n"
                    + "-- Revision ID: " + id + "\n"
                    + "-- Revises: " + String.join(", ", revises) + "\n"
                    + "-- Create Date: 2025-10-24 17:40:00.123456\n"
                    + "\n"
                    + "-- migrate:upgrade\n"
                    + upgradeSql(i, width) + "\n"
                    + "\n"
                    + "-- migrate:downgrade\n"
                    + "DROP TABLE " + table(i, width) + ";\n";
            write(dir.resolve(pad(i, width) + "_" + id + "_create_" + table(i, width) + ".sql"), text);
        }
        // heads: revisions nobody revises
        java.util.Set<String> revised = new java.util.HashSet<>();
        for (Path file : list(dir)) {
            for (String line : readLines(file)) {
                if (line.startsWith("-- Revises: ")) {
                    for (String r : line.substring(12).split(",")) {
                        if (!r.isBlank()) {
                            revised.add(r.strip());
                        }
                    }
                }
            }
        }
        for (String id : ids) {
            if (!revised.contains(id)) {
                heads.add(id);
            }
        }
        return heads;
    }

    /** {@code n} Flyway scripts {@code V0001__create_t0001.sql} with the same upgrade SQL. */
    static void flywayScripts(Path dir, int n) {
        int width = width(n);
        createDirectories(dir);
        for (int i = 1; i <= n; i++) {
            write(dir.resolve("V" + pad(i, width) + "__create_" + table(i, width) + ".sql"),
                    upgradeSql(i, width) + "\n");
        }
    }

    /** The same {@code n} statements, one per line, for {@code psql -1 -f} and the JDBC loop. */
    static void allSql(Path file, int n) {
        int width = width(n);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(upgradeSql(i, width)).append('\n');
        }
        write(file, sb.toString());
    }

    static List<Path> list(Path dir) {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
