package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import dev.retort.schema.Table;
import dev.retort.test.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading and canonicalizing cost the same number of statements for 10 tables as for 200. */
class PostgresIntrospectionCostTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final PostgresDialect dialect = new PostgresDialect();

    @BeforeAll
    static void schemas() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (int size : new int[] {10, 200}) {
                st.execute("CREATE SCHEMA s" + size);
                StringBuilder ddl = new StringBuilder();
                for (Table table : model(size)) {
                    ddl.append("CREATE TABLE s").append(size).append('.').append(table.name()).append(" (id bigint"
                            + " PRIMARY KEY, parent_id bigint REFERENCES s").append(size).append('.')
                            .append(table.foreignKeys().get(0).referencedTable()).append(" (id), kind smallint CHECK"
                            + " (kind between 0 and 3), status varchar(20) DEFAULT 'new', created_at timestamp(6)"
                            + " with time zone);\n");
                    ddl.append("CREATE INDEX ix_").append(table.name()).append(" ON s").append(size).append('.')
                            .append(table.name()).append(" (status);\n");
                }
                st.execute(ddl.toString());
            }
        }
    }

    /** {@code size} tables as Hibernate would describe them, each pointing at the first. */
    private static List<Table> model(int size) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = "t" + i;
            tables.add(new Table(null, name, List.of(Column.of("id", "bigint", false),
                    Column.of("parent_id", "bigint", true), Column.of("kind", "smallint", true),
                    new Column("status", "varchar(20)", true, "'new'", null, null),
                    Column.of("created_at", "timestamp(6) with time zone", true)),
                    new PrimaryKey(null, List.of("id")), List.of(),
                    List.of(new Index("ix_" + name, List.of("status"), false)),
                    List.of(new ForeignKey(name + "_parent_id_fkey", List.of("parent_id"), null, "t0",
                            List.of("id"), null, null)),
                    List.of(new CheckConstraint(null, "kind between 0 and 3")), null));
        }
        return tables;
    }

    private static SchemaScope scope(int size) {
        return new SchemaScope("s" + size, Set.of("s" + size), List.of(), List.of(), Set.of());
    }

    private record Cost(int read, int canonicalize, int canonicalizeAgain) {
    }

    private static Cost cost(int size) throws SQLException {
        try (Connection real = db.connect()) {
            CountingConnection counting = new CountingConnection(real);
            Schema target = new Schema(model(size), List.of(), List.of(), List.of());
            Schema live = dialect.readSchema(counting.connection(), scope(size));
            int read = counting.executions();
            Schema canonical = dialect.canonicalize(counting.connection(), target, scope(size));
            int canonicalize = counting.executions() - read;
            assertThat(Set.copyOf(canonical.tables())).isEqualTo(Set.copyOf(live.tables()));
            dialect.canonicalize(counting.connection(), canonical, scope(size));
            return new Cost(read, canonicalize, counting.executions() - read - canonicalize);
        }
    }

    @Test
    void readingAndCanonicalizingTakeAFixedNumberOfStatementsWhateverTheNumberOfTables() throws SQLException {
        Cost small = cost(10);
        Cost large = cost(200);

        assertThat(large).isEqualTo(small);
        // six catalog queries; the DDL batch and three catalog queries; nothing for text already in stored form
        assertThat(small).isEqualTo(new Cost(6, 4, 0));
    }
}
