package dev.retort;

import dev.retort.graph.Revision;
import java.util.List;

/** {@code show REV}: the verbose block of each revision the identifier resolves to. */
final class ShowCommand {

    private final Environment env;

    ShowCommand(Environment env) {
        this.env = env;
    }

    List<String> run(List<Revision> revisions) {
        RevisionFormat format = new RevisionFormat(env.scripts());
        for (Revision revision : revisions) {
            env.print(format.logEntry(env.scripts().script(revision.id()), false));
        }
        return revisions.stream().map(Revision::id).toList();
    }

    List<String> run(String identifier) {
        return run(RevisionErrors.catching().call(() -> env.graph().resolve(identifier)));
    }
}
