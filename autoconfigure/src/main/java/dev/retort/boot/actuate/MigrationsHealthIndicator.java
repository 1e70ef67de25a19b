package dev.retort.boot.actuate;

import dev.retort.MigrationStatus;
import dev.retort.Retort;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the migrations, meant for the readiness group: UP when the database is at the script heads,
 * OUT_OF_SERVICE while revisions are pending, DOWN when the state can't be read (e.g. the database holds a revision
 * no script has). The details name the current revisions, the heads and how many there are (more than one wants a
 * {@code merge heads}), the pending revisions, the applied revisions whose scripts
 * were edited since they ran ({@code modified}), and the pending revisions whose upgrade failed part-way and left
 * statements applied ({@code partlyApplied}).
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    private final Retort retort;

    public MigrationsHealthIndicator(Retort retort) {
        super("Migrations health check failed");
        this.retort = retort;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationStatus status = retort.status();
        builder.withDetail("current", status.current()).withDetail("heads", status.heads())
                .withDetail("headCount", status.heads().size())
                .withDetail("pending", status.pending());
        if (!status.modified().isEmpty()) {
            // applied revisions whose scripts were edited since they ran: the next upgrade refuses to run
            builder.withDetail("modified", status.modified());
        }
        if (!status.partlyApplied().isEmpty()) {
            // pending revisions whose upgrade failed part-way: 'upgrade --resume' or '--retry' decides
            builder.withDetail("partlyApplied", status.partlyApplied());
        }
        if (status.upToDate()) {
            builder.up();
        } else {
            builder.outOfService();
        }
    }
}
