package dev.retort.bench.spring;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small non-web Spring Boot application with JPA, started once and closed, for the start-up benchmark. Which
 * migration tool runs (Retort's starter, Flyway's, or none) depends only on the class path and the properties the
 * harness passes; this class names neither. It reports the JVM's uptime when the context is ready and the peak
 * resident memory.
 */
@SpringBootApplication
public class StartupApp {

    public static void main(String[] args) throws IOException {
        ConfigurableApplicationContext context = SpringApplication.run(StartupApp.class, args);
        long ready = ManagementFactory.getRuntimeMXBean().getUptime();
        int entities = context.getBean(EntityManagerFactory.class).getMetamodel().getEntities().size();
        System.out.println("@bench started_ms=" + ready);
        System.out.println("@bench peak_rss_mib=" + peakResidentMib());
        System.out.println("@bench entities=" + entities);
        context.close();
    }

    /** VmHWM from /proc/self/status: the most resident memory the process had. */
    private static double peakResidentMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
