package dev.retort.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A built-in migration test failed: a one-line message (pytest-alembic's wording where it has one) followed by
 * titled blocks of context, each indented by four spaces, as pytest-alembic prints them:
 *
 * <pre>
 * Expected 1 head revision, found 2
 *
 * Heads:
 *     27c6a30d7c24 (db/migrations/…_add_b.sql), add b
 *     3cac04ae8714 (db/migrations/…_branch_x.sql), branch x
 * </pre>
 *
 * <p>An {@link AssertionError}, so a broken history shows as a test failure, not as an error of the test itself.
 */
public class MigrationTestFailure extends AssertionError {

    private final String summary;
    private final List<Context> context;

    /** One titled block of a failure's context. */
    public record Context(String title, String body) {
    }

    public MigrationTestFailure(String summary, List<Context> context) {
        this(summary, context, null);
    }

    public MigrationTestFailure(String summary, List<Context> context, Throwable cause) {
        super(render(summary, context), cause);
        this.summary = summary;
        this.context = List.copyOf(context);
    }

    /** The first line, without the context. */
    public String summary() {
        return summary;
    }

    /** The titled blocks under the first line. */
    public List<Context> context() {
        return context;
    }

    static Context context(String title, String body) {
        return new Context(title, body);
    }

    private static String render(String summary, List<Context> context) {
        List<String> lines = new ArrayList<>();
        lines.add(summary);
        for (Context block : context) {
            lines.add("");
            lines.add(block.title() + ":");
            for (String line : block.body().split("\n", -1)) {
                lines.add(line.isEmpty() ? "" : "    " + line);
            }
        }
        return String.join("\n", lines);
    }
}
