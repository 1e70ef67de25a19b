package dev.retort.testkit;

import static dev.retort.testkit.MigrationTestFailure.context;

import dev.retort.graph.Revision;
import dev.retort.script.RevisionScript;
import dev.retort.script.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads each revision's upgrade SQL for statements that hold a heavy lock on PostgreSQL while a safe alternative
 * exists. Reads only; runs nothing.
 */
final class DangerousOperations {

    private static final String NAME = "(?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^\\s*CREATE\\s+(?:UNLOGGED\\s+|TEMP(?:ORARY)?\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + NAME
                    + "\\s+)?ON\\s+(?:ONLY\\s+)?(" + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TYPE_COLUMN = Pattern.compile(
            "ALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+([\\w ]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")\\s+([^,]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_VALUE = Pattern.compile(
            "^\\s*ALTER\\s+TYPE\\s+(" + NAME + ")\\s+ADD\\s+VALUE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?'((?:[^']|'')*)'",
            Pattern.CASE_INSENSITIVE);

    private final MigrationRunner runner;
    private final Set<String> skip;

    DangerousOperations(MigrationRunner runner, Set<String> skip) {
        this.runner = runner;
        this.skip = skip;
    }

    void check() {
        List<Revision> order = runner.upgradeOrder();
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            RevisionScript script = runner.script(order.get(i).id());
            Set<String> createdHere = new HashSet<>();
            List<SqlStatement> statements = script.body().upgradeStatements();
            for (int s = 0; s < statements.size(); s++) {
                SqlStatement statement = statements.get(s);
                String sql = statement.sql();
                Matcher create = CREATE_TABLE.matcher(sql);
                if (create.find()) {
                    createdHere.add(normalize(create.group(1)));
                    continue;
                }
                if (skip.contains(script.id())) {
                    continue;
                }
                String problem = problem(sql, createdHere, script, statements.subList(s + 1, statements.size()),
                        order.subList(i + 1, order.size()));
                if (problem != null) {
                    findings.add(script.id() + " ('" + script.source().displayPath() + "' line " + statement.line()
                            + "): " + statement.firstLine() + "\n    " + problem);
                }
            }
        }
        if (!findings.isEmpty()) {
            throw new MigrationTestFailure(findings.size() + (findings.size() == 1 ? " statement takes" : " statements"
                    + " take") + " a lock on PostgreSQL that blocks the table's traffic while it runs, where a safe"
                    + " alternative exists.", List.of(context("Statements", String.join("\n", findings)),
                    context("Skip a revision you have checked", "override skipRevisions() to return its id")));
        }
    }

    private String problem(String sql, Set<String> createdHere, RevisionScript script, List<SqlStatement> laterHere,
            List<Revision> laterRevisions) {
        Matcher index = CREATE_INDEX.matcher(sql);
        if (index.find()) {
            if (index.group(1) == null && !createdHere.contains(normalize(index.group(2)))) {
                return "CREATE INDEX without CONCURRENTLY blocks writes to " + index.group(2) + " until the index is"
                        + " built; use CREATE INDEX CONCURRENTLY in a revision marked '-- Transactional: false'";
            }
            return null;
        }
        Matcher alter = ALTER_TABLE.matcher(sql);
        if (alter.find() && !createdHere.contains(normalize(alter.group(1)))) {
            Matcher type = ALTER_TYPE_COLUMN.matcher(sql);
            if (type.find() && !binaryCoercible(type.group(1))) {
                return "ALTER COLUMN ... TYPE " + type.group(1).strip() + " rewrites " + alter.group(1) + " under an"
                        + " ACCESS EXCLUSIVE lock; add a new column, backfill it in batches, then switch over";
            }
            Matcher add = ADD_COLUMN.matcher(sql);
            if (add.find() && !add.group(1).equalsIgnoreCase("CONSTRAINT")) {
                String definition = add.group(2).toUpperCase(Locale.ROOT);
                if (definition.contains("NOT NULL") && !definition.contains("DEFAULT")
                        && !definition.contains("GENERATED")) {
                    return "ADD COLUMN ... NOT NULL without a DEFAULT fails on a table that has rows; add the column"
                            + " with a DEFAULT, or nullable, backfill it, then SET NOT NULL";
                }
            }
            return null;
        }
        Matcher value = ADD_VALUE.matcher(sql);
        if (value.find() && script.transactional()) {
            String literal = "'" + value.group(2) + "'";
            boolean usedLater = laterHere.stream().anyMatch(s -> s.sql().contains(literal))
                    || usedInSameRun(literal, laterRevisions);
            if (usedLater) {
                return "ALTER TYPE ... ADD VALUE " + literal + " runs inside the run's transaction and the value is"
                        + " used later in it, which PostgreSQL refuses (unsafe use of new value); mark the revision"
                        + " '-- Transactional: false'";
            }
        }
        return null;
    }

    /** Whether a later revision of the same run (one transaction by default, up to a non-transactional one) uses it. */
    private boolean usedInSameRun(String literal, List<Revision> later) {
        for (Revision revision : later) {
            RevisionScript script = runner.script(revision.id());
            if (!script.transactional()) {
                return false;
            }
            if (script.body().upgradeStatements().stream().anyMatch(s -> s.sql().contains(literal))) {
                return true;
            }
        }
        return false;
    }

    private static boolean binaryCoercible(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("text") || t.startsWith("varchar") || t.startsWith("character varying");
    }

    private static String normalize(String name) {
        String n = name.replace("\"", "");
        int dot = n.lastIndexOf('.');
        return (dot < 0 ? n : n.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }
}
