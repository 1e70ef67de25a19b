package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ops.AddCheck;
import dev.retort.ops.AddColumn;
import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AddForeignKey;
import dev.retort.ops.AddPrimaryKey;
import dev.retort.ops.AddUniqueConstraint;
import dev.retort.ops.AlterColumnDefault;
import dev.retort.ops.AlterColumnNullable;
import dev.retort.ops.AlterColumnType;
import dev.retort.ops.CreateCast;
import dev.retort.ops.CreateEnumType;
import dev.retort.ops.CreateIndex;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropColumn;
import dev.retort.ops.DropPrimaryKey;
import dev.retort.ops.DropTable;
import dev.retort.ops.EnumColumn;
import dev.retort.ops.Op;
import dev.retort.ops.RecreateEnumType;
import dev.retort.ops.RenameColumn;
import dev.retort.ops.RenameTable;
import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.schema.Cast;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.test.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation's SQL runs on PostgreSQL, and its reverse's SQL puts the catalog back exactly as it was (columns,
 * types, constraints, indexes, enum labels, sequences, casts, comments).
 */
class PostgresDdlTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final Dialect PG = new PostgresDialect();
    private static final EnumType STATUS = new EnumType(null, "job_status", List.of("queued", "done"));
    private static final Cast CAST = new Cast("character varying", "job_status", true, true);
    private static final List<EnumColumn> STATUS_COLUMNS = List.of(
            new EnumColumn(null, "job", "status", "'queued'::job_status"));

    @BeforeEach
    void baseSchema() throws SQLException {
        db.reset();
        db.execute("CREATE TYPE job_status AS ENUM ('queued', 'done')",
                "CREATE CAST (character varying AS job_status) WITH INOUT AS IMPLICIT",
                "CREATE TABLE account (id bigint NOT NULL, name character varying(50), email text,"
                        + " CONSTRAINT account_pkey PRIMARY KEY (id))",
                "CREATE TABLE job (id bigint NOT NULL PRIMARY KEY, account_id bigint,"
                        + " status job_status DEFAULT 'queued'::job_status NOT NULL, kind character varying(20))",
                "INSERT INTO account VALUES (1, 'a', 'a@example.com')",
                "INSERT INTO job VALUES (1, 1, 'done', 'done')");
    }

    static Stream<Op> ops() {
        Table audit = new Table(null, "audit", List.of(new Column("id", "bigint", false, null,
                Column.Identity.BY_DEFAULT, "row id"), Column.of("account_id", "bigint", true),
                new Column("at", "timestamp(6) with time zone", false, "now()", null, null)),
                new PrimaryKey(null, List.of("id")), List.of(new UniqueConstraint(null, List.of("account_id", "at"))),
                List.of(new Index("ix_audit_at", List.of("at DESC"), false)),
                List.of(new ForeignKey("fk_audit_account", List.of("account_id"), null, "account", List.of("id"),
                        ForeignKey.ReferentialAction.CASCADE, null)),
                List.of(new CheckConstraint("audit_id_check", "id > 0")), "who did what");
        return Stream.of(
                new CreateTable(audit),
                new DropTable(new Table(null, "job", List.of(Column.of("id", "bigint", false),
                        Column.of("account_id", "bigint", true), new Column("status", "job_status", false,
                                "'queued'::job_status", null, null), Column.of("kind", "character varying(20)", true)),
                        new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null)),
                new RenameTable(null, "account", "customer"),
                new AddColumn(null, "account", new Column("created", "timestamp(6) with time zone", false, "now()",
                        null, "when")),
                new DropColumn(null, "account", Column.of("email", "text", true)),
                new RenameColumn(null, "account", "name", "full_name"),
                new AlterColumnType(null, "account", "name", "character varying(50)", "character varying(100)", false,
                        false),
                new AlterColumnType(null, "job", "kind", "character varying(20)", "job_status", true, true),
                new AlterColumnNullable(null, "account", "name", false, "character varying(50)"),
                new AlterColumnDefault(null, "account", "name", null, "'x'::character varying"),
                new DropPrimaryKey(null, "account", new PrimaryKey("account_pkey", List.of("id"))),
                new AddPrimaryKey(null, "job", new PrimaryKey("job_pkey", List.of("id"))).reverse(),
                new AddUniqueConstraint(null, "account", new UniqueConstraint("account_email_key", List.of("email"))),
                new CreateIndex(null, "account", new Index("ix_account_name_email", List.of("name", "email"), true)),
                new AddForeignKey(null, "job", new ForeignKey("fk_job_account", List.of("account_id"), null,
                        "account", List.of("id"), ForeignKey.ReferentialAction.SET_NULL, null)),
                new AddCheck(null, "account", new CheckConstraint("account_name_check", "length(name) > 0")),
                new CreateEnumType(new EnumType(null, "mood", List.of("happy", "sad"))),
                new AddEnumValue(STATUS, "running", "done", null, STATUS_COLUMNS, List.of(CAST)),
                new AddEnumValue(STATUS, "failed", null, "done", STATUS_COLUMNS, List.of(CAST)),
                new RecreateEnumType(STATUS, new EnumType(null, "job_status", List.of("queued", "done", "stale")),
                        STATUS_COLUMNS, List.of(CAST)),
                new CreateSequence(new Sequence(null, "account_seq", 1, 50)),
                new CreateCast(new Cast("character varying", "mood", true, true)),
                new SetTableComment(null, "account", null, "customers"),
                new SetColumnComment(null, "account", "name", null, "display name"));
    }

    @ParameterizedTest
    @MethodSource("ops")
    void upgradeThenDowngradeLeavesTheCatalogAsItWas(Op op) throws SQLException {
        if (op instanceof CreateCast) {
            db.execute("CREATE TYPE mood AS ENUM ('happy')");
        }
        String before = catalog();

        run(op);
        String changed = catalog();
        run(op.reverse());

        assertThat(changed).isNotEqualTo(before);
        assertThat(catalog()).isEqualTo(before);
    }

    @Test
    void anAddedEnumValueCanBeUsedRightAway() throws SQLException {
        run(new AddEnumValue(STATUS, "running", "done", null, STATUS_COLUMNS, List.of(CAST)));
        db.execute("INSERT INTO job VALUES (2, 1, 'running', 'deploy')");

        assertThat(db.column("SELECT enum_range(NULL::job_status)::text")).containsExactly("{queued,running,done}");
    }

    @Test
    void theRenderedStatementsReadAsWritten() {
        assertThat(PG.ddl().statements(new AddEnumValue(STATUS, "running", "done", null, List.of(), List.of())))
                .containsExactly("ALTER TYPE job_status ADD VALUE IF NOT EXISTS 'running' BEFORE 'done'");
        assertThat(PG.ddl().statements(new AlterColumnType(null, "Job", "Kind", "text", "job_status", true, true)))
                .containsExactly("ALTER TABLE \"Job\" ALTER COLUMN \"Kind\" TYPE job_status USING \"Kind\"::job_status");
        assertThat(PG.ddl().statements(new SetColumnComment("app", "account", "name", null, "it's")))
                .containsExactly("COMMENT ON COLUMN app.account.name IS 'it''s'");
        assertThat(PG.ddl().statements(new DropPrimaryKey(null, "account", new PrimaryKey(null, List.of("id")))))
                .containsExactly("ALTER TABLE account DROP CONSTRAINT account_pkey");
    }

    private static void run(Op op) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : PG.ddl().statements(op)) {
                st.execute(sql);
            }
        }
    }

    private static String catalog() throws SQLException {
        return String.join("\n", db.column("""
                SELECT x FROM (
                  SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' '
                      || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' '
                      || coalesce(column_default, '') || ' ' || is_identity
                    FROM information_schema.columns WHERE table_schema = 'public'
                  UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' '
                      || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                      AND contype <> 'n'
                  UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                  UNION ALL SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
                  UNION ALL SELECT 'sequence ' || sequencename || ' ' || start_value || ' ' || increment_by
                    FROM pg_sequences WHERE schemaname = 'public'
                  UNION ALL SELECT 'cast ' || castsource::regtype || ' ' || casttarget::regtype || ' ' || castcontext::text
                      || castmethod::text FROM pg_cast WHERE oid >= 16384
                  UNION ALL SELECT 'comment ' || c.relname || ' ' || d.objsubid || ' ' || d.description
                    FROM pg_description d JOIN pg_class c ON c.oid = d.objoid
                    WHERE c.relnamespace = 'public'::regnamespace
                  UNION ALL SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = 'public'
                ) s(x) ORDER BY x"""));
    }
}
