package dev.retort.cli;

import dev.retort.CommandException;
import dev.retort.ErrorCode;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.internal.Urls;
import dev.retort.script.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code retort} command line: Alembic's commands, arguments and output, over Retort's engine.
 *
 * <pre>
 * retort [global options] COMMAND [args]
 * retort --url jdbc:postgresql://localhost/app upgrade heads
 * </pre>
 *
 * <p>Exit codes: 0 success, 1 failure ({@code FAILED: <message>} on standard error), 2 usage error.
 */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = RetortCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Alembic-style database migrations: revision scripts that form a graph, upgraded and"
                + " downgraded against PostgreSQL or H2.",
        subcommands = {
            Commands.Heads.class, Commands.Branches.class, Commands.History.class, Commands.Show.class,
            Commands.Revision.class, Commands.Merge.class, Commands.Current.class, Commands.Upgrade.class,
            Commands.Downgrade.class, Commands.Stamp.class, Commands.Check.class, CommandLine.HelpCommand.class
        })
public final class RetortCli implements Callable<Integer> {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Database URL: jdbc:postgresql://host:5432/db, jdbc:h2:./db, or"
                    + " postgresql://user:pass@host:5432/db. Default: DATABASE_URL from the environment or .env.")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Database password.")
    String password;

    @Option(names = "--locations", scope = ScopeType.INHERIT, paramLabel = "LOCATIONS",
            description = "Comma-separated filesystem:PATH / classpath:PATH locations of revision scripts;"
                    + " {vendor} becomes the database name. Default: " + RetortConfig.DEFAULT_LOCATIONS + ".")
    String locations;

    @Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            description = "Version table. Default: " + RetortConfig.DEFAULT_VERSION_TABLE + ".")
    String versionTable;

    @Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA",
            description = "Schema of the version table. Default: the connection's schema.")
    String schema;

    @Option(names = "--dialect", scope = ScopeType.INHERIT, paramLabel = "DIALECT",
            description = "postgresql or h2. Default: from the URL or connection.")
    String dialect;

    @Option(names = "--transaction-per-migration", scope = ScopeType.INHERIT,
            description = "Commit after each revision instead of running the whole upgrade in one transaction.")
    Boolean transactionPerMigration;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            description = "Seconds to wait for another process's migration lock. Default: 60.")
    String lockTimeout;

    @Option(names = "--connect-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            description = "Seconds to wait for the database to accept a connection and log in; 0 waits for ever."
                    + " Default: 30.")
    String connectTimeout;

    @Option(names = "--file-template", scope = ScopeType.INHERIT, paramLabel = "TEMPLATE",
            description = "File name template of new revisions (tokens: rev, slug, epoch, year, month, day, hour,"
                    + " minute, second). Default: %%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d_%%(rev)s_%%(slug)s.")
    String fileTemplate;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print no status or log lines.")
    boolean quiet;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean stacktrace;

    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private Map<String, String> environment = System.getenv();
    private Path workingDirectory = Path.of("");
    private RetortConfig base;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), Path.of("")));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Path workingDirectory) {
        return run(args, out, err, environment, workingDirectory, null);
    }

    /**
     * Runs a command against a configuration an application already has (its DataSource and settings), as
     * {@code java -jar app.jar migrations <command>} does. Options given on the command line still override it;
     * logging is left to the application.
     *
     * @param prefix how usage lines name the command, e.g. {@code java -jar app.jar migrations}
     */
    public static int runEmbedded(String[] args, PrintStream out, PrintStream err, RetortConfig base, String prefix) {
        return run(args, out, err, Map.of(), Path.of(""), base, prefix);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Path workingDirectory, RetortConfig base) {
        return run(args, out, err, environment, workingDirectory, base, null);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Path workingDirectory, RetortConfig base, String prefix) {
        RetortCli cli = new RetortCli();
        cli.out = out;
        cli.err = err;
        cli.environment = environment;
        cli.workingDirectory = workingDirectory;
        cli.base = base;
        CommandLine commandLine = new CommandLine(cli);
        if (prefix != null) {
            commandLine.setCommandName(prefix);
        }
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionStrategy(parseResult -> {
            if (base == null) {
                CliLogging.configure(err, cli.quiet);
            }
            List<CommandLine> commands = parseResult.asCommandLineList();
            cli.validate(commands.get(commands.size() - 1));
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (cli.stacktrace) {
                e.printStackTrace(err);
            }
            String message = e instanceof CommandException ? e.getMessage() : String.valueOf(e.getMessage());
            err.println("FAILED: " + Urls.scrub(message, cli.password));
            if (e instanceof CommandException ce && ce.code() == ErrorCode.MULTIPLE_HEADS) {
                // Alembic's message names the 'heads' target; the way to one head again is a merge
                String name = prefix != null ? prefix : "retort";
                err.println("  '" + name + " heads' lists them; '" + name + " merge heads -m \"merge heads\"' joins"
                        + " them into one head.");
            } else if (e instanceof CommandException ce && ce.action() != null) {
                err.println("  " + Urls.scrub(ce.action(), cli.password));
            }
            err.flush();
            return e instanceof CommandException ce ? ce.code().exitCode() : 1;
        });
        commandLine.setParameterExceptionHandler((e, args1) -> usageError(e.getCommandLine(), e, err));
        int code = commandLine.execute(args);
        out.flush();
        return code;
    }

    @Override
    public Integer call() {
        // no command is a usage error: like argparse, say so on standard error
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command; name one of: "
                + String.join(", ", new CommandLine(this).getSubcommands().keySet()));
    }

    /**
     * A usage error: one line saying what is wrong, the command's synopsis, and where the options are described;
     * exit code 2.
     */
    private static int usageError(CommandLine command, CommandLine.ParameterException e, PrintStream err) {
        // picocli names the Java type a value didn't convert to
        String message = e.getMessage().replaceFirst("is not a double$", "is not a number");
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> arguments = unmatched.getUnmatched();
            String first = arguments.isEmpty() ? "" : arguments.get(0);
            boolean root = command.getParent() == null;
            if (first.startsWith("-")) {
                message = "Unknown option: '" + first + "'";
            } else if (root) {
                message = "Unknown command: '" + first + "'; the commands are "
                        + String.join(", ", command.getSubcommands().keySet());
            } else {
                message = "Unexpected argument" + (arguments.size() > 1 ? "s" : "") + ": "
                        + arguments.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "));
            }
        }
        err.println("FAILED: " + message);
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        boolean abbreviate = usage.abbreviateSynopsis();
        usage.abbreviateSynopsis(true);
        err.print("Usage: " + command.getHelp().synopsis(0));
        usage.abbreviateSynopsis(abbreviate);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return 2;
    }

    /** The largest number of seconds a timeout takes: PostgreSQL's limit (an int of milliseconds). */
    static final double MAX_TIMEOUT_SECONDS = 2_147_483;

    /** Checks the options before anything runs, naming the option that is wrong. */
    void validate(CommandLine command) {
        try {
            if (lockTimeout != null) {
                seconds("--lock-timeout", lockTimeout);
            }
            if (connectTimeout != null) {
                seconds("--connect-timeout", connectTimeout);
            }
            if (versionTable != null) {
                RetortConfig.checkTableName("--version-table", versionTable, "--schema");
            }
            if (schema != null) {
                RetortConfig.checkSchemaName("--schema", schema);
            }
            if (locations != null && Location.parseList(locations).isEmpty()) {
                throw new IllegalArgumentException("--locations is empty; give at least one location, e.g."
                        + " --locations " + RetortConfig.DEFAULT_LOCATIONS);
            }
            if (locations != null) {
                Location.parseList(locations);
            }
            if (dialect != null) {
                RetortConfig.checkDialect("--dialect", dialect, url != null ? "--url" : null, url);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, e.getMessage(), e);
        }
    }

    /** A timeout option's value as a duration, or an error naming the option and the value as written. */
    private static Duration seconds(String option, String value) {
        double seconds;
        try {
            seconds = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds >= 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException(option + " must be a number of seconds from 0 to "
                    + (long) MAX_TIMEOUT_SECONDS + ", not '" + value + "'");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** A {@link Retort} configured from the global options, the environment and {@code .env}. */
    Retort retort() {
        return retort(config());
    }

    /** A {@link Retort} of a configuration; a value the configuration can't take is a usage error. */
    Retort retort(RetortConfig.Builder builder) {
        try {
            return new Retort(builder.build());
        } catch (IllegalArgumentException e) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, e.getMessage(), e);
        }
    }

    /** The configuration: the application's (embedded) or the defaults, then the options given. */
    RetortConfig.Builder config() {
        RetortConfig.Builder builder = base != null ? base.toBuilder() : RetortConfig.builder();
        builder.output(out::println).quiet(quiet);
        if (locations != null) {
            builder.locations(locations).locationsSetting("--locations");
        }
        if (versionTable != null) {
            builder.versionTable(versionTable);
        }
        if (schema != null) {
            builder.schema(schema);
        }
        if (dialect != null) {
            builder.dialect(dialect);
        }
        if (transactionPerMigration != null) {
            builder.transactionPerMigration(transactionPerMigration);
        }
        if (lockTimeout != null) {
            builder.lockTimeout(seconds("--lock-timeout", lockTimeout));
        }
        if (connectTimeout != null) {
            builder.connectTimeout(seconds("--connect-timeout", connectTimeout));
        }
        if (fileTemplate != null) {
            builder.fileTemplate(fileTemplate);
        }
        if (user != null) {
            builder.user(user);
        }
        if (password != null) {
            builder.password(password);
        }
        String databaseUrl = url != null ? url : base != null ? null : databaseUrlFromEnvironment();
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            builder.dataSource(null);
            try {
                builder.databaseUrl(databaseUrl);
            } catch (IllegalArgumentException e) {
                throw new CommandException(ErrorCode.INVALID_ARGUMENTS, e.getMessage(), e);
            }
        }
        return builder;
    }

    private String databaseUrlFromEnvironment() {
        String value = environment.get("DATABASE_URL");
        if (value == null) {
            value = DotEnv.read(workingDirectory.resolve(".env")).get("DATABASE_URL");
        }
        return value;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** {@code --version}: the version the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = RetortCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return new String[] {"retort " + properties.getProperty("version", "unknown")};
        }
    }
}
