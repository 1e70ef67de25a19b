package dev.retort.hibernate;

import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The names of the objects a create script makes, and of those a schema holds, in one form to compare them. */
final class ScriptNames {

    private static final List<Pattern> PATTERNS = Stream.of(
            "^create table (\\S+) ", "^create type (\\S+) ", "^create domain (\\S+) ", "^create sequence (\\S+) ",
            "^create (?:unique )?index (\\S+) on (\\S+) ", "constraint (\\S+) (?:unique|foreign key|check)")
            .map(Pattern::compile).toList();

    private ScriptNames() {
    }

    /** {@code table:x}, {@code type:x}, {@code sequence:x}, {@code index:x}, {@code constraint:x}, folded. */
    static List<String> of(List<String> script, UnaryOperator<String> fold) {
        List<String> names = new ArrayList<>();
        String[] kinds = {"table", "type", "type", "sequence", "index", "constraint"};
        for (String statement : script) {
            for (int i = 0; i < PATTERNS.size(); i++) {
                Matcher m = PATTERNS.get(i).matcher(statement);
                while (m.find()) {
                    names.add(kinds[i] + ":" + fold.apply(m.group(1)));
                }
            }
        }
        return names;
    }

    static List<String> of(Schema schema) {
        List<String> names = new ArrayList<>();
        schema.enumTypes().forEach(t -> names.add("type:" + t.name()));
        schema.sequences().forEach(s -> names.add("sequence:" + s.name()));
        for (Table t : schema.tables()) {
            names.add("table:" + t.name());
            t.indexes().forEach(i -> names.add("index:" + i.name()));
            t.uniqueConstraints().forEach(u -> names.add("constraint:" + u.name()));
            t.foreignKeys().forEach(f -> names.add("constraint:" + f.name()));
            t.checks().forEach(c -> names.add("constraint:" + c.name()));
        }
        return names;
    }
}
