package dev.retort.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code cli/target/retort.jar} in its own JVM, as a user would. */
final class RetortJar {

    private RetortJar() {
    }

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    static Path jar() {
        String path = System.getProperty("retort.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("The CLI jar is missing (" + path + "); run these tests with 'mvn verify',"
                    + " which builds cli/target/retort.jar first");
        }
        return Path.of(path);
    }

    static Process start(Path workingDirectory, Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run finish(Process process) {
        try {
            // read both streams fully before waiting, so a chatty process can't block on a full pipe
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread reader = new Thread(() -> {
                try {
                    err.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.completeExceptionally(e);
                }
            });
            reader.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("retort did not finish within 120 s");
            }
            return new Run(process.exitValue(), out, err.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Run run(Path workingDirectory, Map<String, String> environment, String... args) {
        return finish(start(workingDirectory, environment, List.of(args)));
    }
}
