package dev.retort.boot.autoconfigure;

import dev.retort.Retort;
import dev.retort.boot.actuate.MigrationsHealthIndicator;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code migrations} health indicator (one per {@link Retort} bean, composed when there
 * are several). Add it to the readiness group:
 * {@code management.endpoint.health.group.readiness.include=readinessState,migrations}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({Retort.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Retort.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<MigrationsHealthIndicator, Retort> {

    MigrationsHealthContributorAutoConfiguration() {
        super(MigrationsHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = {"migrationsHealthIndicator", "migrationsHealthContributor"})
    HealthContributor migrationsHealthContributor(Map<String, Retort> retorts) {
        return createContributor(retorts);
    }
}
