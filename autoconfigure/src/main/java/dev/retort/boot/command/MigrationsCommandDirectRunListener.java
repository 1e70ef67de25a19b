package dev.retort.boot.command;

import dev.retort.DatabaseUrl;
import dev.retort.RetortConfig;
import dev.retort.boot.autoconfigure.MigrationsConfigs;
import dev.retort.boot.autoconfigure.MigrationsProperties;
import dev.retort.cli.RetortCli;
import java.io.PrintStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Command mode's fast path: runs a migrations command as soon as the application's configuration is read, before
 * any application context exists, and exits. It runs after Spring Boot's own listener, so the configuration files,
 * profiles, every {@code EnvironmentPostProcessor} (e.g. one turning {@code DATABASE_URL} into
 * {@code spring.datasource.*}) and the logging system are in place.
 *
 * <p>The database comes from {@code migrations.url}/{@code user}/{@code password}, else from
 * {@code spring.datasource.url}/{@code username}/{@code password} (with {@code migrations.user}/{@code password}
 * overriding the login). When the configuration names no database, or one whose vendor it can't tell, or the
 * command needs the JPA entities ({@code check}, {@code revision --autogenerate}), it steps aside and the
 * application context starts as before ({@link MigrationsCommandRunListener}).
 */
public class MigrationsCommandDirectRunListener implements SpringApplicationRunListener, Ordered {

    private final SpringApplication application;
    private final CommandArguments arguments;
    private final PrintStream standardOut;

    public MigrationsCommandDirectRunListener(SpringApplication application, String[] args) {
        this.application = application;
        this.arguments = CommandArguments.parse(args);
        // before MigrationsCommandRunListener sends System.out to standard error
        this.standardOut = System.out;
    }

    @Override
    public int getOrder() {
        // after Spring Boot's EventPublishingRunListener (order 0): configuration and logging are ready
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
            ConfigurableEnvironment environment) {
        if (arguments == null || arguments.refusal() != null || arguments.needsApplicationContext()) {
            return;
        }
        int code;
        try {
            RetortConfig config = config(environment, classLoader());
            if (config == null) {
                return;
            }
            code = RetortCli.runEmbedded(arguments.cli().toArray(String[]::new), standardOut, System.err, config,
                    "java -jar <app>.jar " + CommandArguments.COMMAND);
        } catch (RuntimeException e) {
            if (arguments.cli().contains("--stacktrace")) {
                e.printStackTrace(System.err);
            }
            System.err.println("FAILED: " + MigrationsCommandRunListener.failureMessage(e));
            code = 1;
        }
        standardOut.flush();
        System.err.flush();
        System.exit(code);
    }

    private ClassLoader classLoader() {
        ClassLoader loader = application.getClassLoader();
        return loader != null ? loader : Thread.currentThread().getContextClassLoader();
    }

    /**
     * Retort's configuration from the environment alone, as the engine bean would build it; {@code null} when
     * only the application context can tell the database.
     */
    static RetortConfig config(ConfigurableEnvironment environment, ClassLoader classLoader) {
        MigrationsProperties properties = Binder.get(environment).bind("migrations", MigrationsProperties.class)
                .orElseGet(MigrationsProperties::new);
        String url;
        String user;
        String password;
        String property;
        if (StringUtils.hasText(properties.getUrl())) {
            url = properties.getUrl();
            user = properties.getUser();
            password = properties.getPassword();
            property = "migrations.url";
        } else {
            url = environment.getProperty("spring.datasource.url");
            if (!StringUtils.hasText(url)) {
                return null;
            }
            boolean ownLogin = StringUtils.hasText(properties.getUser());
            user = ownLogin ? properties.getUser() : environment.getProperty("spring.datasource.username");
            password = ownLogin ? properties.getPassword() : environment.getProperty("spring.datasource.password");
            property = "spring.datasource.url";
        }
        DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(url);
        MigrationsConfigs.checkSupported(driver, property + " is " + DatabaseUrl.mask(url));
        String dialect = MigrationsConfigs.dialect(driver);
        if (dialect == null) {
            return null;
        }
        String locations = String.join(",", MigrationsConfigs.fromSourceTree(properties.getLocations().stream()
                .map(location -> location.replace("{vendor}", driver.getId())).toList()));
        return MigrationsConfigs.builder(properties, classLoader).url(url).user(user).password(password)
                .dialect(dialect).locations(locations).build();
    }
}
