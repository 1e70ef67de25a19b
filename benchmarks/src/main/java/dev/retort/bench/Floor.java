package dev.retort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The floor of an up-to-date check: read every script file of the directory, connect, and
 * {@code SELECT version_num FROM alembic_version}. No tool, no lock, no parsing.
 *
 * <p>Arguments: {@code JDBC_URL DIR [WARM]}.
 */
public final class Floor {

    public static void main(String[] args) throws IOException, SQLException {
        long t0 = System.nanoTime();
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        String head = check(args[0], Path.of(args[1]));
        long t1 = System.nanoTime();
        if (head == null) {
            Child.fail("no version row");
        }
        Child.result("cold_ms", Child.ms(t1 - t0));
        for (int i = 0; i < warm; i++) {
            long w0 = System.nanoTime();
            check(args[0], Path.of(args[1]));
            Child.result("warm_ms", Child.ms(System.nanoTime() - w0));
        }
    }

    private static String check(String url, Path dir) throws IOException, SQLException {
        long t0 = System.nanoTime();
        long bytes = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            bytes += Files.readAllBytes(file).length;
        }
        if (bytes == 0) {
            Child.fail("no scripts");
        }
        long t1 = System.nanoTime();
        Properties properties = new Properties();
        properties.setProperty("user", Child.USER);
        if (!Child.PASSWORD.isEmpty()) {
            properties.setProperty("password", Child.PASSWORD);
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            long t2 = System.nanoTime();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version")) {
                String head = rs.next() ? rs.getString(1) : null;
                long t3 = System.nanoTime();
                Child.result("phase_read_files", Child.ms(t1 - t0));
                Child.result("phase_connect", Child.ms(t2 - t1));
                Child.result("phase_query", Child.ms(t3 - t2));
                return head;
            }
        }
    }
}
