package dev.retort.boot.autoconfigure;

import dev.retort.Retort;
import dev.retort.boot.actuate.MigrationsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Auto-configuration of the migrations meters, when Micrometer is present. */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({Retort.class, MeterRegistry.class})
@ConditionalOnBean(Retort.class)
public final class MigrationsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrationsMetrics migrationsMetrics(Map<String, Retort> retorts,
            ObjectProvider<MigrationsInitializer> initializers) {
        return new MigrationsMetrics(retorts, name -> {
            MigrationsInitializer initializer = initializers.getIfUnique();
            return initializer == null || retorts.size() != 1 ? null : initializer.result();
        });
    }
}
