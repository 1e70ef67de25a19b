package dev.retort.boot.autoconfigure;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.boot.command.MigrationsCommandRunListener;
import dev.retort.script.ScriptDirectory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Starts reading the revision scripts' headers on a background thread as soon as the bean definitions are known,
 * so the reading overlaps the rest of the context's start-up instead of delaying the EntityManagerFactory. The
 * engine bean takes the result when its locations are the same; otherwise it reads them itself.
 */
class MigrationsScriptReader implements BeanFactoryPostProcessor, EnvironmentAware, BeanClassLoaderAware, Ordered {

    static final String BEAN_NAME = "migrationsScriptsBeingRead";

    private Environment environment;
    private ClassLoader classLoader;

    /** The scripts being read, and the locations they are read from. */
    record ScriptsBeingRead(String locations, CompletableFuture<ScriptDirectory> scripts) {
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.getProperty(MigrationsCommandRunListener.COMMAND_MODE, Boolean.class, false)
                || beanFactory.containsSingleton(BEAN_NAME)) {
            return;
        }
        MigrationsProperties properties = Binder.get(environment).bind("migrations", MigrationsProperties.class)
                .orElseGet(MigrationsProperties::new);
        String locations = locations(properties.getLocations());
        if (locations == null) {
            return;
        }
        RetortConfig config = RetortConfig.builder().locations(locations).locationsSetting("migrations.locations")
                .classLoader(classLoader)
                .output(line -> { }).build();
        beanFactory.registerSingleton(BEAN_NAME, new ScriptsBeingRead(locations, Retort.readScriptsAsync(config)));
    }

    /** The locations with {@code {vendor}} resolved from {@code spring.datasource.url}, or null when unknown. */
    private String locations(List<String> locations) {
        String joined = String.join(",", locations);
        if (!joined.contains("{vendor}")) {
            return joined;
        }
        String url = environment.getProperty("spring.datasource.url");
        DatabaseDriver driver = url == null ? DatabaseDriver.UNKNOWN : DatabaseDriver.fromJdbcUrl(url);
        return driver == DatabaseDriver.UNKNOWN ? null : joined.replace("{vendor}", driver.getId());
    }
}
