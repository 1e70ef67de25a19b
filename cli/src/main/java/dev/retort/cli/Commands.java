package dev.retort.cli;

import dev.retort.AutogenerateOptions;
import dev.retort.CommandException;
import dev.retort.ErrorCode;
import dev.retort.Retort;
import dev.retort.RevisionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The subcommands: argument parsing only; each hands off to one {@link dev.retort.Retort} method. */
final class Commands {

    private Commands() {
    }

    abstract static class Base implements Callable<Integer> {

        @ParentCommand
        RetortCli cli;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    @Command(name = "heads", description = "Show current available heads in the script directory.")
    static final class Heads extends Base {

        @Option(names = {"-v", "--verbose"}, description = "Use more verbose output.")
        boolean verbose;

        @Option(names = "--resolve-dependencies", description = "Treat dependency versions as down revisions.")
        boolean resolveDependencies;

        @Override
        public Integer call() {
            cli.retort().heads(verbose, resolveDependencies);
            return 0;
        }
    }

    @Command(name = "branches", description = "Show current branch points.")
    static final class Branches extends Base {

        @Option(names = {"-v", "--verbose"}, description = "Use more verbose output.")
        boolean verbose;

        @Override
        public Integer call() {
            cli.retort().branches(verbose);
            return 0;
        }
    }

    @Command(name = "history", description = "List changeset scripts in chronological order.")
    static final class History extends Base {

        @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
                description = "Specify a revision range; format is [start]:[end]. Either end may be 'current'.")
        String range;

        @Option(names = {"-v", "--verbose"}, description = "Use more verbose output.")
        boolean verbose;

        @Option(names = {"-i", "--indicate-current"}, description = "Indicate the current revision.")
        boolean indicateCurrent;

        @Override
        public Integer call() {
            cli.retort().history(range, verbose, indicateCurrent);
            return 0;
        }
    }

    @Command(name = "show", description = "Show the revision(s) denoted by the given symbol.")
    static final class Show extends Base {

        @Parameters(paramLabel = "REV", description = "Revision identifier, or 'current'.")
        String revision;

        @Override
        public Integer call() {
            cli.retort().show(revision);
            return 0;
        }
    }

    @Command(name = "revision", description = "Create a new revision file.")
    static final class Revision extends Base {

        @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "Message string to use with"
                + " 'revision'.")
        String message;

        @Option(names = "--head", paramLabel = "HEAD", defaultValue = "head",
                description = "Specify head revision or <branchname>@head to base new revision on."
                        + " Default: ${DEFAULT-VALUE}.")
        String head;

        @Option(names = "--splice", description = "Allow a non-head revision as the 'head' to splice onto.")
        boolean splice;

        @Option(names = "--branch-label", paramLabel = "LABEL",
                description = "Specify a branch label to apply to the new revision.")
        List<String> branchLabels = new ArrayList<>();

        @Option(names = "--depends-on", paramLabel = "REV",
                description = "Specify one or more revision identifiers which this revision should depend on.")
        List<String> dependsOn = new ArrayList<>();

        @Option(names = "--rev-id", paramLabel = "ID",
                description = "Specify a hardcoded revision id instead of generating one.")
        String revId;

        @Option(names = "--version-path", paramLabel = "DIR",
                description = "Specify specific path from config for version file.")
        Path versionPath;

        @Option(names = "--autogenerate", description = "Populate revision script with candidate migration"
                + " operations, based on comparison of database to model.")
        boolean autogenerate;

        @Option(names = "--allow-empty", description = "With --autogenerate: write the revision even when nothing"
                + " changed.")
        boolean allowEmpty;

        @Option(names = "--rename", paramLabel = "X=Y", description = "With --autogenerate: write a rename instead"
                + " of drop + add; TABLE.OLD=NEW for a column, OLD_TABLE=NEW_TABLE for a table. Repeatable.")
        List<String> renames = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Option(names = "--drop-unmapped", description = "With --autogenerate: drop tables, enum types and sequences"
                + " the entities don't map (left alone by default).")
        boolean dropUnmapped;

