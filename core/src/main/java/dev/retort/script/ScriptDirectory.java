package dev.retort.script;

import dev.retort.graph.CycleDetectedException;
import dev.retort.graph.DuplicateBranchLabelException;
import dev.retort.graph.MissingRevisionException;
import dev.retort.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The revision scripts under a set of locations and the graph they form. Loading reads each script's header only;
 * bodies are read when a revision runs or is shown.
 */
public final class ScriptDirectory {

    /** Below this many scripts, reading them on one thread is faster than starting others. */
    private static final int PARALLEL_THRESHOLD = 256;

    private final List<Location> locations;
    private final List<RevisionScript> scripts;
    private final Map<String, RevisionScript> byId;
    private final RevisionGraph graph;
    private final List<Location> missing;

    private ScriptDirectory(List<Location> locations, List<RevisionScript> scripts, RevisionGraph graph,
            List<Location> missing) {
        this.locations = List.copyOf(locations);
        this.missing = List.copyOf(missing);
        this.scripts = Collections.unmodifiableList(scripts);
        this.byId = new HashMap<>(scripts.size() * 2);
        for (RevisionScript script : scripts) {
            byId.put(script.id(), script);
        }
        this.graph = graph;
    }

    /**
     * Finds and reads the scripts under the locations and builds their graph.
     *
     * @param warnings receives non-fatal problems (Alembic's graph warnings); a location that does not exist is
     *        listed by {@link #missingLocations()}, for the caller to decide
     * @throws RevisionScriptException when a script is malformed or unreadable, or the scripts don't form a valid
     *         graph
     */
    public static ScriptDirectory load(List<Location> locations, ClassLoader classLoader,
            Consumer<String> warnings) {
        LocationScanner scanner = new LocationScanner(classLoader, warnings);
        List<ScriptSource> sources = scanner.scan(locations);
        List<RevisionScript> scripts = new ArrayList<>(sources.size());
        Map<String, RevisionScript> seen = new HashMap<>(sources.size() * 2);
        for (RevisionScript script : readAll(sources)) {
            ScriptSource source = script.source();
            RevisionScript earlier = seen.putIfAbsent(script.id(), script);
            if (earlier != null) {
                throw new RevisionScriptException("Revision scripts '" + earlier.source().displayPath() + "' line "
                        + earlier.lineOf(RevisionScript.REVISION_ID) + " and '" + source.displayPath() + "' line "
                        + script.lineOf(RevisionScript.REVISION_ID) + " both have Revision ID '" + script.id()
                        + "'; give one of them a new id (a copied file keeps its id)");
            }
            scripts.add(script);
        }
        return new ScriptDirectory(locations, scripts, buildGraph(scripts, seen, warnings), scanner.missing());
    }

    /**
     * Reads the headers, in parallel when there are many; a failure is reported for the first failing file in load
     * order, whichever thread met it first.
     */
    private static List<RevisionScript> readAll(List<ScriptSource> sources) {
        Object[] read = new Object[sources.size()];
        IntStream range = IntStream.range(0, read.length);
        (read.length >= PARALLEL_THRESHOLD ? range.parallel() : range).forEach(i -> {
            try {
                read[i] = RevisionScript.read(sources.get(i));
            } catch (RuntimeException e) {
                read[i] = e;
            }
        });
        List<RevisionScript> scripts = new ArrayList<>(read.length);
        for (Object result : read) {
            if (result instanceof RuntimeException e) {
                throw e;
            }
            scripts.add((RevisionScript) result);
        }
        return scripts;
    }

    private static RevisionGraph buildGraph(List<RevisionScript> scripts, Map<String, RevisionScript> byId,
            Consumer<String> warnings) {
        try {
            return RevisionGraph.of(scripts.stream().map(RevisionScript::revision).collect(Collectors.toList()),
                    warnings);
        } catch (MissingRevisionException e) {
            RevisionScript script = byId.get(e.revision());
            String key = e.dependency() ? RevisionScript.DEPENDS_ON : RevisionScript.REVISES;
            throw new RevisionScriptException(script.source().displayPath(), script.lineOf(key), "'" + key
                    + "' names '" + e.referenced() + "', which matches no revision"
                    + (e.dependency() ? " or branch label" : "")
                    + "; use the full id of an existing revision (see 'retort history')");
        } catch (DuplicateBranchLabelException e) {
            RevisionScript script = byId.get(e.revision());
            RevisionScript other = byId.get(e.usedBy());
            int otherLine = other.lineOf(RevisionScript.BRANCH_LABELS);
            throw new RevisionScriptException(script.source().displayPath(),
                    script.lineOf(RevisionScript.BRANCH_LABELS), e.getMessage() + " ('"
                            + other.source().displayPath() + "'" + (otherLine == 0 ? "" : " line " + otherLine)
                            + "); pick a different branch label");
        } catch (CycleDetectedException e) {
            String where = e.revisions().stream().map(byId::get)
                    .map(s -> "'" + s.source().displayPath() + "' line " + s.lineOf(
                            e.kind() == CycleDetectedException.Kind.DEPENDENCY_CYCLE ? RevisionScript.DEPENDS_ON
                                    : RevisionScript.REVISES))
                    .collect(Collectors.joining(", "));
            throw new RevisionScriptException(e.getMessage() + ": " + where + "; break the cycle by fixing"
                    + " 'Revises'/'Depends On' in one of these scripts");
        }
    }

    /** The locations scripts were read from. */
    public List<Location> locations() {
        return locations;
    }

    /** The locations, not marked {@code optional:}, that don't exist. */
    public List<Location> missingLocations() {
        return missing;
    }

    /** All scripts, in load order. */
    public List<RevisionScript> scripts() {
        return scripts;
    }

    /** The revision graph of the scripts. */
    public RevisionGraph graph() {
        return graph;
    }

    /** The script of a revision, by exact id. */
    public RevisionScript script(String id) {
        RevisionScript script = byId.get(id);
        if (script == null) {
            throw new IllegalArgumentException("No script for revision " + id);
        }
        return script;
    }

    /** The scripts of these revision ids, in the given order. */
    public List<RevisionScript> scripts(List<String> ids) {
        Map<String, RevisionScript> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, script(id)));
        return new ArrayList<>(out.values());
    }
}
