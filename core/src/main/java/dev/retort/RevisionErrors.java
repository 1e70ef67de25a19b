package dev.retort;

import dev.retort.graph.MultipleHeadsException;
import dev.retort.graph.RangeNotAncestorException;
import dev.retort.graph.ResolutionException;
import dev.retort.graph.RevisionGraphException;
import java.util.function.Supplier;

/**
 * Turns the graph's typed exceptions into command errors worded as Alembic's {@code _catch_revision_errors} words
 * them, with the per-command overrides Alembic uses.
 */
final class RevisionErrors {

    static final String DEFAULT_ANCESTOR = "Requested range %(start)s:%(end)s does not refer to ancestor/descendant"
            + " revisions along the same branch";
    static final String DEFAULT_MULTIPLE_HEADS = "Multiple head revisions are present for given argument"
            + " '%(head_arg)s'; please specify a specific target revision, '<branchname>@%(head_arg)s' to narrow"
            + " to a specific head, or 'heads' for all heads";

    private String ancestor = DEFAULT_ANCESTOR;
    private String multipleHeads = DEFAULT_MULTIPLE_HEADS;
    private String start;
    private String end;

    static RevisionErrors catching() {
        return new RevisionErrors();
    }

    RevisionErrors ancestor(String template) {
        this.ancestor = template;
        return this;
    }

    RevisionErrors multipleHeads(String template) {
        this.multipleHeads = template;
        return this;
    }

    RevisionErrors start(String start) {
        this.start = start;
        return this;
    }

    RevisionErrors end(String end) {
        this.end = end;
        return this;
    }

    <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (RangeNotAncestorException e) {
            String s = start != null ? start : e.lower();
            String t = end != null ? end : e.upper();
            throw new CommandException(ErrorCode.INVALID_TARGET,
                    ancestor.replace("%(start)s", String.valueOf(s)).replace("%(end)s", String.valueOf(t)), e);
        } catch (MultipleHeadsException e) {
            String headArg = end != null && !end.isEmpty() ? end : e.argument();
            throw new CommandException(ErrorCode.MULTIPLE_HEADS,
                    multipleHeads.replace("%(head_arg)s", headArg).replace("%(heads)s", String.join(", ", e.heads())),
                    e);
        } catch (ResolutionException e) {
            throw new CommandException(ErrorCode.UNKNOWN_REVISION,
                    "Can't locate revision identified by '" + e.argument() + "'", e);
        } catch (RevisionGraphException e) {
            throw new CommandException(ErrorCode.INVALID_TARGET, e.getMessage(), e);
        }
    }

    void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }
}
