package dev.retort;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.RowProbe;
import dev.retort.autogenerate.SchemaComparator;
import dev.retort.autogenerate.Scoping;
import dev.retort.autogenerate.Spellings;
import dev.retort.autogenerate.ScriptRenderer;
import dev.retort.dialect.Dialect;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.internal.Urls;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code revision --autogenerate} and {@code check}: compare the database (which must be at the script heads) with
 * the target schema; write the difference as a revision, or fail when there is one.
 */
final class AutogenerateCommand {

    private static final Logger log = LoggerFactory.getLogger("retort.autogenerate.compare");

    private final Environment env;

    AutogenerateCommand(Environment env) {
        this.env = env;
    }

    AutogenerateResult revision(RevisionOptions revision, AutogenerateOptions options, Schema target) {
        Found found = compare("revision --autogenerate", options, target);
        if (found.comparison.isEmpty() && !options.allowEmpty()) {
            env.print("No changes in schema detected.");
            return new AutogenerateResult(null, List.of(), List.of());
        }
        ScriptRenderer.Sections sections = ScriptRenderer.render(found.dialect.ddl(), found.comparison.upgrade());
        Path path = new RevisionCommand(env).run(revision, sections);
        return new AutogenerateResult(path, found.comparison.changes(), found.comparison.upgrade());
    }

    AutogenerateResult check(AutogenerateOptions options, Schema target) {
        Found found = compare("check", options, target);
        if (found.comparison.isEmpty()) {
            env.print("No new upgrade operations detected.");
            return new AutogenerateResult(null, List.of(), List.of());
        }
        throw new CommandException(ErrorCode.SCHEMA_CHANGED, "New upgrade operations detected:\n"
                + found.comparison.changes().stream().map(c -> "  " + c.replaceFirst("^Detected ", ""))
                        .collect(Collectors.joining("\n")));
    }

    AutogenerateResult compare(AutogenerateOptions options, Schema target) {
        Found found = compare("check", options, target);
        return new AutogenerateResult(null, found.comparison.changes(), found.comparison.upgrade());
    }

    private record Found(Comparison comparison, Dialect dialect) {
    }

    private Found compare(String command, AutogenerateOptions options, Schema explicitTarget) {
        Schema target = explicitTarget != null ? explicitTarget : target(command);
        RevisionGraph graph = env.graph();
        try (Database db = Database.open(env.config(), command)) {
            try {
                checkUpToDate(db, graph, command);
                Connection connection = db.connection();
                SchemaScope scope = scope(connection, target);
                Schema live = db.dialect().readSchema(connection, scope);
                Schema scoped = Scoping.apply(target, scope);
                Schema wanted = db.dialect().canonicalize(connection, scoped, scope);
                CompareOptions compareOptions = compareOptions(options, probe(db), db.dialect());
                Comparison compared = compare(live, wanted, compareOptions);
                Comparison comparison = new Comparison(Spellings.restore(compared.upgrade(), scoped, wanted),
                        compared.changes());
                comparison.changes().forEach(log::info);
                return new Found(comparison, db.dialect());
            } catch (SQLException e) {
                throw db.translate(e);
            } catch (UnsupportedOperationException e) {
                throw new CommandException(ErrorCode.FAILED, e.getMessage(), e);
            }
        }
    }

    private static Comparison compare(Schema live, Schema wanted, CompareOptions options) {
        try {
            return SchemaComparator.compare(live, wanted, options);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, e.getMessage(), e);
        }
    }

    private Schema target(String command) {
        if (env.config().targetSchema() == null) {
            throw new CommandException(ErrorCode.NO_TARGET_SCHEMA, "'" + command + "' compares the database with"
                    + " the application's entities, and none are configured here.", "Run it through the application's"
                    + " command mode: java -jar app.jar migrations " + command + (command.equals("check") ? ""
                            : " -m \"<message>\""), null);
        }
        return env.config().targetSchema().get();
    }

    private void checkUpToDate(Database db, RevisionGraph graph, String command) throws SQLException {
        List<String> rows = db.migrator().currentHeads();
        Steps.checkKnown(graph, rows, env.resolveVendor(env.config().locations()).toString());
        List<Revision> pending = RevisionErrors.catching().call(() -> graph.upgradePlan(rows, "heads"));
        if (!pending.isEmpty()) {
            throw new CommandException(ErrorCode.NOT_AT_HEAD, "Target database is not up to date.\nRun 'upgrade"
                    + " heads' first (pending: " + pending.stream().map(Revision::id).collect(Collectors.joining(", "))
                    + "), then '" + command + "' again.");
        }
    }

    private SchemaScope scope(Connection connection, Schema target) throws SQLException {
        RetortConfig config = env.config();
        String defaultSchema = config.schema() != null ? config.schema() : connection.getSchema();
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add(defaultSchema);
        target.tables().stream().map(t -> t.schema()).filter(s -> s != null).forEach(schemas::add);
        String table = config.versionTable();
        return new SchemaScope(defaultSchema, schemas, config.includeTables(), config.excludeTables(),
                Set.of(table, table + "_log", table + "_lock"));
    }

    private CompareOptions compareOptions(AutogenerateOptions options, RowProbe probe, Dialect dialect) {
        try {
            return CompareOptions.of(options.renames(), options.dropUnmapped(), probe, dialect);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, e.getMessage(), e);
        }
    }

    /** Whether a table has rows: one cheap query per table asked about, remembered. */
    private RowProbe probe(Database db) {
        Map<String, Boolean> known = new HashMap<>();
        return (schema, table) -> known.computeIfAbsent(schema + "." + table, k -> {
            try (Statement st = db.connection().createStatement()) {
                return st.executeQuery("SELECT 1 FROM " + db.dialect().qualify(schema, table) + " LIMIT 1").next();
            } catch (SQLException e) {
                log.warn("Can't tell whether {} has rows: {}", table, Urls.scrub(e.getMessage(),
                        env.config().password()));
                return false;
            }
        });
    }
}
