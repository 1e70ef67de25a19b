package dev.retort;

import dev.retort.ops.Op;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code revision --autogenerate} or {@code check} found.
 *
 * @param path the revision written, or {@code null} (nothing changed, or {@code check})
 * @param changes one line per difference, in Alembic's words ({@code Detected added column 'users.email'})
 * @param upgrade the upgrade operations (the downgrade is their reverse)
 */
public record AutogenerateResult(Path path, List<String> changes, List<Op> upgrade) {

    public AutogenerateResult {
        changes = List.copyOf(changes);
        upgrade = List.copyOf(upgrade);
    }
}
