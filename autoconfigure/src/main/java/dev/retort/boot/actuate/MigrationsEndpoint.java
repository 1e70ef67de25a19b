package dev.retort.boot.actuate;

import dev.retort.MigrationStatus;
import dev.retort.Retort;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/migrations}: for each application context and each {@link Retort} bean in it, where the
 * database stands (current revisions, heads, pending revisions) and every revision with its state and, from the
 * audit log, when it was applied, by whom and how long it took. Read-only; it shows no SQL and no credentials.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

    private final ApplicationContext context;

    public MigrationsEndpoint(ApplicationContext context) {
        this.context = context;
    }

    @ReadOperation
    public MigrationsBeansDescriptor migrations() {
        Map<String, ContextMigrationsBeansDescriptor> contexts = new LinkedHashMap<>();
        ApplicationContext target = context;
        while (target != null) {
            Map<String, MigrationsDescriptor> beans = new LinkedHashMap<>();
            target.getBeansOfType(Retort.class).forEach((name, retort) -> beans.put(name,
                    MigrationsDescriptor.of(retort.status())));
            ApplicationContext parent = target.getParent();
            contexts.put(target.getId(), new ContextMigrationsBeansDescriptor(beans,
                    parent == null ? null : parent.getId()));
            target = parent;
        }
        return new MigrationsBeansDescriptor(contexts);
    }

    /** The application's Retort beans, by context id. */
    public record MigrationsBeansDescriptor(Map<String, ContextMigrationsBeansDescriptor> contexts)
            implements OperationResponseBody {
    }

    /** One context's Retort beans, by bean name. */
    public record ContextMigrationsBeansDescriptor(Map<String, MigrationsDescriptor> migrationsBeans,
            String parentId) {
    }

    /**
     * Where one Retort bean's database stands.
     *
     * @param current the revisions the database is at
     * @param versionRows the rows of the version table
     * @param heads the script heads
     * @param pending the revisions {@code upgrade heads} would run, in order
     * @param partlyApplied the pending revisions whose upgrade failed part-way and left statements applied
     * @param history every revision, newest first
     */
    public record MigrationsDescriptor(List<String> current, List<String> versionRows, List<String> heads,
            List<String> pending, List<String> partlyApplied, boolean upToDate, List<RevisionDescriptor> history) {

        static MigrationsDescriptor of(MigrationStatus status) {
            return new MigrationsDescriptor(status.current(), status.versionRows(), status.heads(), status.pending(),
                    status.partlyApplied(), status.upToDate(),
                    status.history().stream().map(RevisionDescriptor::of).toList());
        }
    }

    /**
     * One revision.
     *
     * @param state {@code current}, {@code applied} or {@code pending}
     * @param appliedAt when it last ran upward or was stamped, from the audit log
     * @param checksumMatches whether the script still matches the checksum recorded when it ran: {@code false} when
     *        it was edited since, {@code null} when nothing was recorded (pending, stamped, or applied before the
     *        audit log)
     * @param appliedStatements for a pending revision whose upgrade failed part-way outside a transaction, how many
     *        of its first statements stayed applied; else {@code null}
     * @param failedAt when that upgrade failed; else {@code null}
     */
    public record RevisionDescriptor(String revision, List<String> downRevisions, List<String> branchLabels,
            List<String> dependsOn, String message, String createDate, String script, String state, boolean isHead,
            Instant appliedAt, Long executionTimeMs, String appliedBy, Boolean checksumMatches,
            Integer appliedStatements, Instant failedAt) {

        static RevisionDescriptor of(MigrationStatus.RevisionInfo info) {
            return new RevisionDescriptor(info.revision(), info.downRevisions(), info.branchLabels(), info.dependsOn(),
                    info.message(), info.createDate(), info.script(), info.state(), info.isHead(), info.appliedAt(),
                    info.executionTimeMs(), info.appliedBy(), info.checksumMatches(), info.appliedStatements(),
                    info.failedAt());
        }
    }
}
