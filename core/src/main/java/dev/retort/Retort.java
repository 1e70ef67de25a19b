package dev.retort;

import dev.retort.graph.RevisionGraph;
import dev.retort.schema.Schema;
import dev.retort.script.ScriptDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Retort's commands, one method per Alembic verb. Output goes to {@link RetortConfig#output()} in Alembic's
 * formats; step log lines go to SLF4J (logger {@code retort.runtime.migration}). Failures are
 * {@link CommandException}s whose message is what the CLI prints after {@code FAILED:}.
 *
 * <pre>{@code
 * Retort retort = new Retort(RetortConfig.builder()
 *         .url("jdbc:postgresql://localhost:5432/app").user("app").password("secret")
 *         .locations("classpath:db/migrations")
 *         .build());
 * retort.upgrade("heads");
 * retort.current(false, false);
 * }</pre>
 *
 * <p>An instance reads the scripts once, on first use, and reuses them; it is safe to share between threads.
 */
public final class Retort {

    private final Environment env;

    public Retort(RetortConfig config) {
        this.env = new Environment(config);
    }

    /**
     * A Retort whose scripts are already being read, by {@link #readScriptsAsync(RetortConfig)} started with the
     * same locations; commands wait for it, and a script error surfaces from them as it would otherwise.
     */
    public Retort(RetortConfig config, CompletableFuture<ScriptDirectory> scripts) {
        this.env = new Environment(config, scripts);
    }

    /**
     * Starts reading the scripts under {@code config}'s locations on a background thread, e.g. while an application
     * starts, so that a Retort created later finds them read.
     */
    public static CompletableFuture<ScriptDirectory> readScriptsAsync(RetortConfig config) {
        CompletableFuture<ScriptDirectory> future = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                future.complete(new Environment(config).scriptsEvenWithMissingLocations());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "retort-script-reader");
        reader.setDaemon(true);
        reader.start();
        return future;
    }

    public RetortConfig config() {
        return env.config();
    }

    /** The revision scripts and their graph (read on first use). */
    public ScriptDirectory scripts() {
        return env.scripts();
    }

    /** The revision graph of the scripts. */
    public RevisionGraph graph() {
        return env.graph();
    }

    /** {@code heads}: prints the script heads; returns their ids. */
    public List<String> heads(boolean verbose, boolean resolveDependencies) {
        return new HeadsCommand(env).run(verbose, resolveDependencies);
    }

    /** {@code branches}: prints each branchpoint and its children; returns the branchpoints. */
    public List<String> branches(boolean verbose) {
        return new BranchesCommand(env).run(verbose);
    }

    /**
     * {@code history}: prints revisions newest first.
     *
     * @param range {@code [start]:[end]}, either end may be {@code current}; {@code null} for everything
     */
    public List<String> history(String range, boolean verbose, boolean indicateCurrent) {
        return new HistoryCommand(env).run(range, verbose, indicateCurrent);
    }

    /** {@code show REV}: prints each revision the identifier resolves to; {@code current} reads the database. */
    public List<String> show(String revision) {
        if ("current".equals(revision)) {
            List<String> rows = CurrentCommand.rows(env, "show");
            return new ShowCommand(env).run(RevisionErrors.catching().call(() -> env.graph().resolveAll(rows)));
        }
        return new ShowCommand(env).run(revision);
    }

    /** {@code revision}: writes a new revision script; returns its path. */
    public Path revision(RevisionOptions options) {
        return new RevisionCommand(env).run(options);
    }

    /**
     * {@code revision --autogenerate}: compares the database (which must be at the script heads) with the target
     * schema of {@link RetortConfig#targetSchema()} and writes the difference as a new revision; writes nothing when
     * there is none (unless {@link AutogenerateOptions#allowEmpty()}).
     */
    public AutogenerateResult autogenerate(RevisionOptions revision, AutogenerateOptions options) {
        return new AutogenerateCommand(env).revision(revision, options, null);
    }

    /** {@code revision --autogenerate} against this target schema instead of the configured one. */
    public AutogenerateResult autogenerate(RevisionOptions revision, AutogenerateOptions options, Schema target) {
        return new AutogenerateCommand(env).revision(revision, options, target);
    }

    /**
     * {@code check}: the comparison of {@code revision --autogenerate}, writing nothing. Prints
     * {@code No new upgrade operations detected.}, or throws a {@link CommandException} with
     * {@link ErrorCode#SCHEMA_CHANGED} listing the differences.
     */
    public AutogenerateResult check(AutogenerateOptions options) {
        return new AutogenerateCommand(env).check(options, null);
    }

    /** {@code check} against this target schema instead of the configured one. */
    public AutogenerateResult check(AutogenerateOptions options, Schema target) {
        return new AutogenerateCommand(env).check(options, target);
    }

    /**
     * The comparison {@code check} makes, returned instead of printed or thrown: the differences and the upgrade
     * operations a revision would hold (empty when the database matches the target). For tools that report
     * differences their own way, such as the test kit.
     */
    public AutogenerateResult compare(AutogenerateOptions options, Schema target) {
        return new AutogenerateCommand(env).compare(options, target);
    }

    /** {@code merge}: writes a revision that merges the given revisions ({@code heads} for all). */
    public Path merge(List<String> revisions, String message, String branchLabel, String revId) {
        return new RevisionCommand(env).run(new RevisionOptions(message, revisions, false,
                branchLabel == null ? List.of() : List.of(branchLabel), List.of(), revId));
    }

    /** {@code current}: prints the revisions the database is at; never creates the version table. */
    public List<String> current(boolean verbose, boolean checkHeads) {
        return new CurrentCommand(env).run(verbose, checkHeads);
    }

    /** {@code upgrade TARGET}: runs pending revisions up to the target, e.g. {@code heads}, {@code +1}. */
    public MigrationResult upgrade(String target) {
        return upgrade(target, false);
    }

    /** {@code upgrade TARGET [--sql]}: with {@code sql}, prints the script (target may be a range). */
    public MigrationResult upgrade(String target, boolean sql) {
        return new UpgradeCommand(env, true).run(target, sql);
    }

    /** {@code downgrade TARGET [--sql]}: e.g. {@code -1}, {@code base}, {@code label@-1}. */
    public MigrationResult downgrade(String target, boolean sql) {
        return new UpgradeCommand(env, false).run(target, sql);
    }

    /** {@code stamp TARGET... [--purge] [--sql]}: sets the version rows without running revisions. */
    public MigrationResult stamp(List<String> targets, boolean purge, boolean sql) {
        return new StampCommand(env).run(targets, purge, sql);
    }

    /**
     * {@code stamp --checksums [REV...]}: accepts edits of applied revisions' scripts by recording their checksums as
     * they are now (all edited ones when no revision is named); moves no version row. Returns the revisions recorded.
     */
    public List<String> stampChecksums(List<String> revisions) {
        return new StampCommand(env).checksums(revisions);
    }

    /**
     * {@code stamp --missing}: marks revisions below the version rows that never ran (e.g. merged in below the
     * current head) as applied, without running them; moves no version row. Returns the revisions marked.
     */
    public List<String> stampMissing() {
        return new StampCommand(env).missing();
    }

    /** Where the database stands against the scripts; reads only. */
    public MigrationStatus status() {
        return new StatusCommand(env).run();
    }

    /**
     * The revision ids {@code upgrade(target)} would run, in order, from the given version rows (e.g.
     * {@link MigrationStatus#versionRows()}); runs nothing. A bad target fails as {@code upgrade} fails.
     */
    public List<String> pending(List<String> versionRows, String target) {
        return new StatusCommand(env).pending(versionRows, target);
    }
}
