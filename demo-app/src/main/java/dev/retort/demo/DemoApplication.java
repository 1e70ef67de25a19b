package dev.retort.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Retort's demo: a small fleet of build workers and the jobs they run, whose schema is a Retort revision history
 * with a branch, a merge and an enum value added along the way.
 *
 * <pre>
 * java -jar demo-app/target/retort-demo.jar                       # H2 in memory, migrated at startup
 * DATABASE_URL=postgresql://postgres@127.0.0.1:5432/retort_demo java -jar demo-app/target/retort-demo.jar
 * java -jar demo-app/target/retort-demo.jar migrations history    # the retort CLI, on the app's configuration
 * </pre>
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
