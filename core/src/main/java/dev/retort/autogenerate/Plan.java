package dev.retort.autogenerate;

import dev.retort.ops.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The upgrade being built, in buckets that fix the order: types and sequences before the tables that use them,
 * foreign keys dropped before anything they depend on and added after everything exists, constraints dropped before
 * columns, tables dropped last, then the types and sequences they used.
 */
final class Plan {

    final List<Op> remarks = new ArrayList<>();
    final List<Op> sequences = new ArrayList<>();
    final List<Op> enumTypes = new ArrayList<>();
    final List<Op> casts = new ArrayList<>();
    final List<Op> tableRenames = new ArrayList<>();
    final List<Op> dropForeignKeys = new ArrayList<>();
    final List<Op> createTables = new ArrayList<>();
    final Map<String, Section> sections = new TreeMap<>();
    final List<Op> addForeignKeys = new ArrayList<>();
    final List<Op> dropTables = new ArrayList<>();
    final List<Op> dropCasts = new ArrayList<>();
    final List<Op> dropEnumTypes = new ArrayList<>();
    final List<Op> dropSequences = new ArrayList<>();
    final List<String> changes = new ArrayList<>();

    void detected(String change) {
        changes.add("Detected " + change);
    }

    /** The section of an existing table. */
    Section section(String table) {
        return sections.computeIfAbsent(table, t -> new Section());
    }

    List<Op> ops() {
        List<Op> out = new ArrayList<>(remarks);
        out.addAll(sequences);
        out.addAll(enumTypes);
        out.addAll(casts);
        out.addAll(tableRenames);
        out.addAll(dropForeignKeys);
        out.addAll(createTables);
        sections.values().forEach(s -> s.addTo(out));
        out.addAll(addForeignKeys);
        out.addAll(dropTables);
        out.addAll(dropCasts);
        out.addAll(dropEnumTypes);
        out.addAll(dropSequences);
        return out;
    }

    /** The operations on one existing table, in the order they run. */
    static final class Section {
        final List<Op> dropConstraints = new ArrayList<>();
        final List<Op> renameColumns = new ArrayList<>();
        final List<Op> dropColumns = new ArrayList<>();
        final List<Op> addColumns = new ArrayList<>();
        final Map<String, List<Op>> alterColumns = new LinkedHashMap<>();
        final List<Op> addConstraints = new ArrayList<>();
        final List<Op> comments = new ArrayList<>();

        void alter(String column, Op op) {
            alterColumns.computeIfAbsent(column, c -> new ArrayList<>()).add(op);
        }

        /** An alteration of a column that must run before its others. */
        void alterFirst(String column, Op op) {
            alterColumns.computeIfAbsent(column, c -> new ArrayList<>()).add(0, op);
        }

        void addTo(List<Op> out) {
            out.addAll(dropConstraints);
            out.addAll(renameColumns);
            out.addAll(dropColumns);
            out.addAll(addColumns);
            alterColumns.values().forEach(out::addAll);
            out.addAll(addConstraints);
            out.addAll(comments);
        }
    }
}
