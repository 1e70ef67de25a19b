package dev.retort.script;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Why a file or directory couldn't be read, in words, without repeating its path. */
final class Reasons {

    private Reasons() {
    }

    /** Why a script file can't be read and what to do about it. */
    static String ofScript(IOException e, Path path) {
        String reason = of(e, path);
        String remedy;
        if (reason.startsWith("permission denied")) {
            remedy = "make it readable for the user running Retort";
        } else if (reason.startsWith("not found: it is a symbolic link")) {
            remedy = "restore the file it links to, or remove the link";
        } else if (reason.startsWith("it is a symbolic link loop")) {
            remedy = "remove the link or point it at a file";
        } else if (reason.startsWith("it is a directory")) {
            remedy = "rename the directory so its name doesn't end in .sql";
        } else {
            remedy = "check the file";
        }
        return "can't read it: " + reason + "; " + remedy;
    }

    static String of(IOException e, Path path) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            if (path != null && Files.isSymbolicLink(path)) {
                try {
                    return "not found: it is a symbolic link to '" + Files.readSymbolicLink(path)
                            + "', which does not exist";
                } catch (IOException ignored) {
                    // fall through
                }
            }
            return "not found";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage();
        if (reason == null) {
            return e.getClass().getSimpleName();
        }
        if (reason.toLowerCase(Locale.ROOT).contains("too many levels of symbolic links")) {
            return "it is a symbolic link loop";
        }
        if (reason.toLowerCase(Locale.ROOT).contains("is a directory")) {
            return "it is a directory, not a file";
        }
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
