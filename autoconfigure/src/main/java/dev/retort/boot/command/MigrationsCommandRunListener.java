package dev.retort.boot.command;

import dev.retort.CommandException;
import dev.retort.DatabaseUrl;
import dev.retort.Retort;
import dev.retort.cli.RetortCli;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The application's command mode: {@code java -jar app.jar migrations <command> [args]} runs one of the
 * {@code retort} CLI's commands against the application's own DataSource and {@code migrations.*} configuration,
 * then exits with the CLI's exit code.
 *
 * <p>{@code migrations} must come first, after Spring options ({@code --name=value}) only; anywhere else the
 * application refuses to start (exit 2). Commands that need only the configuration run as soon as it is read,
 * without the application context ({@link MigrationsCommandDirectRunListener}); {@code check} and
 * {@code revision --autogenerate}, which need the JPA entities, and applications whose database is not in the
 * configuration (a DataSource bean, connection details) go through the context:
 *
 * <p>In command mode no web server starts, no migration runs automatically first, beans are lazy, Hibernate
 * neither validates nor generates the schema (the command may be about to create it), {@code schema.sql} doesn't
 * run, and the application's own runners never run: the command runs as soon as the context is refreshed. Standard output carries only the
 * command's output (e.g. an {@code --sql} script); everything the application logs goes to standard error.
 */
public class MigrationsCommandRunListener implements SpringApplicationRunListener, Ordered {

    /** Set while the application runs a migrations command; an internal property, not for users. */
    public static final String COMMAND_MODE = "retort.internal.command-mode";

    /** The first argument that switches the application into command mode. */
    public static final String COMMAND = CommandArguments.COMMAND;

    private final CommandArguments arguments;
    private final List<String> commandArgs;
    private PrintStream standardOut;

    public MigrationsCommandRunListener(SpringApplication application, String[] args) {
        this.arguments = CommandArguments.parse(args);
        this.commandArgs = arguments == null ? null : arguments.cli();
        if (arguments != null && !arguments.needsApplicationContext()) {
            // A command that runs before any context exists has no use for Spring Boot's background
            // pre-initialization (conversion service, Jackson, …); it would only compete for the CPU.
            application.setListeners(application.getListeners().stream()
                    .filter(listener -> !listener.getClass().getName()
                            .endsWith(".BackgroundPreinitializingApplicationListener"))
                    .toList());
        }
    }

    private boolean active() {
        return commandArgs != null;
    }

    @Override
    public int getOrder() {
        // before Spring Boot's own listener publishes the events logging initializes on
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        if (active() && arguments.refusal() != null) {
            // e.g. 'app.jar --spring.profiles.active postgres migrations stamp X' would otherwise start the app
            System.err.println("FAILED: " + arguments.refusal());
            System.err.flush();
            System.exit(2);
        }
        if (active()) {
            standardOut = System.out;
            System.setOut(System.err);
        }
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
            ConfigurableEnvironment environment) {
        if (!active()) {
            return;
        }
        Map<String, Object> forced = new LinkedHashMap<>();
        forced.put(COMMAND_MODE, "true");
        forced.put("spring.main.web-application-type", "none");
        forced.put("spring.main.lazy-initialization", "true");
        forced.put("spring.main.banner-mode", "off");
        // Something may still build the EntityManagerFactory (e.g. metrics binders); it must neither validate nor
        // change a schema the command is about to create, and schema.sql/data.sql must not run.
        forced.put("spring.jpa.hibernate.ddl-auto", "none");
        forced.put("spring.jpa.properties.hibernate.hbm2ddl.auto", "none");
        forced.put("spring.jpa.properties.jakarta.persistence.schema-generation.database.action", "none");
        forced.put("spring.jpa.generate-ddl", "false");
        forced.put("spring.jpa.defer-datasource-initialization", "false");
        forced.put("spring.sql.init.mode", "never");
        environment.getPropertySources().addFirst(new MapPropertySource("retortCommandMode", forced));
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.log-startup-info", "false");
        defaults.put("logging.level.root", "warn");
        defaults.put("logging.level.retort", "info");
        // command mode names Hibernate's dialect itself (so that it needn't ask the database); no warning about it
        defaults.put("logging.level.org.hibernate.orm.deprecation", "error");
        environment.getPropertySources().addLast(new MapPropertySource("retortCommandModeDefaults", defaults));
    }

    @Override
    public void started(ConfigurableApplicationContext context, Duration timeTaken) {
        if (!active()) {
            return;
        }
        Retort retort = context.getBeanProvider(Retort.class).getIfUnique();
        int code;
        if (retort == null) {
            System.err.println("FAILED: The application has no DataSource for Retort to migrate (nor"
                    + " migrations.url); configure spring.datasource.* or migrations.url");
            code = 1;
        } else {
            code = RetortCli.runEmbedded(commandArgs.toArray(String[]::new), standardOut, System.err,
                    retort.config(), "java -jar <app>.jar migrations");
        }
        standardOut.flush();
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /**
     * The application could not start for the command: say so as the CLI says a failure ({@code FAILED: …}, the
     * stack trace only with {@code --stacktrace}) and exit 1, instead of Spring Boot's start-up report.
     */
    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        if (!active()) {
            return;
        }
        if (standardOut != null) {
            System.setOut(standardOut);
        }
        if (commandArgs.contains("--stacktrace")) {
            exception.printStackTrace(System.err);
        }
        System.err.println("FAILED: " + failureMessage(exception));
        System.err.flush();
        System.exit(1);
    }

    /** A command's own message when the failure is one; else what went wrong, deepest cause first. */
    static String failureMessage(Throwable exception) {
        Throwable root = exception;
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof CommandException command) {
                return DatabaseUrl.mask(command.getMessage());
            }
            if (t instanceof FailureAnalyzedException analyzed) {
                FailureAnalysis analysis = analyzed.analysis();
                return DatabaseUrl.mask(analysis.getDescription() + " " + analysis.getAction());
            }
            root = t;
        }
        String message = root.getMessage() != null ? root.getMessage() : root.toString();
        return DatabaseUrl.mask("The application could not start for the command: " + message);
    }
}
