package dev.retort.autogenerate;

import dev.retort.ops.EnumColumn;
import dev.retort.schema.Cast;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One comparison's inputs, the table pairing every comparator works from, and the plan they add to. */
final class Context {

    final Schema live;
    final Schema target;
    final CompareOptions options;
    final Plan plan = new Plan();
    /** Tables in both, by target key: the live table (under its old name if renamed) and the target table. */
    final Map<String, Table[]> common = new TreeMap<>();
    final Map<String, Table> added = new TreeMap<>();
    final Map<String, Table> removed = new TreeMap<>();
    final Map<String, Table> unmapped = new TreeMap<>();

    Context(Schema live, Schema target, CompareOptions options) {
        this.live = live;
        this.target = target;
        this.options = options;
    }

    /** Whether values of {@code from} may not fit {@code to}, by the dialect's facts when there is one. */
    boolean narrows(String from, String to) {
        return options.dialect() != null ? options.dialect().narrows(from, to) : Types.narrows(from, to);
    }

    /** Whether the two types are one, by the dialect's facts when there is one (else by their text). */
    boolean sameType(String a, String b) {
        return Types.same(a, b) || options.dialect() != null && options.dialect().sameType(Types.normalize(a),
                Types.normalize(b));
    }

    /** Whether two referential actions behave the same, by the dialect's facts when there is one. */
    boolean sameAction(ForeignKey.ReferentialAction a, ForeignKey.ReferentialAction b) {
        return a == b || options.dialect() != null && options.dialect().sameAction(a, b);
    }

    /**
     * The name the database gives a unique constraint on these columns created without one: the dialect's, else
     * {@code <table>_<columns>_key}.
     */
    String defaultUniqueName(Table table, List<String> columns) {
        String name = options.dialect() != null ? options.dialect().defaultUniqueName(table, columns) : null;
        return name != null ? name : table.name() + "_" + String.join("_", columns) + "_key";
    }

    /**
     * The name the database gives the check created without one: the dialect's, else
     * {@code <table>_<first column it mentions>_check}.
     */
    String defaultCheckName(Table table, CheckConstraint check) {
        String name = options.dialect() != null ? options.dialect().defaultCheckName(table, check) : null;
        return name != null ? name : CheckComparator.defaultName(table, check);
    }

    /** Whether a dropped column of one type and an added one of the other could be one column renamed. */
    boolean compatible(String a, String b) {
        return Types.same(a, b) || options.dialect() != null && options.dialect().compatible(a, b);
    }

    static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    static String key(Table table) {
        return key(table.schema(), table.name());
    }

    /** {@code table.column} as Alembic's log lines name it. */
    static String name(Table table, String column) {
        return key(table) + "." + column;
    }

    /** The live column names a target table will no longer have. */
    Set<String> droppedColumns(Table liveTable, Table targetTable) {
        Map<String, String> renames = options.columnRenames().getOrDefault(targetTable.name(), Map.of());
        Set<String> out = new java.util.HashSet<>();
        for (Column c : liveTable.columns()) {
            String name = renames.getOrDefault(c.name(), c.name());
            if (targetTable.column(name).isEmpty()) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** Whether a column's type is this enum type. */
    static boolean uses(Column column, EnumType type) {
        String t = Types.normalize(column.type());
        return t.equals(type.name().toLowerCase(java.util.Locale.ROOT))
                || t.equals(type.qualifiedName().toLowerCase(java.util.Locale.ROOT));
    }

    /** The live columns of this enum type. */
    List<EnumColumn> liveColumns(EnumType type) {
        List<EnumColumn> out = new ArrayList<>();
        for (Table t : live.tables()) {
            for (Column c : t.columns()) {
                if (uses(c, type)) {
                    out.add(new EnumColumn(t.schema(), t.name(), c.name(), c.defaultExpression()));
                }
            }
        }
        return out;
    }

    /** The live casts from or to this enum type. */
    List<Cast> liveCasts(EnumType type) {
        return live.casts().stream().filter(c -> involves(c, type)).toList();
    }

    static boolean involves(Cast cast, EnumType type) {
        String name = type.name().toLowerCase(java.util.Locale.ROOT);
        String qualified = type.qualifiedName().toLowerCase(java.util.Locale.ROOT);
        String s = Types.normalize(cast.sourceType());
        String t = Types.normalize(cast.targetType());
        return s.equals(name) || s.equals(qualified) || t.equals(name) || t.equals(qualified);
    }

    /** Live tables by key. */
    Map<String, Table> liveTables() {
        Map<String, Table> out = new LinkedHashMap<>();
        live.tables().forEach(t -> out.put(key(t), t));
        return out;
    }
}
