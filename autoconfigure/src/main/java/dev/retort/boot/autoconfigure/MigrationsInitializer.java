package dev.retort.boot.autoconfigure;

import dev.retort.CommandException;
import dev.retort.ErrorCode;
import dev.retort.MigrationResult;
import dev.retort.MigrationStatus;
import dev.retort.Retort;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Runs at startup, before the EntityManagerFactory, JdbcTemplate and anything else that uses the database: in
 * {@code upgrade} mode it runs the pending revisions up to the target; in {@code validate} mode it runs none and
 * fails startup when any are pending, or when an applied revision's script was edited since it ran.
 */
public class MigrationsInitializer implements InitializingBean, Ordered {

    private static final Logger log = LoggerFactory.getLogger("retort.runtime.migration");

    private final Retort retort;
    private final MigrationsProperties.Mode mode;
    private final String target;
    private volatile MigrationResult result;

    public MigrationsInitializer(Retort retort, MigrationsProperties.Mode mode, String target) {
        this.retort = retort;
        this.mode = mode;
        this.target = target;
    }

    @Override
    public void afterPropertiesSet() {
        if (mode == MigrationsProperties.Mode.VALIDATE) {
            validate();
        } else {
            warnAboutSeveralHeads();
            result = retort.upgrade(target);
        }
    }

    /** {@code heads} upgrades every head, as asked; but two developers' heads are usually meant to be merged. */
    private void warnAboutSeveralHeads() {
        List<String> heads = retort.graph().heads();
        if ("heads".equals(target) && heads.size() > 1) {
            log.warn("The revision scripts have {} heads ({}); migrations.target=heads upgrades each of them. Join"
                    + " them into one with 'java -jar <your-app>.jar migrations merge heads -m \"merge heads\"'.",
                    heads.size(), String.join(", ", heads));
        }
    }

    private void validate() {
        MigrationStatus status = retort.status();
        List<String> pending = retort.pending(status.versionRows(), target);
        if (!pending.isEmpty()) {
            throw new CommandException(ErrorCode.NOT_AT_HEAD, "The database is not up to date: " + pending.size()
                    + (pending.size() == 1 ? " revision is" : " revisions are") + " pending (" + String.join(", ",
                    pending) + ") and migrations.mode=validate runs none. The database is at "
                    + (status.versionRows().isEmpty() ? "base" : String.join(", ", status.versionRows())) + ".");
        }
        List<String> modified = status.modified();
        if (retort.config().validateChecksums() && !modified.isEmpty()) {
            throw new CommandException(ErrorCode.CHECKSUM_MISMATCH, (modified.size() == 1 ? "Revision "
                    + modified.get(0) + " was" : "Revisions " + String.join(", ", modified) + " were") + " edited"
                    + " after " + (modified.size() == 1 ? "it was" : "they were") + " applied, and"
                    + " migrations.mode=validate refuses to start on scripts that differ from what the database ran\n"
                    + "Restore the scripts as applied, or, if the edit is meant, record them with 'migrations stamp"
                    + " --checksums'; migrations.validate-checksums=false skips this check.");
        }
        log.info("Database is up to date at {}; migrations.mode=validate ran nothing",
                status.versionRows().isEmpty() ? "base" : String.join(", ", status.versionRows()));
    }

    /** What the startup upgrade did, or {@code null} in validate mode or before it ran. */
    public MigrationResult result() {
        return result;
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
