package dev.retort;

import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;

/** {@code branches}: every branchpoint, then one indented {@code -> child} line per child. */
final class BranchesCommand {

    private final Environment env;

    BranchesCommand(Environment env) {
        this.env = env;
    }

    List<String> run(boolean verbose) {
        RevisionFormat format = new RevisionFormat(env.scripts());
        RevisionGraph graph = env.graph();
        List<String> branchpoints = new ArrayList<>();
        for (Revision revision : RevisionErrors.catching().start("base").end("heads")
                .call(() -> graph.walk("base", "heads"))) {
            if (!graph.isBranchPoint(revision.id())) {
                continue;
            }
            branchpoints.add(revision.id());
            StringBuilder block = new StringBuilder(
                    format.format(env.scripts().script(revision.id()), verbose, RevisionFormat.Parts.BRANCHPOINT,
                            false));
            block.append('\n');
            String indent = " ".repeat(revision.id().length());
            List<String> lines = new ArrayList<>();
            for (String child : graph.children(revision.id())) {
                lines.add(indent + " -> " + format.oneLine(env.scripts().script(child),
                        new RevisionFormat.Parts(true, verbose, false, true), false));
            }
            block.append(String.join("\n", lines)).append('\n');
            env.print(block.toString());
        }
        return branchpoints;
    }
}
