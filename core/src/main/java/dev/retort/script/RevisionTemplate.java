package dev.retort.script;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes new revision scripts: the file name from a Python-style template (Alembic's {@code file_template}), the
 * slug from the message, and the header and empty sections.
 */
public final class RevisionTemplate {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TOKEN = Pattern.compile("%(?:\\(([A-Za-z_]+)\\)([-0 +#]*)(\\d*)(?:\\.(\\d+))?([sdi])|(%))");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RevisionTemplate() {
    }

    /** Alembic's slug: the message's words joined by {@code _}, lower-cased, cut at a word boundary. */
    public static String slug(String message, int truncateLength) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(message == null ? "" : message);
        while (m.find()) {
            words.add(m.group());
        }
        String slug = String.join("_", words).toLowerCase(Locale.ROOT);
        if (slug.length() > truncateLength) {
            String cut = slug.substring(0, truncateLength);
            int last = cut.lastIndexOf('_');
            slug = (last < 0 ? cut : cut.substring(0, last)) + "_";
        }
        return slug;
    }

    /**
     * The file name (without {@code .sql}) for a revision, from a template with the tokens {@code rev},
     * {@code slug}, {@code epoch}, {@code year}, {@code month}, {@code day}, {@code hour}, {@code minute},
     * {@code second}, e.g. {@code %(year)d%(month).2d%(day).2d_%(rev)s_%(slug)s}.
     */
    public static String fileName(String template, String revisionId, String message, ZonedDateTime createDate,
            int truncateSlugLength) {
        Map<String, Object> tokens = new HashMap<>();
        tokens.put("rev", revisionId);
        tokens.put("slug", slug(message, truncateSlugLength));
        tokens.put("epoch", createDate.toEpochSecond());
        tokens.put("year", createDate.getYear());
        tokens.put("month", createDate.getMonthValue());
        tokens.put("day", createDate.getDayOfMonth());
        tokens.put("hour", createDate.getHour());
        tokens.put("minute", createDate.getMinute());
        tokens.put("second", createDate.getSecond());
        return format(template, tokens);
    }

    /** Python's {@code template % mapping} for {@code %(name)s}, {@code %(name)d} with width and precision. */
    static String format(String template, Map<String, Object> tokens) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            last = m.end();
            if (m.group(6) != null) {
                out.append('%');
                continue;
            }
            String name = m.group(1);
            if (!tokens.containsKey(name)) {
                throw new IllegalArgumentException("Unknown token '%(" + name + ")' in file template '" + template
                        + "'; use rev, slug, epoch, year, month, day, hour, minute or second");
            }
            Object value = tokens.get(name);
            String flags = m.group(2);
            int width = m.group(3).isEmpty() ? 0 : Integer.parseInt(m.group(3));
            String text;
            if (m.group(5).equals("s")) {
                text = String.valueOf(value);
                if (m.group(4) != null) {
                    text = text.substring(0, Math.min(text.length(), Integer.parseInt(m.group(4))));
                }
            } else {
                if (!(value instanceof Number number)) {
                    throw new IllegalArgumentException("Token '%(" + name + ")' in file template '" + template
                            + "' is text; format it with 's', not 'd'");
                }
                long v = number.longValue();
                String digits = Long.toString(Math.abs(v));
                if (m.group(4) != null) {
                    digits = "0".repeat(Math.max(0, Integer.parseInt(m.group(4)) - digits.length())) + digits;
                }
                text = (v < 0 ? "-" : "") + digits;
                if (flags.contains("0") && !flags.contains("-") && text.length() < width) {
                    text = (v < 0 ? "-" : "") + "0".repeat(width - text.length()) + digits;
                }
            }
            if (text.length() < width) {
                text = flags.contains("-") ? text + " ".repeat(width - text.length())
                        : " ".repeat(width - text.length()) + text;
            }
            out.append(text);
        }
        out.append(template.substring(last));
        return out.toString();
    }

    /** A {@code Create Date} as Python prints a datetime: microseconds only when there are any. */
    public static String createDate(ZonedDateTime date) {
        int micros = date.getNano() / 1000;
        String text = date.format(SECONDS);
        return micros == 0 ? text : text + String.format(Locale.ROOT, ".%06d", micros);
    }

    /** The text of a new revision script: the header, then the two empty sections. */
    public static String render(String revisionId, String message, List<String> downRevisions,
            List<String> branchLabels, List<String> dependsOn, String createDate) {
        return render(revisionId, message, downRevisions, branchLabels, dependsOn, createDate, true, "\n", "");
    }

    /**
     * The text of a new revision script with its sections filled in (each ending with a newline), and
     * {@code Transactional: false} in the header when it can't run in a transaction.
     */
    public static String render(String revisionId, String message, List<String> downRevisions,
            List<String> branchLabels, List<String> dependsOn, String createDate, boolean transactional,
            String upgrade, String downgrade) {
        StringBuilder out = new StringBuilder();
        String text = message == null ? "empty message" : message;
        for (String line : text.split("\\R", -1)) {
            out.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
        }
        out.append("--\n");
        out.append("-- ").append(RevisionScript.REVISION_ID).append(": ").append(revisionId).append('\n');
        out.append("-- ").append(RevisionScript.REVISES).append(": ").append(String.join(", ", downRevisions))
                .append('\n');
        out.append("-- ").append(RevisionScript.CREATE_DATE).append(": ").append(createDate).append('\n');
        if (!branchLabels.isEmpty()) {
            out.append("-- ").append(RevisionScript.BRANCH_LABELS).append(": ")
                    .append(String.join(", ", branchLabels)).append('\n');
        }
        if (!dependsOn.isEmpty()) {
            out.append("-- ").append(RevisionScript.DEPENDS_ON).append(": ").append(String.join(", ", dependsOn))
                    .append('\n');
        }
        if (!transactional) {
            out.append("-- ").append(RevisionScript.TRANSACTIONAL).append(": false\n");
        }
        out.append('\n').append(Markers.UPGRADE).append('\n').append(upgrade).append('\n').append(Markers.DOWNGRADE)
                .append('\n').append(downgrade).append(downgrade.isEmpty() ? "\n" : "");
        return out.toString();
    }
}
