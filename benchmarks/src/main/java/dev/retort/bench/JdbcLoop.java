package dev.retort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The bare limit of applying the statements from Java: connect, then execute each line of {@code all.sql} with
 * a commit after each (mode {@code each}) or one commit at the end (mode {@code single}).
 *
 * <p>Arguments: {@code JDBC_URL ALL_SQL each|single}.
 */
public final class JdbcLoop {

    public static void main(String[] args) throws IOException, SQLException {
        long t0 = System.nanoTime();
        boolean each = args[2].equals("each");
        List<String> statements = Files.readAllLines(Path.of(args[1]));
        Properties properties = new Properties();
        properties.setProperty("user", Child.USER);
        if (!Child.PASSWORD.isEmpty()) {
            properties.setProperty("password", Child.PASSWORD);
        }
        int n = 0;
        try (Connection connection = DriverManager.getConnection(args[0], properties);
                Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                if (sql.isBlank()) {
                    continue;
                }
                st.execute(sql);
                n++;
                if (each) {
                    connection.commit();
                }
            }
            connection.commit();
        }
        Child.result("cold_ms", Child.ms(System.nanoTime() - t0));
        Child.info("statements", n);
    }
}
