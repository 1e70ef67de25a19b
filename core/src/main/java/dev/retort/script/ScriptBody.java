package dev.retort.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SQL of a revision script: the upgrade section, the downgrade section (absent when the file has no
 * {@code -- migrate:downgrade} marker), and a SHA-256 checksum of everything from the upgrade marker on.
 *
 * <p>The checksum covers the SQL, not the header, so rewording a message or re-parenting a revision does not count
 * as editing it; line endings and whitespace are normalized first (see {@link Checksums}).
 */
public final class ScriptBody {

    private final String path;
    private final Section upgrade;
    private final Section downgrade;
    private final String checksum;
    private final ScriptSource source;
    /** The checksum as Retort recorded it before whitespace was normalized; computed only when needed. */
    private volatile String legacyChecksum;

    /** One section's SQL and the file line its first line is on. */
    public record Section(String sql, int firstLine) {
    }

    private ScriptBody(String path, ScriptSource source, Section upgrade, Section downgrade, String body) {
        this.path = path;
        this.upgrade = upgrade;
        this.downgrade = downgrade;
        this.checksum = Checksums.of(body);
        this.source = source;
        this.legacyChecksum = source == null ? Checksums.legacy(body) : null;
    }

    static ScriptBody read(ScriptSource source) {
        return parse(source.displayPath(), source, text(source));
    }

    private static String text(ScriptSource source) {
        try (InputStream in = source.open()) {
            byte[] bytes = in.readAllBytes();
            return Utf8.decode(bytes, 0, bytes.length, source.displayPath(), 1);
        } catch (IOException e) {
            throw new RevisionScriptException(source.displayPath(), 0, Reasons.ofScript(e, source.file()));
        }
    }

    static ScriptBody parse(String path, String text) {
        return parse(path, null, text);
    }

    private static ScriptBody parse(String path, ScriptSource source, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int upgradeMarker = -1;
        int downgradeMarker = -1;
        for (int i = 0; i < lines.length; i++) {
            if (upgradeMarker < 0 && Markers.isUpgrade(lines[i])) {
                upgradeMarker = i;
            } else if (upgradeMarker >= 0 && Markers.isDowngrade(lines[i])) {
                if (downgradeMarker >= 0) {
                    throw new RevisionScriptException(path, i + 1, "a second '" + Markers.DOWNGRADE
                            + "' marker (the first is on line " + (downgradeMarker + 1) + "); keep one");
                }
                downgradeMarker = i;
            } else if (upgradeMarker >= 0 && Markers.isUpgrade(lines[i])) {
                throw new RevisionScriptException(path, i + 1, "a second '" + Markers.UPGRADE
                        + "' marker (the first is on line " + (upgradeMarker + 1) + "); keep one");
            }
        }
        if (upgradeMarker < 0) {
            throw new RevisionScriptException(path, lines.length, "no '" + Markers.UPGRADE + "' marker; put '"
                    + Markers.UPGRADE + "' on its own line above the upgrade SQL");
        }
        int upgradeEnd = downgradeMarker < 0 ? lines.length : downgradeMarker;
        Section upgrade = new Section(join(lines, upgradeMarker + 1, upgradeEnd), upgradeMarker + 2);
        Section downgrade = downgradeMarker < 0 ? null
                : new Section(join(lines, downgradeMarker + 1, lines.length), downgradeMarker + 2);
        return new ScriptBody(path, source, upgrade, downgrade, join(lines, upgradeMarker, lines.length));
    }

    private static String join(String[] lines, int from, int to) {
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
    }

    /** The upgrade section. */
    public Section upgrade() {
        return upgrade;
    }

    /** The downgrade section, or {@code null} when the script has none. */
    public Section downgrade() {
        return downgrade;
    }

    /** Whether the script has a {@code -- migrate:downgrade} section. */
    public boolean hasDowngrade() {
        return downgrade != null;
    }

    /** SHA-256 of the body, whitespace normalized (see {@link Checksums}), lowercase hex. */
    public String checksum() {
        return checksum;
    }

    /**
     * Whether a checksum recorded when the revision ran matches this body: the current form, or the form Retort
     * recorded before whitespace was normalized (the body byte for byte, line endings aside).
     */
    public boolean matches(String recorded) {
        return checksum.equals(recorded) || recorded != null && legacyChecksum().equals(recorded);
    }

    private String legacyChecksum() {
        String legacy = legacyChecksum;
        if (legacy == null) {
            // read again rather than keep every body's text for a comparison most runs never make
            legacy = parse(path, null, text(source)).legacyChecksum;
            legacyChecksum = legacy;
        }
        return legacy;
    }

    /** The upgrade section split into statements. */
    public List<SqlStatement> upgradeStatements() {
        return SqlSplitter.split(path, upgrade.sql(), upgrade.firstLine());
    }

    /** The downgrade section split into statements; empty when there is no downgrade section. */
    public List<SqlStatement> downgradeStatements() {
        return downgrade == null ? List.of() : SqlSplitter.split(path, downgrade.sql(), downgrade.firstLine());
    }
}
