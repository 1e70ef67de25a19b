package dev.retort.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turning database URLs into JDBC URLs, and hiding the passwords in them. */
public final class Urls {

    // As SQLAlchemy's URL pattern, but the password runs to the last '@' (a '@' or '/' in it need no escaping)
    private static final Pattern URL_FORM = Pattern.compile(
            "^(postgres|postgresql)(?:\\+[A-Za-z0-9_]+)?://(?:([^:@/]*)(?::(.*))?@)?([^/?@]*)(/[^?]*)?(\\?.*)?$");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:^|[?&;\\s])password=)[^&;\\s'\"]*");
    /**
     * {@code user:password@} inside a URL, up to the URL's last '@': after {@code //}, or straight after a scheme
     * as in the malformed {@code postgresql:user:password@host}.
     */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile(
            "((?://|(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:)[^:/@\\s'\"]*:)([^\\s'\"]*)@");
    /** A placeholder such as {@code <password>} in a hint, which is no secret. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]*>");
    private static final String MASK = "***";

    private Urls() {
    }

    /** A JDBC URL with the credentials taken out of a URL, or the URL unchanged when it already is JDBC. */
    public record Jdbc(String url, String user, String password) {
    }

    /**
     * Accepts a JDBC URL ({@code jdbc:postgresql://…}, {@code jdbc:h2:…}) or the URL form Python tools use
     * ({@code postgresql://user:pass@host:5432/db}, also {@code postgres://} and {@code postgresql+psycopg://}).
     */
    public static Jdbc toJdbc(String url) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:")) {
            return new Jdbc(trimmed, null, null);
        }
        Matcher m = URL_FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unsupported database URL '" + mask(trimmed)
                    + "'; use a JDBC URL (jdbc:postgresql://<host>:5432/<db>, jdbc:h2:./<db>) or"
                    + " postgresql://<user>:<password>@<host>:5432/<db>");
        }
        String user = m.group(2) == null || m.group(2).isEmpty() ? null : decode(m.group(2));
        String password = m.group(3) == null ? null : decode(m.group(3));
        String path = m.group(5) == null ? "/" : m.group(5);
        String query = m.group(6) == null ? "" : m.group(6);
        return new Jdbc("jdbc:postgresql://" + m.group(4) + path + query, user, password);
    }

    /** The URL with any password replaced by {@code ***}, as Alembic's {@code obfuscate_url_pw} does. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USERINFO_PASSWORD.matcher(url).replaceAll(m -> PLACEHOLDER.matcher(m.group(2)).matches()
                ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }

    /**
     * The text (e.g. a driver's error message) with the passwords of any URLs in it masked, and the given password
     * masked wherever it stands as a word of its own: never inside another word, so a short password doesn't turn
     * "Can't locate revision" into "Can't locat*** r***vision".
     */
    public static String scrub(String text, String password) {
        if (text == null) {
            return null;
        }
        String masked = mask(text);
        if (password == null || password.isEmpty()) {
            return masked;
        }
        return Pattern.compile("(?<![\\p{Alnum}_])" + Pattern.quote(password) + "(?![\\p{Alnum}_])")
                .matcher(masked).replaceAll(MASK);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
