package dev.retort.script;

import dev.retort.graph.CycleDetectedException;
import dev.retort.graph.IllegalRevisionIdException;
import dev.retort.graph.Revision;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A revision script: its header (the comment block mirroring Alembic's docstring) read eagerly, its SQL body read
 * only when asked for.
 *
 * <pre>
 * -- add user table
 * --
 * -- Revision ID: 5cd038a8f131
 * -- Revises: 1a2b3c4d5e6f
 * -- Create Date: 2025-10-24 17:40:00.123456
 *
 * -- migrate:upgrade
 * CREATE TABLE users (id bigint PRIMARY KEY);
 *
 * -- migrate:downgrade
 * DROP TABLE users;
 * </pre>
 */
public final class RevisionScript {

    /** The header keys Retort reads, spelled as scripts spell them. */
    public static final String REVISION_ID = "Revision ID";
    public static final String REVISES = "Revises";
    public static final String CREATE_DATE = "Create Date";
    public static final String BRANCH_LABELS = "Branch Labels";
    public static final String DEPENDS_ON = "Depends On";
    public static final String TRANSACTIONAL = "Transactional";

    private static final Map<String, String> KNOWN_KEYS = Map.of(
            "revision id", REVISION_ID,
            "revises", REVISES,
            "create date", CREATE_DATE,
            "branch labels", BRANCH_LABELS,
            "branch label", BRANCH_LABELS,
            "depends on", DEPENDS_ON,
            "transactional", TRANSACTIONAL);

    private final ScriptSource source;
    private final Revision revision;
    private final String message;
    private final String longDoc;
    private final String createDate;
    private final boolean transactional;
    private final Map<String, String> metadata;
    private final Map<String, Integer> keyLines;
    private volatile ScriptBody body;

    private RevisionScript(ScriptSource source, Revision revision, String message, String longDoc,
            String createDate, boolean transactional, Map<String, String> metadata, Map<String, Integer> keyLines) {
        this.source = source;
        this.revision = revision;
        this.message = message;
        this.longDoc = longDoc;
        this.createDate = createDate;
        this.transactional = transactional;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.keyLines = Collections.unmodifiableMap(keyLines);
    }

    /** Reads the header of a script, stopping at the {@code -- migrate:upgrade} marker. */
    public static RevisionScript read(ScriptSource source) {
        try (InputStream in = source.open()) {
            return parse(source, new HeaderLines(in, source.displayPath()));
        } catch (IOException e) {
            throw new RevisionScriptException(source.displayPath(), 0, Reasons.ofScript(e, source.file()));
        }
    }

    private static RevisionScript parse(ScriptSource source, HeaderLines reader) throws IOException {
        String path = source.displayPath();
        List<String> texts = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        int lineNo = 0;
        String line;
        while ((line = reader.next()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            if (Markers.isUpgrade(stripped)) {
                return build(source, texts, values, keyLines, metadata, lineNo);
            }
            if (Markers.isDowngrade(stripped)) {
                throw new RevisionScriptException(path, lineNo, "'" + Markers.DOWNGRADE + "' comes before '"
                        + Markers.UPGRADE + "'; put the upgrade section first");
            }
            // Everything above the upgrade marker is header: comment lines, and blank lines between them.
            if (stripped.startsWith("--")) {
                String text = headerText(stripped);
                texts.add(text);
                readKey(path, lineNo, text, texts.size() == 1, values, keyLines, metadata);
            } else if (stripped.isEmpty()) {
                if (!texts.isEmpty()) {
                    texts.add("");
                }
            } else {
                throw new RevisionScriptException(path, lineNo, "SQL before the '" + Markers.UPGRADE
                        + "' marker; put '" + Markers.UPGRADE + "' on its own line above the upgrade SQL");
            }
        }
        if (!values.containsKey(REVISION_ID)) {
            throw missingRevisionId(path);
        }
        throw new RevisionScriptException(path, lineNo, "no '" + Markers.UPGRADE + "' marker; put '"
                + Markers.UPGRADE + "' on its own line above the upgrade SQL (and '" + Markers.DOWNGRADE
                + "' above the downgrade SQL)");
    }

    private static String headerText(String stripped) {
        String text = stripped.substring(2);
        return text.startsWith(" ") ? text.substring(1).stripTrailing() : text.stripTrailing();
    }

    private static void readKey(String path, int lineNo, String text, boolean firstLine, Map<String, String> values,
            Map<String, Integer> keyLines, Map<String, String> metadata) {
        String normalized = Markers.key(text);
        if (normalized == null) {
            return;
        }
        String key = KNOWN_KEYS.get(normalized);
        String value = Markers.value(text);
        if (key == null) {
            if (!firstLine) {
                metadata.put(Markers.rawKey(text), value);
            }
            return;
        }
        Integer earlier = keyLines.putIfAbsent(key, lineNo);
        if (earlier != null) {
            throw new RevisionScriptException(path, lineNo, "'" + key + "' appears twice (first on line " + earlier
                    + "); keep one");
        }
        values.put(key, value);
    }

    private static RevisionScriptException missingRevisionId(String path) {
        return new RevisionScriptException(path, 1, "no '" + REVISION_ID + "' in the header; add a line '-- "
                + REVISION_ID + ": <id>' to the comment block at the top (e.g. the 12 hex characters 'revision'"
                + " generates)");
    }

    private static RevisionScript build(ScriptSource source, List<String> texts, Map<String, String> values,
            Map<String, Integer> keyLines, Map<String, String> metadata, int markerLine) {
        String path = source.displayPath();
        String id = values.get(REVISION_ID);
        if (id == null || id.isEmpty()) {
            if (id == null) {
                throw missingRevisionId(path);
            }
            throw new RevisionScriptException(path, keyLines.get(REVISION_ID), "'" + REVISION_ID
                    + "' is empty; give the revision an id");
        }
        checkId(path, keyLines.get(REVISION_ID), id);
        checkLabels(path, keyLines.getOrDefault(BRANCH_LABELS, 0), list(values.get(BRANCH_LABELS)));
        boolean transactional = true;
        String flag = values.get(TRANSACTIONAL);
        if (flag != null) {
            switch (flag.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> transactional = true;
                case "false", "no", "off" -> transactional = false;
                default -> throw new RevisionScriptException(path, keyLines.get(TRANSACTIONAL), "'" + TRANSACTIONAL
                        + "' is '" + flag + "'; write 'true' or 'false'");
            }
        }
        Revision revision;
        try {
            revision = new Revision(id, list(values.get(REVISES)), list(values.get(DEPENDS_ON)),
                    list(values.get(BRANCH_LABELS)));
        } catch (IllegalRevisionIdException e) {
            throw new RevisionScriptException(path, keyLines.get(REVISION_ID), e.getMessage()
                    + "; these characters are reserved for target syntax, pick another id");
        } catch (CycleDetectedException e) {
            String key = e.kind() == CycleDetectedException.Kind.SELF_LOOP ? REVISES : DEPENDS_ON;
            throw new RevisionScriptException(path, keyLines.get(key), e.getMessage() + "; a revision can't '"
                    + key + "' itself: name the revision" + (key.equals(REVISES) ? " it follows" : "s it needs")
                    + " instead");
        }
        String first = texts.isEmpty() ? "" : texts.get(0);
        String message = isKnownKey(first) ? "" : first.strip();
        String longDoc = String.join("\n", texts).strip();
        keyLines.put("upgrade marker", markerLine);
        return new RevisionScript(source, revision, message, longDoc, values.get(CREATE_DATE), transactional,
                metadata, keyLines);
    }

    /** Words targets use, which an id would be shadowed by. */
    private static final List<String> RESERVED_IDS = List.of("head", "heads", "base", "current");
    /** The version table's {@code version_num} is {@code VARCHAR(32)}, as Alembic's. */
    static final int MAX_ID_LENGTH = 32;

    /** What Retort refuses beyond Alembic's characters: ids a target can't name, or the version table can't hold. */
    private static void checkId(String path, int line, String id) {
        if (RESERVED_IDS.contains(id.toLowerCase(Locale.ROOT))) {
            throw new RevisionScriptException(path, line, "'" + REVISION_ID + "' is '" + id + "', a word targets use"
                    + " (" + String.join(", ", RESERVED_IDS) + "); pick another id");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                throw new RevisionScriptException(path, line, "'" + REVISION_ID + "' '" + id + "' contains "
                        + (c == ',' ? "','" : "a space") + "; an id is one word (commas separate the ids in '"
                        + REVISES + "'), pick another id");
            }
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new RevisionScriptException(path, line, "'" + REVISION_ID + "' '" + id + "' is " + id.length()
                    + " characters long; the version table holds ids of up to " + MAX_ID_LENGTH + ", pick a shorter"
                    + " id");
        }
    }

    private static void checkLabels(String path, int line, List<String> labels) {
        for (String label : labels) {
            if (label.indexOf('@') >= 0) {
                throw new RevisionScriptException(path, line, "branch label '" + label + "' contains '@', which"
                        + " separates a branch label from a revision in targets ('" + label.replace("@", "")
                        + "@head'); pick another label");
            }
            if (RESERVED_IDS.contains(label.toLowerCase(Locale.ROOT))) {
                throw new RevisionScriptException(path, line, "branch label '" + label + "' is a word targets use ("
                        + String.join(", ", RESERVED_IDS) + "); pick another label");
            }
        }
    }

    private static boolean isKnownKey(String text) {
        String key = Markers.key(text);
        return key != null && KNOWN_KEYS.containsKey(key);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Where the script was found. */
    public ScriptSource source() {
        return source;
    }

    /** The revision as the header declares it. */
    public Revision revision() {
        return revision;
    }

    /** The revision id. */
    public String id() {
        return revision.id();
    }

    /** The first line of the header: the message given to {@code revision -m}. */
    public String message() {
        return message;
    }

    /** The whole header text, comment markers removed (Alembic's {@code longdoc}). */
    public String longDoc() {
        return longDoc;
    }

    /**
     * The header's first paragraph (Alembic's {@code doc}), up to the first header key: what one-line listings
     * print. Usually the message alone; a header without the blank {@code --} line after the message still prints
     * just the message, not its {@code Revision ID:} and {@code Revises:} lines.
     */
    public String doc() {
        StringBuilder doc = new StringBuilder();
        for (String line : longDoc.split("\n", -1)) {
            if (line.isEmpty() || isKnownKey(line)) {
                break;
            }
            doc.append(doc.length() == 0 ? "" : "\n").append(line);
        }
        return doc.toString();
    }

    /** The {@code Create Date} header as written, or {@code null}. */
    public String createDate() {
        return createDate;
    }

    /** Whether the revision runs inside a transaction ({@code -- Transactional: false} says it must not). */
    public boolean transactional() {
        return transactional;
    }

    /** Header lines of the form {@code -- Key: value} that Retort does not itself read. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The line a header key is on, or 0 when the header lacks it. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, 0);
    }

    /** The SQL body, read from the file on first use. */
    public ScriptBody body() {
        ScriptBody b = body;
        if (b == null) {
            synchronized (this) {
                b = body;
                if (b == null) {
                    b = ScriptBody.read(source);
                    body = b;
                }
            }
        }
        return b;
    }

    /**
     * The statements of the upgrade (or downgrade) section. A transactional revision may not control the
     * transaction it runs in: a {@code COMMIT} would commit part of it without its version row and audit record.
     *
     * @throws RevisionScriptException naming the file and line of a {@code COMMIT}, {@code ROLLBACK},
     *         {@code BEGIN}, {@code START TRANSACTION} or {@code END} in a transactional revision
     */
    public List<SqlStatement> statements(boolean upgrade) {
        List<SqlStatement> statements = upgrade ? body().upgradeStatements() : body().downgradeStatements();
        if (transactional) {
            for (SqlStatement statement : statements) {
                if (TransactionControl.controls(statement.sql())) {
                    throw new RevisionScriptException(source.displayPath(), statement.line(), "'"
                            + statement.firstLine() + "' ends the transaction the revision runs in, so part of it"
                            + " would be committed without its version row and audit record\nRemove the statement:"
                            + " Retort commits each revision with its version row. A revision that must control"
                            + " transactions itself (e.g. for CREATE INDEX CONCURRENTLY) needs '-- " + TRANSACTIONAL
                            + ": false' in its header and then runs outside a transaction.");
                }
            }
        }
        return statements;
    }

    @Override
    public String toString() {
        return revision.id() + " (" + source.displayPath() + ")";
    }
}
