package dev.retort;

import dev.retort.graph.Revision;
import java.util.List;

/** {@code heads}: the script heads, effective heads included unless dependencies are resolved. */
final class HeadsCommand {

    private final Environment env;

    HeadsCommand(Environment env) {
        this.env = env;
    }

    List<String> run(boolean verbose, boolean resolveDependencies) {
        RevisionFormat format = new RevisionFormat(env.scripts());
        List<Revision> heads = RevisionErrors.catching().call(() -> resolveDependencies
                ? env.graph().resolve("heads")
                : env.graph().heads().stream().map(env.graph()::get).toList());
        for (Revision head : heads) {
            env.print(format.format(env.scripts().script(head.id()), verbose, RevisionFormat.Parts.HEADS, false));
        }
        return heads.stream().map(Revision::id).toList();
    }
}
