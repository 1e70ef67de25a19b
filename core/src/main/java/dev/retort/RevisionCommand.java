package dev.retort;

import dev.retort.autogenerate.ScriptRenderer;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.script.Location;
import dev.retort.script.RevisionTemplate;
import dev.retort.script.ScriptDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code revision} and {@code merge}: write a new revision script on top of a head (or of several, for a merge),
 * following Alembic's {@code ScriptDirectory.generate_revision}.
 */
final class RevisionCommand {

    private final Environment env;

    RevisionCommand(Environment env) {
        this.env = env;
    }

    Path run(RevisionOptions options) {
        return run(options, null);
    }

    /** Writes the revision with these sections, or empty ones when {@code sections} is null. */
    Path run(RevisionOptions options, ScriptRenderer.Sections sections) {
        String id = options.revId() != null ? options.revId() : newId();
        RevisionErrors.catching().run(() -> Revision.verifyId(id));
        createTargetDirectory();
        ScriptDirectory scripts = env.scriptsEvenWithMissingLocations();
        RevisionGraph graph = scripts.graph();
        if (graph.contains(id)) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Revision " + id + " is already present in '"
                    + scripts.script(id).source().displayPath() + "'; pick another --rev-id");
        }
        List<Revision> heads = RevisionErrors.catching()
                .multipleHeads("Multiple heads are present; please specify the head revision on which the new"
                        + " revision should be based, or perform a merge.")
                .call(() -> resolveHeads(graph, options.heads()));
        if (new HashSet<>(heads).size() != heads.size()) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Duplicate head revisions specified",
                    "Name each head once.", null);
        }
        if (!options.splice()) {
            for (Revision head : heads) {
                if (!graph.isHead(head.id())) {
                    throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Revision " + head.id() + " is not a head"
                            + " revision; please specify --splice to create a new branch from this revision");
                }
            }
        }
        List<String> dependsOn = new ArrayList<>();
        for (String dep : options.dependsOn()) {
            Revision revision = RevisionErrors.catching().call(() -> graph.resolveOne(dep));
            dependsOn.add(graph.branchLabels(revision.id()).contains(dep) ? dep : revision.id());
        }
        for (String label : options.branchLabels()) {
            scripts.scripts().stream()
                    .filter(s -> s.id().equals(label) || s.revision().branchLabels().contains(label)).findFirst()
                    .ifPresent(s -> {
                        throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Branch name '" + label
                                + "' in revision " + id + " already used by revision " + s.id(),
                                "Pick another --branch-label.", null);
                    });
        }
        ZonedDateTime createDate = ZonedDateTime.now(env.config().timezone());
        Path directory = versionPath(scripts, heads);
        if (heads.isEmpty() && options.heads().equals(List.of("head"))) {
            checkNoUnreadScripts(directory);
        }
        String fileName;
        try {
            fileName = RevisionTemplate.fileName(env.config().fileTemplate(), id, options.message(), createDate,
                    env.config().truncateSlugLength()) + ".sql";
        } catch (IllegalArgumentException e) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, e.getMessage(), e);
        }
        Path path = directory.resolve(fileName);
        String text = RevisionTemplate.render(id, options.message(),
                heads.stream().map(Revision::id).toList(), options.branchLabels(), dependsOn,
                RevisionTemplate.createDate(createDate), sections == null || sections.transactional(),
                sections == null ? "\n" : sections.upgrade(), sections == null ? "" : sections.downgrade());
        write(path, text);
        env.reload();
        return path;
    }

    /** Creates the directory the revision will go to when it is already clear which one, as Alembic does. */
    private void createTargetDirectory() {
        List<Path> directories = env.resolveVendor(env.config().locations()).stream()
                .filter(l -> l.kind() == Location.Kind.FILESYSTEM).map(Location::directory).toList();
        Path target = env.config().versionPath() != null ? checkedVersionPath(directories)
                : directories.size() == 1 ? directories.get(0) : null;
        if (target != null && !Files.isDirectory(target)) {
            try {
                Files.createDirectories(target);
            } catch (IOException e) {
                throw new CommandException(ErrorCode.FAILED, "Can't create " + target + ": " + e.getMessage(),
                        "Check that the parent directory exists and is writable, or pass another --version-path.", e);
            }
            env.status("Creating directory " + target.toAbsolutePath().normalize() + " ...  done");
        }
    }

    /**
     * A new root by default only when there is nothing to build on: if the directory the revision goes to holds
     * scripts that the locations didn't show (e.g. an application reading its scripts from a jar built before
     * them), the new revision would start a second root, silently.
     */
    private void checkNoUnreadScripts(Path directory) {
        long unread;
        try (var files = Files.list(directory)) {
            unread = files.filter(f -> f.getFileName().toString().endsWith(".sql")).count();
        } catch (IOException e) {
            return;
        }
        if (unread > 0) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "The scripts read from "
                    + env.resolveVendor(env.config().locations()) + " have no revisions, but " + directory + " holds "
                    + unread + " revision script" + (unread == 1 ? "" : "s") + ": the new revision would start a"
                    + " second root (an empty 'Revises'). Read the scripts where they are written (run from the"
                    + " project directory, or rebuild), or pass --head base to start a new root on purpose.");
        }
    }

    private static List<Revision> resolveHeads(RevisionGraph graph, List<String> heads) {
        List<Revision> out = new ArrayList<>();
        for (String head : heads) {
            out.addAll(graph.resolve(head));
        }
        return out;
    }

    /** Where the new file goes: {@code --version-path}, the only filesystem location, or its parent's directory. */
    private Path versionPath(ScriptDirectory scripts, List<Revision> heads) {
        List<Path> directories = env.resolveVendor(env.config().locations()).stream()
                .filter(l -> l.kind() == Location.Kind.FILESYSTEM).map(Location::directory).toList();
        if (env.config().versionPath() != null) {
            return checkedVersionPath(directories);
        }
        if (directories.size() == 1) {
            return directories.get(0);
        }
        if (directories.size() > 1) {
            for (Revision head : heads) {
                Path file = scripts.script(head.id()).source().file();
                if (file != null) {
                    return file.getParent();
                }
            }
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS,
                    "Multiple version locations present, please specify --version-path");
        }
        throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "No filesystem location to write the new revision"
                + " to; pass --version-path DIR (the locations are " + env.config().locations() + ")");
    }

    /** {@code --version-path}, checked (before anything is created) to lie in one of the filesystem locations. */
    private Path checkedVersionPath(List<Path> directories) {
        Path versionPath = env.config().versionPath();
        Path normalized = versionPath.toAbsolutePath().normalize();
        if (!directories.isEmpty() && directories.stream()
                .noneMatch(d -> normalized.startsWith(d.toAbsolutePath().normalize()))) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Path " + versionPath
                    + " is not represented in current version locations", "Give a --version-path that is one of the"
                    + " filesystem locations (" + directories + "), or add it to --locations.", null);
        }
        return versionPath;
    }

    private void write(Path path, String text) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new CommandException(ErrorCode.FAILED, "Can't write " + path + ": " + e.getMessage(),
                    "Check that the directory is writable, or pass another --version-path.", e);
        }
        env.status("Generating " + path.toAbsolutePath().normalize() + " ...  done");
    }

    static String newId() {
        String hex = UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        return hex.substring(hex.length() - 12);
    }
}
