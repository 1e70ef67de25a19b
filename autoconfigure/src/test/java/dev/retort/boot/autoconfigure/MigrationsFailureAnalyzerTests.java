package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.CommandException;
import dev.retort.ErrorCode;
import dev.retort.runtime.MigrationFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Startup failures reported as "APPLICATION FAILED TO START" with the command that fixes them. */
class MigrationsFailureAnalyzerTests {

    private final MigrationsFailureAnalyzer analyzer = new MigrationsFailureAnalyzer();

    private FailureAnalysis analyze(CommandException cause) {
        return analyzer.analyze(new BeanCreationException("migrationsInitializer", "Init failed", cause));
    }

    @Test
    void multipleHeadsSaysHowToMergeThem() {
        FailureAnalysis analysis = analyze(new CommandException(ErrorCode.MULTIPLE_HEADS, "Multiple head revisions are"
                + " present for given argument 'head'; ..."));

        assertThat(analysis.getDescription()).isEqualTo("Retort migrations failed: Multiple head revisions are present"
                + " for given argument 'head'; ...");
        assertThat(analysis.getAction()).contains("migrations merge heads -m").contains("migrations.target=heads");
    }

    @Test
    void unknownVersionRowSaysHowToRestamp() {
        assertThat(analyze(new CommandException(ErrorCode.UNKNOWN_VERSION_ROW,
                "Can't locate revision identified by 'x'")).getAction()).contains("migrations stamp --purge <revision>");
    }

    @Test
    void unknownTargetPointsAtTheTargetNotAtTheDatabase() {
        assertThat(analyze(new CommandException(ErrorCode.UNKNOWN_REVISION, "Can't locate revision identified by 'zzzz'"))
                .getAction()).contains("migrations.target").contains("migrations history").doesNotContain("stamp");
    }

    @Test
    void failedRevisionNamesItsFileAndLine() {
        MigrationFailedException failed = new MigrationFailedException("Running upgrade a1 -> b1 failed: ...", "b1",
                "classpath:db/migrations/b1.sql", 12, "SELEC 1", "42601", "ERROR: syntax error", List.of("a1"), null);

        FailureAnalysis analysis = analyze(new CommandException(ErrorCode.MIGRATION_FAILED, failed.getMessage(), failed));

        assertThat(analysis.getAction()).startsWith("Fix the statement at 'classpath:db/migrations/b1.sql' line 12,"
                + " then restart the application");
    }

    @Test
    void lockTimeoutAndValidateModeHaveTheirOwnWayOut() {
        assertThat(analyze(new CommandException(ErrorCode.LOCK_TIMEOUT, "Timed out")).getAction())
                .contains("migrations.lock-timeout").contains("migrations.mode=validate");
        assertThat(analyze(new CommandException(ErrorCode.NOT_AT_HEAD, "not up to date")).getAction())
                .contains("migrations upgrade heads").contains("migrations.mode=upgrade");
    }
}
