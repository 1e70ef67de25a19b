package dev.retort;

import dev.retort.internal.Urls;

/**
 * A database URL taken apart into what JDBC wants: the form Python tools and {@code DATABASE_URL} use
 * ({@code postgresql://user:password@host:5432/db}, also {@code postgres://} and {@code postgresql+psycopg://}), or a
 * JDBC URL, which is kept as it is.
 *
 * <pre>{@code
 * DatabaseUrl url = DatabaseUrl.parse(System.getenv("DATABASE_URL"));
 * hikari.setJdbcUrl(url.jdbcUrl());
 * hikari.setUsername(url.user());       // null when the URL names none
 * hikari.setPassword(url.password());
 * }</pre>
 *
 * <p>{@link #toString()} masks the password.
 *
 * @param jdbcUrl the JDBC URL, without the credentials of a Python-style URL
 * @param user the user named in a Python-style URL, or {@code null}
 * @param password the password named in a Python-style URL (percent-decoded), or {@code null}
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /**
     * Parses a URL.
     *
     * @throws IllegalArgumentException when it is neither form; the message shows the URL with its password masked
     */
    public static DatabaseUrl parse(String url) {
        Urls.Jdbc jdbc = Urls.toJdbc(url);
        return new DatabaseUrl(jdbc.url(), jdbc.user(), jdbc.password());
    }

    /** The text (a URL, or a message that holds URLs) with the URLs' passwords replaced by {@code ***}. */
    public static String mask(String text) {
        return Urls.mask(text);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + Urls.mask(jdbcUrl) + ", user=" + user + ", password="
                + (password == null ? null : "***") + "]";
    }
}
