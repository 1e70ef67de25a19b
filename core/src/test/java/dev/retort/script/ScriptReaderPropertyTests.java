package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of the script reader and the SQL splitter over generated input (a fixed seed, so a failure repeats;
 * {@code -Dretort.fuzz.seed=N} tries others): whatever the bytes, reading fails with nothing but a
 * {@link RevisionScriptException} that names the file and a line; and splitting never loses, adds or reorders a
 * character of any statement.
 */
class ScriptReaderPropertyTests {

    private static final long SEED = Long.getLong("retort.fuzz.seed", 20251024L);
    private static final int RUNS = 1500;

    @TempDir
    Path dir;

    /** Pieces of headers and SQL that meet the reader's and the splitter's special cases. */
    private static final String[] HEADER_PIECES = {
        "-- ", "--", "Revision ID: ", "Revises: ", "Depends On: ", "Branch Labels: ", "Transactional: ",
        "Create Date: ", "a1b2c3d4e5f6", "head", "base", ",", ", ", "@", "-", "+", ":", "x".repeat(40), "false",
        "maybe", "\n", "\r\n", "\r", " ", "\t", "-- migrate:upgrade\n", "-- migrate:downgrade\n", "--migrate:upgrade",
        "\uFEFF", "café", "\u0000", "\uD83D\uDE00", "SELECT 1;", "'", "\"", "$$", "$fn$", "/*", "*/", "E'\\'", ";",
    };

    private static final String[] STATEMENT_PIECES = {
        "SELECT", "1", "x", "INSERT INTO t VALUES", "(1, 2)", "'a;b'", "'it''s;'", "E'\\';'", "\"a;b\"",
        "$$ ; $$", "$fn$ SELECT 1; $fn$", "$1", "a$b", "/* ; */", "/* /* ; */ */", "-- ;\n", "\n", "\t",
        "BEGIN ATOMIC SELECT 1; SELECT CASE WHEN x THEN 1 END; END", "CASE", "END", "BEGIN", "é", "\uD83D\uDE00",
        "'multi\nline;'", "::int", "<>", "-", "/", "*",
    };

    @Test
    void arbitraryBytesFailOnlyWithARevisionScriptExceptionNamingTheFileAndLine() throws IOException {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            byte[] bytes = switch (run % 3) {
                case 0 -> randomBytes(random);
                case 1 -> pieces(random, HEADER_PIECES, 40).getBytes(StandardCharsets.UTF_8);
                default -> withStrayBytes(random, "-- m\n--\n-- Revision ID: r" + run + "\n-- Revises:\n"
                        + pieces(random, HEADER_PIECES, 12) + "\n-- migrate:upgrade\n"
                        + pieces(random, STATEMENT_PIECES, 20) + "\n-- migrate:downgrade\n"
                        + pieces(random, STATEMENT_PIECES, 10));
            };
            readAndSplit(run, bytes);
        }
    }

    private void readAndSplit(int run, byte[] bytes) throws IOException {
        Path file = dir.resolve("s" + run + ".sql");
        Files.write(file, bytes);
        ScriptSource source = ScriptSource.file(Location.parse("filesystem:" + dir), file.getFileName().toString(),
                file);
        try {
            RevisionScript script = RevisionScript.read(source);
            script.body().upgradeStatements();
            script.body().downgradeStatements();
        } catch (RevisionScriptException e) {
            assertThat(e.path()).as("run %d", run).isEqualTo(source.displayPath());
            assertThat(e.line()).as("run %d: %s", run, e.getMessage()).isPositive();
            assertThat(e.getMessage()).startsWith("Revision script '" + source.displayPath() + "' line " + e.line()
                    + ": ");
        }
        Files.delete(file);
    }

    @Test
    void splittingJoinedStatementsGivesBackEachStatementCharacterForCharacter() {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < RUNS * 4; run++) {
            List<String> statements = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                // pieces apart, as a statement's tokens are: 'x$$' is an identifier, not the start of a quote
                statements.add("SELECT " + spaced(random, 8) + "1");
            }
            StringBuilder sql = new StringBuilder(separator(random));
            for (String statement : statements) {
                sql.append(statement).append(";").append(separator(random));
            }
            int firstLine = 1 + random.nextInt(50);

            List<SqlStatement> split;
            try {
                split = SqlSplitter.split("x.sql", sql.toString(), firstLine);
            } catch (RevisionScriptException e) {
                throw new AssertionError("run " + run + ": " + sql, e);
            }

            assertThat(split).as("run %d: %s", run, sql).extracting(SqlStatement::sql).isEqualTo(statements);
            int from = 0;
            for (SqlStatement statement : split) {
                int at = sql.indexOf(statement.sql(), from);
                assertThat(statement.line()).as("run %d", run)
                        .isEqualTo(firstLine + (int) sql.substring(0, at).chars().filter(c -> c == '\n').count());
                from = at + statement.sql().length();
            }
        }
    }

    @Test
    void splittingArbitrarySqlKeepsEveryCharacterOfEveryStatementInOrder() {
        Random random = new Random(SEED + 2);
        for (int run = 0; run < RUNS * 4; run++) {
            String sql = pieces(random, STATEMENT_PIECES, 30) + (random.nextBoolean() ? ";" : "");
            List<SqlStatement> split;
            try {
                split = SqlSplitter.split("x.sql", sql, 7);
            } catch (RevisionScriptException e) {
                assertThat(e.path()).isEqualTo("x.sql");
                assertThat(e.line()).as("run %d: %s", run, e.getMessage()).isBetween(7, 7 + newlines(sql));
                continue;
            }
            // each statement is in the text, in order, with only what separates statements between them:
            // whitespace, semicolons and whole comments
            assertThat(alignable(sql, split.stream().map(SqlStatement::sql).toList(), 0, 0))
                    .as("run %d: %s -> %s", run, sql, split).isTrue();
        }
    }

    /** Whether the statements from {@code index} on occur in order from {@code from}, only separators between. */
    private static boolean alignable(String sql, List<String> statements, int index, int from) {
        if (index == statements.size()) {
            return isSeparator(sql.substring(from));
        }
        for (int at = sql.indexOf(statements.get(index), from); at >= 0;
                at = sql.indexOf(statements.get(index), at + 1)) {
            if (isSeparator(sql.substring(from, at))
                    && alignable(sql, statements, index + 1, at + statements.get(index).length())) {
                return true;
            }
        }
        return false;
    }

    private static String separator(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "\n";
            case 2 -> "\n-- a comment; with a semicolon\n";
            case 3 -> " /* ; */ \r\n";
            default -> "\n\n\t";
        };
    }

    private static String spaced(Random random, int max) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            out.append(STATEMENT_PIECES[random.nextInt(STATEMENT_PIECES.length)]).append(' ');
        }
        return out.toString();
    }

    private static String pieces(Random random, String[] pieces, int max) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            out.append(pieces[random.nextInt(pieces.length)]);
            if (random.nextInt(3) == 0) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] withStrayBytes(Random random, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextBoolean() && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return bytes;
    }

    private static int newlines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /** Whether the text is only whitespace, semicolons and whole comments ({@code --…}, nested block comments). */
    private static boolean isSeparator(String text) {
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int depth = 0;
                do {
                    if (text.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (text.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (depth > 0 && i < text.length());
                if (depth > 0) {
                    return false;
                }
            } else {
                char c = text.charAt(i++);
                if (!Character.isWhitespace(c) && c != ';') {
                    return false;
                }
            }
        }
        return true;
    }
}
