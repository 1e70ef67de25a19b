package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Eight instances of an application starting at once against one database: each revision is applied once. */
class ConcurrentStartupTests {

    private static final int INSTANCES = 8;
    private static final int REVISIONS = 6;

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path scripts;

    @Test
    void eightApplicationsStartingAtOnceApplyEachRevisionExactlyOnce() throws Exception {
        db.reset();
        db.execute("CREATE TABLE markers (revision text NOT NULL, backend int NOT NULL)");
        RevisionFiles files = new RevisionFiles(scripts);
        for (int i = 1; i <= REVISIONS; i++) {
            String id = "s" + i;
            files.add(id, i == 1 ? null : "s" + (i - 1)).message("marker " + i)
                    .upgrade((i == 1 ? "SELECT pg_sleep(0.5);\n" : "")
                            + "INSERT INTO markers VALUES ('" + id + "', pg_backend_pid());").write();
        }
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MigrationsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                        "migrations.enabled=true", "migrations.locations=" + files.location());

        CyclicBarrier start = new CyclicBarrier(INSTANCES);
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        List<Future<Throwable>> started = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            started.add(pool.submit(() -> {
                start.await();
                Throwable[] failure = new Throwable[1];
                runner.run(context -> failure[0] = context.getStartupFailure());
                return failure[0];
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

        for (Future<Throwable> instance : started) {
            assertThat(instance.get()).isNull();
        }
        assertThat(db.column("SELECT revision || ':' || count(*) FROM markers GROUP BY revision ORDER BY revision"))
                .containsExactly("s1:1", "s2:1", "s3:1", "s4:1", "s5:1", "s6:1");
        assertThat(db.column("SELECT count(DISTINCT backend) FROM markers")).containsExactly("1");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("s6");
        assertThat(db.column("SELECT direction || ' ' || revision FROM alembic_version_log ORDER BY id"))
                .containsExactly("upgrade s1", "upgrade s2", "upgrade s3", "upgrade s4", "upgrade s5", "upgrade s6");
    }
}