        @Override
        public Integer call() {
            if (!autogenerate && (allowEmpty || dropUnmapped || !renames.isEmpty())) {
                throw new ParameterException(spec.commandLine(), (allowEmpty ? "--allow-empty"
                        : dropUnmapped ? "--drop-unmapped" : "--rename") + " only applies with --autogenerate");
            }
            var builder = cli.config();
            if (versionPath != null) {
                builder.versionPath(cli.workingDirectory().resolve(versionPath));
            }
            RevisionOptions options = new RevisionOptions(message, List.of(head), splice, branchLabels, dependsOn,
                    revId);
            Retort retort = cli.retort(builder);
            if (autogenerate) {
                retort.autogenerate(options, new AutogenerateOptions(allowEmpty, renames, dropUnmapped));
            } else {
                retort.revision(options);
            }
            return 0;
        }
    }

    @Command(name = "check", description = "Check if revision command with autogenerate has pending upgrade ops.")
    static final class Check extends Base {

        @Override
        public Integer call() {
            cli.retort().check(AutogenerateOptions.defaults());
            return 0;
        }
    }

    @Command(name = "merge", description = "Merge two revisions together. Creates a new migration file.")
    static final class Merge extends Base {

        @Parameters(paramLabel = "REVISIONS", arity = "1..*",
                description = "One or more revisions, or 'heads' for all heads.")
        List<String> revisions;

        @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "Message string to use with"
                + " 'revision'.")
        String message;

        @Option(names = "--branch-label", paramLabel = "LABEL",
                description = "Specify a branch label to apply to the new revision.")
        String branchLabel;

        @Option(names = "--rev-id", paramLabel = "ID",
                description = "Specify a hardcoded revision id instead of generating one.")
        String revId;

        @Override
        public Integer call() {
            cli.retort().merge(revisions, message, branchLabel, revId);
            return 0;
        }
    }

    @Command(name = "current", description = "Display the current revision for a database.")
    static final class Current extends Base {

        @Option(names = {"-v", "--verbose"}, description = "Use more verbose output.")
        boolean verbose;

        @Option(names = {"-c", "--check-heads"},
                description = "Check if all head revisions are applied to the database. Exit with an error code"
                        + " if this is not the case.")
        boolean checkHeads;

        @Override
        public Integer call() {
            cli.retort().current(verbose, checkHeads);
            return 0;
        }
    }

    @Command(name = "upgrade", description = "Upgrade to a later version.")
    static final class Upgrade extends Base {

        @Parameters(paramLabel = "REVISION", description = "Revision identifier: heads, head, +1, <branch>@head,"
                + " a revision id; with --sql, a range [start]:end.")
        String revision;

        @Option(names = "--sql", description = "Don't emit SQL to database - dump to standard output instead.")
        boolean sql;

        @Option(names = "--include-missing", description = "Also run revisions below the current revision that"
                + " never ran (e.g. a branch merged in below it), instead of failing on them.")
        boolean includeMissing;

        @Option(names = "--ignore-checksums", description = "Don't check that applied revisions' scripts still"
                + " match the checksums recorded when they ran.")
        boolean ignoreChecksums;

        @Option(names = "--resume", description = "Continue a revision whose last upgrade failed part-way after the"
                + " statements that stayed applied, once they are checked unchanged.")
        boolean resume;

        @Option(names = "--retry", description = "Run a revision whose last upgrade failed part-way from its first"
                + " statement (undo the statements that stayed applied first).")
        boolean retry;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (resume && retry) {
                throw new ParameterException(spec.commandLine(), "--resume and --retry exclude each other: --resume"
                        + " skips the statements a failed revision left applied, --retry runs them again");
            }
            if (sql && (resume || retry)) {
                throw new ParameterException(spec.commandLine(), (resume ? "--resume" : "--retry") + " needs the"
                        + " database's audit log, so it doesn't go with --sql");
            }
            var builder = cli.config().includeMissing(includeMissing).resume(resume).retry(retry);
            if (ignoreChecksums) {
                builder.validateChecksums(false);
            }
            new dev.retort.Retort(builder.build()).upgrade(revision, sql);
            return 0;
        }
    }

    @Command(name = "downgrade", description = "Revert to a previous version.")
    static final class Downgrade extends Base {

        @Parameters(paramLabel = "REVISION", description = "Revision identifier: -1, base, <branch>@-1, a revision"
                + " id; with --sql, a range start:end.")
        String revision;

        @Option(names = "--sql", description = "Don't emit SQL to database - dump to standard output instead.")
        boolean sql;

        @Option(names = "--ignore-checksums", description = "Don't check that applied revisions' scripts still"
                + " match the checksums recorded when they ran.")
        boolean ignoreChecksums;

        @Override
        public Integer call() {
            var builder = cli.config();
            if (ignoreChecksums) {
                builder.validateChecksums(false);
            }
            new dev.retort.Retort(builder.build()).downgrade(revision, sql);
            return 0;
        }
    }

    @Command(name = "stamp", description = "'stamp' the revision table with the given revision; don't run any"
            + " migrations.")
    static final class Stamp extends Base {

        @Parameters(paramLabel = "REVISIONS", arity = "0..*", description = "Revision identifier(s): heads, base,"
                + " revision ids. With --checksums: the applied revisions to record (default: every edited one).")
        List<String> revisions = new ArrayList<>();

        @Option(names = "--sql", description = "Don't emit SQL to database - dump to standard output instead.")
        boolean sql;

        @Option(names = "--purge", description = "Unconditionally erase the version table before stamping.")
        boolean purge;

        @Spec
        CommandSpec spec;

        @Option(names = "--checksums", description = "Record the scripts of applied revisions as they are now,"
                + " accepting their edits; changes no version row.")
        boolean checksums;

        @Option(names = "--missing", description = "Mark the revisions below the current revision that never ran"
                + " as applied, without running them; changes no version row.")
        boolean missing;

        @Override
        public Integer call() {
            if (checksums || missing) {
                if (checksums && missing || sql || purge || missing && !revisions.isEmpty()) {
                    throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "stamp --checksums [REVISION...] and"
                            + " stamp --missing stand alone: don't combine them with each other, --sql or --purge"
                            + "\nRun them as separate commands.");
                }
                if (checksums) {
                    cli.retort().stampChecksums(revisions);
                } else {
                    cli.retort().stampMissing();
                }
                return 0;
            }
            if (revisions.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Missing required parameter: 'REVISIONS'");
            }
            cli.retort().stamp(revisions, purge, sql);
            return 0;
        }
    }
}
