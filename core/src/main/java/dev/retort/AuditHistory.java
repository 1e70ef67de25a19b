package dev.retort;

import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.internal.Messages;
import dev.retort.runtime.AuditEntry;
import dev.retort.runtime.AuditNote;
import dev.retort.script.RevisionScript;
import dev.retort.script.ScriptDirectory;
import dev.retort.script.SqlStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The audit log read against the scripts and the version rows: which revisions the log says are applied, which
 * applied scripts were edited since they ran, which revisions below the version rows never ran. Upgrade and
 * downgrade check it before running anything ({@link #check}).
 *
 * <p>Replaying the log: an upgrade row applies its revision, a downgrade row takes it off, a stamp row takes off
 * what was below its {@code from} and not below its {@code to} and applies everything below its {@code to} (a
 * stamp vouches for what is below it). Rows of other directions ({@code checksum}, {@code failed}) apply nothing.
 * A {@code failed} row with statements that stayed applied leaves its revision <em>partly applied</em> until an
 * upgrade or a stamp applies it, or a later failed row says nothing stayed applied.
 *
 * <p>A database migrated before it had an audit log (e.g. by Python Alembic, which keeps none) has revisions below
 * the version rows with no record: they are taken as applied. A revision below the rows counts as missing only
 * when the log contradicts that: it has no record, and a revision the log records as applied is now above it
 * while its recorded parents are not.
 */
final class AuditHistory {

    static final Set<String> APPLYING = Set.of("upgrade", "downgrade", "stamp");

    private final ScriptDirectory scripts;
    private final RevisionGraph graph;
    private final List<String> rows;
    private final List<AuditEntry> log;
    private final Set<String> belowRows;
    private final Set<String> recorded = new LinkedHashSet<>();
    private final Set<String> missing;
    private final Map<String, AuditEntry> checksumRecords;
    private final Map<String, AuditEntry> partlyApplied = new LinkedHashMap<>();

    AuditHistory(ScriptDirectory scripts, List<String> rows, List<AuditEntry> log) {
        this.scripts = scripts;
        this.graph = scripts.graph();
        this.rows = List.copyOf(rows);
        this.log = List.copyOf(log);
        this.belowRows = graph.ancestorIds(rows, true);
        replay();
        this.missing = findMissing();
        this.checksumRecords = checksumRecords(this.log);
    }

    private void replay() {
        for (AuditEntry entry : log) {
            switch (entry.direction()) {
                case "upgrade" -> {
                    recorded.add(entry.revision());
                    partlyApplied.remove(entry.revision());
                }
                case "downgrade" -> recorded.remove(entry.revision());
                case "stamp" -> {
                    Set<String> to = ancestors(entry.toRevisions());
                    Set<String> off = ancestors(entry.fromRevisions());
                    off.removeAll(to);
                    recorded.removeAll(off);
                    recorded.addAll(to);
                    partlyApplied.keySet().removeAll(to);
                }
                case AuditEntry.FAILED -> {
                    if (entry.appliedStatements() != null && entry.appliedStatements() > 0) {
                        partlyApplied.put(entry.revision(), entry);
                    } else {
                        partlyApplied.remove(entry.revision());
                    }
                }
                default -> {
                    // checksum rows apply nothing
                }
            }
        }
    }

    private Set<String> ancestors(Collection<String> ids) {
        List<String> known = ids.stream().filter(graph::contains).toList();
        return known.isEmpty() ? new HashSet<>() : new HashSet<>(graph.ancestorIds(known, false));
    }

    private Set<String> findMissing() {
        // parents recorded by upgrade rows that have no record of their own: where the log began
        Set<String> start = new HashSet<>();
        for (AuditEntry entry : log) {
            if (entry.direction().equals("upgrade")) {
                entry.fromRevisions().stream().filter(id -> !recorded.contains(id)).forEach(start::add);
            }
        }
        Set<String> unrecorded = new LinkedHashSet<>(belowRows);
        unrecorded.removeAll(recorded);
        unrecorded.removeAll(ancestors(start));
        // only below a recorded revision's own parents (not a dependency, whose branch may predate the log)
        List<String> known = recorded.stream().filter(graph::contains).toList();
        unrecorded.retainAll(known.isEmpty() ? Set.of() : graph.ancestorIds(known, false));
        return unrecorded;
    }

    /** Revisions below the version rows that the log says never ran, oldest first. */
    List<Revision> missing() {
        if (missing.isEmpty()) {
            return List.of();
        }
        List<Revision> out = new ArrayList<>(graph.walk(List.of("base"), List.of("heads")));
        out.removeIf(revision -> !missing.contains(revision.id()));
        Collections.reverse(out);
        return out;
    }

    /** How many revisions below the version rows have no audit record and are taken as applied. */
    int takenAsApplied() {
        Set<String> unrecorded = new HashSet<>(belowRows);
        unrecorded.removeAll(recorded);
        unrecorded.removeAll(missing);
        return unrecorded.size();
    }

    /** The row whose checksum a revision's script must match: its last upgrade or checksum row since it last ran down. */
    AuditEntry checksumRecord(String revision) {
        return checksumRecords.get(revision);
    }

    private static Map<String, AuditEntry> checksumRecords(List<AuditEntry> log) {
        Map<String, AuditEntry> records = new HashMap<>();
        for (AuditEntry entry : log) {
            if (entry.direction().equals("downgrade")) {
                records.remove(entry.revision());
            } else if (entry.checksum() != null && (entry.direction().equals("upgrade")
                    || entry.direction().equals(AuditNote.CHECKSUM))) {
                records.put(entry.revision(), entry);
            }
        }
        return records;
    }

    /** Whether an applied revision's script matches the checksum recorded for it; {@code null} when none is. */
    Boolean checksumMatches(String revision) {
        if (!belowRows.contains(revision)) {
            return null;
        }
        AuditEntry record = checksumRecord(revision);
        return record == null ? null : scripts.script(revision).body().matches(record.checksum());
    }

    /** Applied revisions whose script no longer matches its recorded checksum, oldest first. */
    List<String> modified() {
        readBodies(belowRows.stream().filter(checksumRecords::containsKey).toList());
        Set<String> edited = new HashSet<>();
        for (String id : belowRows) {
            if (checksumRecords.containsKey(id) && Boolean.FALSE.equals(checksumMatches(id))) {
                edited.add(id);
            }
        }
        if (edited.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Revision revision : graph.walk(List.of("base"), List.of("heads"))) {
            if (edited.contains(revision.id())) {
                out.add(revision.id());
            }
        }
        Collections.reverse(out);
        return out;
    }

    private void readBodies(Collection<String> ids) {
        // in parallel, as the headers were; a body that fails to read fails again, in order, where it is used
        ids.parallelStream().forEach(id -> {
            try {
                scripts.script(id).body();
            } catch (RuntimeException later) {
                // reported by the caller
            }
        });
    }

    /**
     * Fails, naming what happened and what to do, when the run would go wrong: an applied script was edited
     * (unless {@code validateChecksums} is off; checked only when something is to run), the plan would run a revision the log says is applied, or a
     * revision below the rows never ran (an upgrade runs it first when {@code includeMissing}; a downgrade fails only
     * when its plan passes through one). Returns the missing revisions to run first (empty unless included).
     */
    List<Revision> check(List<Revision> plan, boolean upgrade, boolean validateChecksums, boolean includeMissing) {
        // checksums are read when something is about to run: an up-to-date database is answered without reading
        // every applied script (status, 'current -v' and validate mode still report edits)
        if (validateChecksums && (!plan.isEmpty() || upgrade && includeMissing && !missing.isEmpty())) {
            checkChecksums();
        }
        for (Revision revision : plan) {
            if (upgrade && recorded.contains(revision.id())) {
                throw alreadyApplied(revision.id());
            }
        }
        List<Revision> missed = missing();
        if (missed.isEmpty()) {
            return List.of();
        }
        if (!upgrade) {
            List<Revision> through = missed.stream().filter(plan::contains).toList();
            if (!through.isEmpty()) {
                throw new CommandException(ErrorCode.MISSING_REVISIONS, describeMissing(through)
                        + "; downgrading through " + (through.size() == 1 ? "it" : "them") + " would undo changes that"
                        + " were never made, so nothing was run\nRun " + (through.size() == 1 ? "it" : "them")
                        + " first with 'upgrade --include-missing', or, if the database has "
                        + (through.size() == 1 ? "its" : "their") + " changes, mark " + (through.size() == 1 ? "it"
                        : "them") + " applied with 'stamp --missing'.");
            }
            return List.of();
        }
        if (includeMissing) {
            return missed;
        }
        throw new CommandException(ErrorCode.MISSING_REVISIONS, describeMissing(missed) + "; nothing was run\nRun "
                + (missed.size() == 1 ? "it" : "them") + " with 'upgrade --include-missing', or, if the database"
                + " already has " + (missed.size() == 1 ? "its" : "their") + " changes, mark "
                + (missed.size() == 1 ? "it" : "them") + " applied with 'stamp --missing'.");
    }

    private String describeMissing(List<Revision> missed) {
        String what = missed.stream().map(r -> r.id() + " ('" + path(r.id()) + "')").collect(Collectors.joining(", "));
        String rowsText = String.join(", ", rows);
        String above = aboveMissing(missed);
        return (missed.size() == 1 ? "Revision " + what + " is" : missed.size() + " revisions (" + what + ") are")
                + " below the database's current revision (" + rowsText + ") but never ran: the audit log has no"
                + " record of " + (missed.size() == 1 ? "it" : "them") + ", and records "
                + (above == null ? "revisions above" : "revision " + above + ", now above")
                + " " + (missed.size() == 1 ? "it" : "them") + ", as applied without "
                + (missed.size() == 1 ? "it" : "them") + " (e.g. a branch merged or rebased below applied"
                + " revisions)";
    }

    /** A recorded revision that now has one of the missing revisions among its parents. */
    private String aboveMissing(List<Revision> missed) {
        Set<String> ids = missed.stream().map(Revision::id).collect(Collectors.toSet());
        for (String id : recorded) {
            if (graph.contains(id) && !ids.contains(id)
                    && graph.normalizedDownRevisions(id).stream().anyMatch(ids::contains)) {
                return id;
            }
        }
        return null;
    }

    private void checkChecksums() {
        List<String> modified = modified();
        if (modified.isEmpty()) {
            return;
        }
        String way = "Restore " + (modified.size() == 1 ? "the script" : "the scripts") + " as applied, or, if the"
                + " edit is meant and the database already reflects it, record " + (modified.size() == 1 ? "the"
                + " script" : "the scripts") + " as " + (modified.size() == 1 ? "it is" : "they are") + " now with"
                + " 'stamp --checksums'; --ignore-checksums (migrations.validate-checksums=false) skips this check.";
        if (modified.size() == 1) {
            String id = modified.get(0);
            throw new CommandException(ErrorCode.CHECKSUM_MISMATCH, "Revision " + id + " was edited after it was"
                    + " applied: '" + path(id) + "' no longer matches the checksum recorded when it " + ran(id)
                    + "; nothing was run\n" + way);
        }
        StringBuilder message = new StringBuilder(modified.size() + " revisions were edited after they were"
                + " applied; their scripts no longer match the checksums recorded when they ran, and nothing was"
                + " run:");
        for (String id : modified) {
            message.append("\n  ").append(id).append(" '").append(path(id)).append("' (").append(ran(id))
                    .append(')');
        }
        throw new CommandException(ErrorCode.CHECKSUM_MISMATCH, message.append('\n').append(way).toString());
    }

    /** {@code ran (upgrade) at 2026-12-02T10:00:00Z}. */
    private String ran(String id) {
        AuditEntry record = checksumRecord(id);
        return "ran (" + record.direction() + ") at " + at(record.appliedAt());
    }

    static String at(Instant instant) {
        return instant == null ? "an unknown time" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private CommandException alreadyApplied(String id) {
        AuditEntry last = lastUpgrade(id);
        String when = last == null ? "" : " (" + last.direction() + " at " + at(last.appliedAt()) + ")";
        String head = "Revision " + id + " is already applied" + when + " but is not below the database's current"
                + " revision (" + (rows.isEmpty() ? "base" : String.join(", ", rows)) + "), so the plan would run it"
                + " again";
        for (String child : recorded) {
            AuditEntry record = lastUpgrade(child);
            if (record == null || !graph.contains(child) || !record.fromRevisions().contains(id)) {
                continue;
            }
            List<String> now = scripts.script(child).revision().downRevisions();
            if (!new HashSet<>(now).equals(new HashSet<>(record.fromRevisions()))) {
                String was = String.join(", ", record.fromRevisions());
                return new CommandException(ErrorCode.REVISION_ALREADY_APPLIED, head + ": revision " + child
                        + " was applied revising " + was + ", and '" + path(child) + "' now says 'Revises: "
                        + String.join(", ", now) + "'; nothing was run\nRestore 'Revises: " + was + "' in '"
                        + path(child) + "': a revision that was applied keeps its place. To join two lines of"
                        + " revisions, use 'merge' instead.");
            }
        }
        return new CommandException(ErrorCode.REVISION_ALREADY_APPLIED, head + ": the audit log records it as"
                + " applied and not since downgraded, while the version table doesn't include it; nothing was run\n"
                + "Compare 'history -i -v' with the version table. If the database really lacks its changes,"
                + " re-stamp the version table below it with 'stamp --purge <revision>', then upgrade.");
    }

    private AuditEntry lastUpgrade(String id) {
        AuditEntry last = null;
        for (AuditEntry entry : log) {
            if (entry.revision().equals(id) && entry.direction().equals("upgrade")) {
                last = entry;
            }
        }
        return last;
    }

    /** Audit rows accepting the current scripts of the given applied revisions (all edited ones when empty). */
    List<AuditNote> checksumNotes(List<String> revisions) {
        List<String> ids = revisions.isEmpty() ? modified() : revisions;
        List<AuditNote> notes = new ArrayList<>();
        for (String id : ids) {
            if (!belowRows.contains(id)) {
                throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Revision " + id + " is not applied, so"
                        + " there is no checksum of it to record\n'stamp --checksums' records the scripts of applied"
                        + " revisions; 'history -i' shows which are applied.");
            }
            RevisionScript script = scripts.script(id);
            if (!script.body().matches(checksumOrNull(id))) {
                notes.add(new AuditNote(id, AuditNote.CHECKSUM, List.of(), List.of(),
                        script.source().displayPath(), script.body().checksum()));
            }
        }
        return notes;
    }

    private String checksumOrNull(String id) {
        AuditEntry record = checksumRecord(id);
        return record == null ? null : record.checksum();
    }

    /** Stamp rows marking the missing revisions applied, with their checksums, moving no version row. */
    List<AuditNote> missingNotes() {
        List<AuditNote> notes = new ArrayList<>();
        for (Revision revision : missing()) {
            RevisionScript script = scripts.script(revision.id());
            notes.add(new AuditNote(revision.id(), "stamp", revision.downRevisions(), List.of(revision.id()),
                    script.source().displayPath(), script.body().checksum()));
        }
        return notes;
    }

    /**
     * Revisions whose last run failed part-way and left their first statements applied, each with its
     * {@code failed} row, in the order they failed.
     */
    Map<String, AuditEntry> partlyApplied() {
        return Collections.unmodifiableMap(partlyApplied);
    }

    /**
     * How many statements to skip of each partly applied revision the upgrade plan runs. Without {@code resume} or
     * {@code retry}, such a revision fails the run before anything runs (from the start, it would repeat statements
     * that stayed applied); {@code resume} skips the statements that stayed applied after checking they are
     * unchanged; {@code retry} runs the whole revision (its statements were undone by hand). Either flag fails when
     * the plan has no partly applied revision. {@code target} is the upgrade's, for the commands the messages give.
     */
    Map<String, Integer> recover(List<Revision> plan, boolean resume, boolean retry, String target) {
        List<String> partly = plan.stream().map(Revision::id).filter(partlyApplied::containsKey).toList();
        if (partly.isEmpty()) {
            if (resume || retry) {
                String flag = resume ? "--resume" : "--retry";
                throw new CommandException(ErrorCode.INVALID_ARGUMENTS, flag + " is for a revision whose upgrade"
                        + " failed part-way, leaving some of its statements applied, and no revision this upgrade"
                        + " would run did; nothing was run", "Run 'upgrade " + target + "' without " + flag
                        + "; 'current -v' lists partly applied revisions.", null);
            }
            return Map.of();
        }
        Map<String, Integer> skips = new HashMap<>();
        for (String id : partly) {
            if (retry) {
                continue;
            }
            AuditEntry failed = partlyApplied.get(id);
            int applied = failed.appliedStatements();
            List<SqlStatement> statements = scripts.script(id).statements(true);
            String them = Messages.firstStatements(applied);
            String these = them + " of '" + path(id) + "' " + (applied <= statements.size()
                    ? Messages.through(applied, statements.get(applied - 1).line(),
                            statements.get(applied - 1).firstLine())
                    : "(which now has " + statements.size() + ")");
            String when = "when its upgrade failed at " + at(failed.appliedAt());
            if (!resume) {
                throw new CommandException(ErrorCode.PARTLY_APPLIED, "Revision " + id + " is partly applied: "
                        + these + " stayed applied " + when + ", and running the revision"
                        + " from the start would run " + (applied == 1 ? "it" : "them") + " again; nothing was run",
                        "Run 'upgrade " + target + " --resume' to check that " + them + (applied == 1 ? " is" : " are")
                        + " unchanged and run the rest of the revision, or undo " + them + " by hand and run 'upgrade "
                        + target + " --retry' to run the whole revision.", null);
            }
            if (applied > statements.size()
                    || !SqlStatement.checksum(statements.subList(0, applied)).equals(failed.checksum())) {
                throw new CommandException(ErrorCode.PARTLY_APPLIED, "Revision " + id + " can't be resumed: "
                        + these + " stayed applied " + when + ", but " + (applied == 1 ? "has"
                        : "have") + " been edited since, so the database may not hold what the script says; nothing"
                        + " was run", "Restore " + them + " as " + (applied == 1 ? "it" : "they") + " ran and run"
                        + " 'upgrade " + target + " --resume' again, or undo what " + (applied == 1 ? "it" : "they")
                        + " did by hand and run 'upgrade " + target + " --retry'.", null);
            }
            skips.put(id, applied);
        }
        return skips;
    }

    private String path(String id) {
        return scripts.script(id).source().displayPath();
    }
}
