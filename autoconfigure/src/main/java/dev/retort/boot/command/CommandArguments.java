package dev.retort.boot.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The application's arguments read for command mode: {@code [--name=value ...] migrations <command> [args]}.
 *
 * @param cli the CLI's arguments: everything after {@code migrations} except Spring properties like {@code --a.b=c}
 * @param refusal why the arguments are refused (exit 2, nothing started), or {@code null}
 */
record CommandArguments(List<String> cli, String refusal) {

    /** The argument that switches the application into command mode. */
    static final String COMMAND = "migrations";

    /** The CLI's options that take a value, so a command is not mistaken for one's value. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--url", "--user", "--password", "--locations",
            "--version-table", "--schema", "--dialect", "--lock-timeout", "--file-template");

    /** The arguments in command mode; {@code null} when {@code migrations} is not among them. */
    static CommandArguments parse(String[] args) {
        int at = Arrays.asList(args).indexOf(COMMAND);
        if (at < 0) {
            return null;
        }
        for (int i = 0; i < at; i++) {
            if (!args[i].startsWith("--")) {
                return new CommandArguments(List.of(), "'" + COMMAND + "' must be the first argument, after Spring"
                        + " options such as --spring.profiles.active=postgres only: java -jar <app>.jar"
                        + " [--name=value ...] " + COMMAND + " <command> [args]. '" + args[i] + "' comes before it,"
                        + " so the application was not started and no command ran.");
            }
        }
        List<String> cli = new ArrayList<>();
        for (String arg : Arrays.asList(args).subList(at + 1, args.length)) {
            if (!(arg.startsWith("--") && arg.contains("=") && arg.substring(0, arg.indexOf('=')).contains("."))) {
                cli.add(arg);
            }
        }
        return new CommandArguments(List.copyOf(cli), null);
    }

    /** The CLI's command ({@code current}, {@code upgrade}, …), or {@code null} when none is given. */
    String command() {
        for (int i = 0; i < cli.size(); i++) {
            String arg = cli.get(i);
            if (arg.startsWith("-")) {
                if (OPTIONS_WITH_VALUE.contains(arg)) {
                    i++;
                }
                continue;
            }
            return arg;
        }
        return null;
    }

    /**
     * Whether the command needs the application context: {@code check} and {@code revision --autogenerate} compare
     * the database with the JPA entities' mapping, so the EntityManagerFactory must be built. Every other command
     * needs only the configuration.
     */
    boolean needsApplicationContext() {
        String command = command();
        return "check".equals(command) || "revision".equals(command) && cli.contains("--autogenerate");
    }
}
