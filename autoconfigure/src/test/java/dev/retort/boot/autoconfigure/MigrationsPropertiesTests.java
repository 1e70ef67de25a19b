package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.RetortConfig;
import org.junit.jupiter.api.Test;

/** Each default of {@code migrations.*} equals the engine's, so the two never drift. */
class MigrationsPropertiesTests {

    private final MigrationsProperties properties = new MigrationsProperties();
    private final RetortConfig config = RetortConfig.builder().build();

    @Test
    void defaultsMatchTheEngine() {
        assertThat(properties.getVersionTable()).isEqualTo(config.versionTable());
        assertThat(properties.getSchema()).isEqualTo(config.schema());
        assertThat(properties.isTransactionPerMigration()).isEqualTo(config.transactionPerMigration());
        assertThat(properties.getLockTimeout()).isEqualTo(config.lockTimeout());
        assertThat(properties.getFileTemplate()).isEqualTo(config.fileTemplate());
        assertThat(properties.getAutogenerate().getIncludeTables()).isEqualTo(config.includeTables());
        assertThat(properties.getAutogenerate().getExcludeTables()).isEqualTo(config.excludeTables());
    }

    @Test
    void defaultsForTheApplication() {
        assertThat(properties.isEnabled()).isFalse();
        assertThat(properties.getLocations()).containsExactly("classpath:db/migrations");
        assertThat(properties.getTarget()).isEqualTo("heads");
        assertThat(properties.getMode()).isEqualTo(MigrationsProperties.Mode.UPGRADE);
        assertThat(properties.getSourceDirectory()).isEqualTo("src/main/resources/db/migrations");
    }
}
