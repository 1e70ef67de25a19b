package dev.retort.cli;

import dev.retort.CommandException;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.internal.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
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
            Commands.Downgrade.class, Commands.Stamp.class, CommandLine.HelpCommand.class
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
            defaultValue = RetortConfig.DEFAULT_LOCATIONS,
            description = "Comma-separated filesystem:PATH / classpath:PATH locations of revision scripts;"
                    + " {vendor} becomes the database name. Default: ${DEFAULT-VALUE}.")
    String locations;

    @Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            defaultValue = RetortConfig.DEFAULT_VERSION_TABLE,
            description = "Version table. Default: ${DEFAULT-VALUE}.")
    String versionTable;

    @Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA",
            description = "Schema of the version table. Default: the connection's schema.")
    String schema;

    @Option(names = "--dialect", scope = ScopeType.INHERIT, paramLabel = "DIALECT",
            description = "postgresql or h2. Default: from the URL or connection.")
    String dialect;

    @Option(names = "--transaction-per-migration", scope = ScopeType.INHERIT,
            description = "Commit after each revision instead of running the whole upgrade in one transaction.")
    boolean transactionPerMigration;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "60",
            description = "Seconds to wait for another process's migration lock. Default: ${DEFAULT-VALUE}.")
    double lockTimeout;

    @Option(names = "--file-template", scope = ScopeType.INHERIT, paramLabel = "TEMPLATE",
            defaultValue = RetortConfig.DEFAULT_FILE_TEMPLATE,
            description = "File name template of new revisions (tokens: rev, slug, epoch, year, month, day, hour,"
                    + " minute, second). Default: ${DEFAULT-VALUE}.")
    String fileTemplate;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print no status or log lines.")
    boolean quiet;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean stacktrace;

    private PrintStream out = System.out;
    private Map<String, String> environment = System.getenv();
    private Path workingDirectory = Path.of("");

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), Path.of("")));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Path workingDirectory) {
        RetortCli cli = new RetortCli();
        cli.out = out;
        cli.environment = environment;
        cli.workingDirectory = workingDirectory;
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionStrategy(parseResult -> {
            CliLogging.configure(err, cli.quiet);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (cli.stacktrace) {
                e.printStackTrace(err);
            }
            String message = e instanceof CommandException ? e.getMessage() : String.valueOf(e.getMessage());
            err.println("FAILED: " + Urls.scrub(message, cli.password));
            err.flush();
            return e instanceof CommandException ce ? ce.code().exitCode() : 1;
        });
        int code = commandLine.execute(args);
        out.flush();
        return code;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return 2;
    }

    /** A {@link Retort} configured from the global options, the environment and {@code .env}. */
    Retort retort() {
        return new Retort(config().build());
    }

    RetortConfig.Builder config() {
        RetortConfig.Builder builder = RetortConfig.builder()
                .locations(locations)
                .versionTable(versionTable)
                .schema(schema)
                .dialect(dialect)
                .transactionPerMigration(transactionPerMigration)
                .lockTimeout(Duration.ofMillis(Math.round(lockTimeout * 1000)))
                .fileTemplate(fileTemplate)
                .quiet(quiet)
                .output(out::println)
                .user(user)
                .password(password);
        String databaseUrl = url != null ? url : databaseUrlFromEnvironment();
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            try {
                builder.databaseUrl(databaseUrl);
            } catch (IllegalArgumentException e) {
                throw new CommandException(dev.retort.ErrorCode.INVALID_ARGUMENTS, e.getMessage(), e);
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
