package dev.retort.autogenerate;

import dev.retort.ops.AddCheck;
import dev.retort.ops.DropCheck;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check constraints, by their canonical expression (so a new Java enum constant, which changes Hibernate's
 * {@code status in ('A','B')} check, is a change; Alembic compares names only). A named target check matches the
 * live check of that name; an unnamed one, or one with the name PostgreSQL would give it, any live check with the
 * same expression.
 */
final class CheckComparator {

    private CheckComparator() {
    }

    static void compare(Context ctx, Table live, Table target) {
        Plan.Section section = ctx.plan.section(Context.key(target));
        List<CheckConstraint> unmatched = new ArrayList<>(live.checks());
        List<CheckConstraint> missing = new ArrayList<>();
        List<CheckConstraint> byExpression = new ArrayList<>();
        for (CheckConstraint t : target.checks()) {
            CheckConstraint l = unmatched.stream().filter(c -> t.name() != null ? t.name().equals(c.name())
                    : same(c.expression(), t.expression())).findFirst().orElse(null);
            if (l != null && same(l.expression(), t.expression())) {
                unmatched.remove(l);
            } else if (l == null && databaseNamed(ctx, target, t)) {
                byExpression.add(t);
            } else {
                missing.add(t);
            }
        }
        // A check the database would name itself (Hibernate's enum checks) matches a live check with the same
        // expression whatever its name: a revision written by hand names it (ck_job_status), Hibernate doesn't.
        for (CheckConstraint t : byExpression) {
            CheckConstraint l = unmatched.stream().filter(c -> same(c.expression(), t.expression())).findFirst()
                    .orElse(null);
            if (l != null) {
                unmatched.remove(l);
            } else {
                missing.add(t);
            }
        }
        List<String> dropped = new ArrayList<>();
        for (CheckConstraint l : unmatched) {
            section.dropConstraints.add(new DropCheck(target.schema(), target.name(), l));
            dropped.add(l.name());
        }
        for (CheckConstraint t : missing) {
            CheckConstraint named = t.name() != null ? t
                    : new CheckConstraint(ctx.defaultCheckName(target, t), t.expression());
            section.addConstraints.add(new AddCheck(target.schema(), target.name(), named));
            if (dropped.remove(named.name())) {
                ctx.plan.detected("changed check constraint '" + named.name() + "' on table '" + Context.key(target)
                        + "': expression " + t.expression());
            } else {
                ctx.plan.detected("added check constraint '" + named.name() + "' on table '" + Context.key(target)
                        + "'");
            }
        }
        for (String name : dropped) {
            ctx.plan.detected("removed check constraint '" + name + "' on table '" + Context.key(target) + "'");
        }
    }

    static boolean same(String a, String b) {
        return a.equals(b) || normalize(a).equals(normalize(b));
    }

    /** {@code (ARRAY['A'::character varying, …])::text[]}: how PostgreSQL stores Hibernate's {@code in (…)}. */
    private static final Pattern ARRAY_CAST = Pattern.compile("\\(ARRAY\\[((?:[^\\]']|'(?:[^']|'')*')*)\\]\\)::([a-z ]+)\\[\\]");

    private static String normalize(String expression) {
        String e = arrayCasts(expression.strip().replaceAll("\\s+", " "));
        while (e.startsWith("(") && e.endsWith(")") && balanced(e.substring(1, e.length() - 1))) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    /**
     * Casts an array's elements instead of the array: PostgreSQL stores its own stored form of an {@code in (…)}
     * check, parsed again, as {@code ARRAY[('A'::character varying)::text, …]}; both mean the same.
     */
    private static String arrayCasts(String e) {
        Matcher m = ARRAY_CAST.matcher(e);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String type = m.group(2);
            List<String> elements = new ArrayList<>();
            for (String element : splitTopLevel(m.group(1))) {
                elements.add("(" + element.strip() + ")::" + type);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("ARRAY[" + String.join(", ", elements) + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> splitTopLevel(String list) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == ')')) {
                depth += c == '(' ? 1 : -1;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(list.substring(start, i));
                start = i + 1;
            }
        }
        out.add(list.substring(start));
        return out;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * Whether the target check carries the name the database gives an unnamed one (as the dialect names the
     * model's unnamed checks), so that a hand-named live check with the same expression is the same check.
     */
    private static boolean databaseNamed(Context ctx, Table table, CheckConstraint check) {
        String name = check.name();
        if (name == null) {
            return false;
        }
        String named = ctx.defaultCheckName(table, check);
        return name.startsWith(named) && name.substring(named.length()).chars().allMatch(Character::isDigit);
    }

    /** The name for an unnamed check without a dialect: {@code <table>_<first column it mentions>_check}. */
    static String defaultName(Table table, CheckConstraint check) {
        String first = null;
        int at = Integer.MAX_VALUE;
        for (Column c : table.columns()) {
            var m = Pattern.compile("(?<![\\w.])\"?" + Pattern.quote(c.name()) + "\"?(?!\\w)").matcher(check.expression());
            if (m.find() && m.start() < at) {
                at = m.start();
                first = c.name();
            }
        }
        return table.name() + (first == null ? "" : "_" + first) + "_check";
    }
}
