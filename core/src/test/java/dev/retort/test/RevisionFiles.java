package dev.retort.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes revision scripts into a directory for tests, named {@code <id>_<message>.sql} so they load in id order:
 *
 * <pre>{@code
 * files.add("ae10", "1975").message("add a column").upgrade("ALTER TABLE account ADD COLUMN a int;").write();
 * }</pre>
 */
public final class RevisionFiles {

    private final Path directory;

    public RevisionFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The {@code filesystem:} location of the directory. */
    public String location() {
        return "filesystem:" + directory;
    }

    /** A revision revising {@code revises} (comma-separated for a merge, {@code null} or empty for a base). */
    public Builder add(String id, String revises) {
        return new Builder(id, revises);
    }

    /** One revision file being described. */
    public final class Builder {

        private final String id;
        private final String revises;
        private String message;
        private String upgrade = "";
        private String downgrade = "";
        private boolean withDowngrade = true;
        private final List<String> extraHeaders = new ArrayList<>();
        private String fileName;

        private Builder(String id, String revises) {
            this.id = id;
            this.revises = revises == null ? "" : revises;
            this.message = "revision " + id;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder upgrade(String sql) {
            this.upgrade = sql;
            return this;
        }

        public Builder downgrade(String sql) {
            this.downgrade = sql;
            return this;
        }

        public Builder noDowngradeSection() {
            this.withDowngrade = false;
            return this;
        }

        public Builder labels(String labels) {
            extraHeaders.add("-- Branch Labels: " + labels);
            return this;
        }

        public Builder dependsOn(String dependsOn) {
            extraHeaders.add("-- Depends On: " + dependsOn);
            return this;
        }

        public Builder nonTransactional() {
            extraHeaders.add("-- Transactional: false");
            return this;
        }

        public Builder fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        /** Writes the file and returns its path. */
        public Path write() {
            StringBuilder text = new StringBuilder();
            text.append("-- ").append(message).append("\n--\n");
            text.append("-- Revision ID: ").append(id).append('\n');
            text.append("-- Revises: ").append(revises).append('\n');
            text.append("-- Create Date: 2025-10-24 17:40:00.123456\n");
            extraHeaders.forEach(h -> text.append(h).append('\n'));
            text.append("\n-- migrate:upgrade\n").append(upgrade).append('\n');
            if (withDowngrade) {
                text.append("\n-- migrate:downgrade\n").append(downgrade).append('\n');
            }
            String name = fileName != null ? fileName
                    : id + "_" + message.replaceAll("\\W+", "_").toLowerCase(java.util.Locale.ROOT) + ".sql";
            Path file = directory.resolve(name);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }
}
