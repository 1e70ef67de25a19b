package dev.retort.boot;

import dev.retort.RetortConfig;

/**
 * Adjusts Retort's configuration after the {@code migrations.*} properties were applied. Beans of this type are
 * applied in order.
 */
@FunctionalInterface
public interface MigrationsConfigurationCustomizer {

    void customize(RetortConfig.Builder configuration);
}
