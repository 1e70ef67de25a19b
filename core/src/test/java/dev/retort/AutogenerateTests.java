package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.schema.Cast;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.test.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * revision --autogenerate and check against PostgreSQL: a model written out from an empty database and back, then
 * changed one step at a time; each file compared whole, upgraded, downgraded and checked clean.
 */
class AutogenerateTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path dir;

    private final List<String> out = new ArrayList<>();

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private Retort retort(Schema target) {
        return new Retort(RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations("filesystem:" + dir).fileTemplate("%(rev)s_%(slug)s").output(out::add)
                .targetSchema(() -> target).build());
    }

    private static RevisionOptions revision(String id, String message) {
        return new RevisionOptions(message, List.of(), false, List.of(), List.of(), id);
    }

    /** The file without its Create Date line, which changes every run. */
    private static String read(Path file) throws IOException {
        return Files.readString(file).replaceAll("(?m)^-- Create Date: .*\\n", "");
    }

    static final EnumType JOB_STATUS = new EnumType(null, "job_status", List.of("done", "queued", "running"));

    static Table account(UnaryOperator<List<Column>> columns) {
        List<Column> base = List.of(
                Column.of("id", "bigint", false),
                Column.of("email", "varchar(255)", false),
                Column.of("name", "varchar(50)", true),
                new Column("balance", "numeric(19,4)", false, "0", null, null),
                new Column("created_at", "timestamp(6) with time zone", false, "now()", null, null),
                new Column("status", "varchar(255)", true, null, null, "ACTIVE or CLOSED"));
        return new Table(null, "account", columns.apply(base), new PrimaryKey(null, List.of("id")),
                List.of(new UniqueConstraint(null, List.of("email"))), List.of(),
                List.of(), List.of(new CheckConstraint(null, "status in ('ACTIVE','CLOSED')")), "customers");
    }

    static Table job() {
        return new Table(null, "job", List.of(
                Column.of("id", "uuid", false),
                Column.of("account_id", "bigint", false),
                new Column("status", "job_status", false, "'queued'", null, null),
                Column.of("payload", "jsonb", true)),
                new PrimaryKey(null, List.of("id")), List.of(),
                List.of(new Index("ix_job_account_id", List.of("account_id"), false)),
                List.of(new ForeignKey("fk_job_account", List.of("account_id"), null, "account", List.of("id"),
                        ForeignKey.ReferentialAction.CASCADE, null)), List.of(), null);
    }

    static Table tag() {
        return new Table(null, "tag", List.of(new Column("id", "bigint", false, null, Column.Identity.BY_DEFAULT,
                null), Column.of("name", "varchar(40)", false)), new PrimaryKey(null, List.of("id")), List.of(),
                List.of(), List.of(), List.of(), null);
    }

    static Table jobTag() {
        return new Table(null, "job_tag", List.of(Column.of("job_id", "uuid", false), Column.of("tag_id", "bigint",
                false)), new PrimaryKey(null, List.of("job_id", "tag_id")), List.of(), List.of(),
                List.of(new ForeignKey("fk_job_tag_job", List.of("job_id"), null, "job", List.of("id"), null, null),
                        new ForeignKey("fk_job_tag_tag", List.of("tag_id"), null, "tag", List.of("id"), null, null)),
                List.of(), null);
    }

    static Schema model(Table... tables) {
        return new Schema(List.of(tables), List.of(JOB_STATUS), List.of(new Sequence(null, "account_seq", 1, 50)),
                List.of(new Cast("varchar", "job_status", true, true), new Cast("job_status", "varchar", true, true)));
    }

    static Schema model() {
        return model(jobTag(), job(), tag(), account(c -> c));
    }

    /**
     * Autogenerates a revision against {@code target}, then proves it: upgrade, check clean, downgrade one step,
     * upgrade again, check clean. Returns the file without its Create Date.
     */
    private String step(String id, String message, Schema target, AutogenerateOptions options) throws Exception {
        out.clear();
        AutogenerateResult result = retort(target).autogenerate(revision(id, message), options);
        String text = read(result.path());
        retort(target).upgrade("heads");
        retort(target).check(AutogenerateOptions.defaults());
        retort(target).downgrade("-1", false);
        retort(target).upgrade("heads");
        out.clear();
        retort(target).check(AutogenerateOptions.defaults());
        assertThat(out).containsExactly("No new upgrade operations detected.");
        out.clear();
        return text;
    }

    private String step(String id, String message, Schema target) throws Exception {
        return step(id, message, target, AutogenerateOptions.defaults());
    }

    @Test
    void fromAnEmptyDatabaseAndBackToNothing() throws Exception {
        String file = step("0001", "initial", model());

        assertThat(file).isEqualTo("""
                -- initial
                --
                -- Revision ID: 0001
                -- Revises:\s

                -- migrate:upgrade
                -- autogenerated by retort: review before applying
                CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50;
                CREATE TYPE job_status AS ENUM ('done', 'queued', 'running');
                CREATE CAST (character varying AS job_status) WITH INOUT AS IMPLICIT;
                CREATE CAST (job_status AS character varying) WITH INOUT AS IMPLICIT;
                CREATE TABLE account (
                    id bigint NOT NULL,
                    email character varying(255) NOT NULL,
                    name character varying(50),
                    balance numeric(19,4) DEFAULT 0 NOT NULL,
                    created_at timestamp(6) with time zone DEFAULT now() NOT NULL,
                    status character varying(255),
                    CONSTRAINT account_pkey PRIMARY KEY (id),
                    CONSTRAINT account_email_key UNIQUE (email),
                    CONSTRAINT account_status_check CHECK (status in ('ACTIVE','CLOSED'))
                );
                COMMENT ON TABLE account IS 'customers';
                COMMENT ON COLUMN account.status IS 'ACTIVE or CLOSED';
                CREATE TABLE job (
                    id uuid NOT NULL,
                    account_id bigint NOT NULL,
                    status job_status DEFAULT 'queued'::job_status NOT NULL,
                    payload jsonb,
                    CONSTRAINT job_pkey PRIMARY KEY (id),
                    CONSTRAINT fk_job_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
                );
                CREATE INDEX ix_job_account_id ON job (account_id);
                CREATE TABLE tag (
                    id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    name character varying(40) NOT NULL,
                    CONSTRAINT tag_pkey PRIMARY KEY (id)
                );
                CREATE TABLE job_tag (
                    job_id uuid NOT NULL,
                    tag_id bigint NOT NULL,
                    CONSTRAINT job_tag_pkey PRIMARY KEY (job_id, tag_id),
                    CONSTRAINT fk_job_tag_job FOREIGN KEY (job_id) REFERENCES job (id),
                    CONSTRAINT fk_job_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id)
                );

                -- migrate:downgrade
                -- autogenerated by retort: review before applying
                DROP TABLE job_tag;
                DROP TABLE tag;
                DROP TABLE job;
                DROP TABLE account;
                DROP CAST (job_status AS character varying);
                DROP CAST (character varying AS job_status);
                DROP TYPE job_status;
                DROP SEQUENCE account_seq;
                """);
        retort(model()).downgrade("base", false);
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log");
        assertThat(db.column("SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE nspname = 'public' AND typtype = 'e'")).isEmpty();
        assertThat(db.column("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
                + " AND sequencename <> 'alembic_version_log_id_seq'")).isEmpty();
        assertThat(db.column("SELECT oid FROM pg_cast WHERE oid >= 16384")).isEmpty();
        retort(model()).upgrade("heads");
        assertThat(db.tables()).contains("account", "job", "job_tag", "tag");
    }

    /** Compares with {@code src/test/resources/autogenerate/<name>.sql}. */
    private static void assertFile(String text, String name) throws IOException {
        Path expected = Path.of("src/test/resources/autogenerate", name + ".sql");
        if (Boolean.getBoolean("retort.writeExpected")) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, text);
        }
        assertThat(text).isEqualTo(Files.readString(expected));
    }

    static Table with(Table t, List<Column> columns, List<CheckConstraint> checks, List<Index> indexes,
            List<UniqueConstraint> uniques) {
        return new Table(t.schema(), t.name(), columns, t.primaryKey(), uniques == null ? t.uniqueConstraints()
                : uniques, indexes == null ? t.indexes() : indexes, t.foreignKeys(), checks == null ? t.checks()
                : checks, t.comment());
    }

    static List<Column> replace(List<Column> columns, String name, Column by) {
        return columns.stream().map(c -> c.name().equals(name) ? by : c).toList();
    }

    static List<Column> plus(List<Column> columns, Column added) {
        List<Column> out = new ArrayList<>(columns);
        out.add(added);
        return out;
    }

    static Schema withEnum(Schema s, EnumType type, Table... tables) {
        return new Schema(List.of(tables), List.of(type), s.sequences(), s.casts());
    }

    @Test
    void eachModelChangeWritesExactlyThatChange() throws Exception {
        step("0001", "initial", model());
        Table account = account(c -> c);

        Table a2 = with(account, plus(account.columns(), Column.of("nickname", "varchar(30)", true)), null,
                List.of(new Index("ix_account_created_at", List.of("created_at"), false)), null);
        assertFile(step("0002", "add nickname and an index", model(jobTag(), job(), tag(), a2)), "0002");

        Table a3 = with(account, account.columns().stream().filter(c -> !c.name().equals("name")).toList(), null,
                List.of(new Index("ix_account_created_at", List.of("created_at"), false)), null);
        assertFile(step("0003", "drop name and nickname", model(jobTag(), job(), tag(), a3)), "0003");

        Table a4 = with(a3, a3.columns(), List.of(new CheckConstraint(null, "status in ('ACTIVE','CLOSED','FROZEN')")),
                null, null);
        assertFile(step("0004", "frozen accounts", model(jobTag(), job(), tag(), a4)), "0004");
        Schema m3 = model(jobTag(), job(), tag(), a3);
        // 0004's downgrade writes the stored check back; stored again it reads differently, yet it is no change
        retort(m3).downgrade("0003", false);
        Path aside = Files.move(dir.resolve("0004_frozen_accounts.sql"), dir.resolveSibling("0004.aside"));
        out.clear();
        retort(m3).check(AutogenerateOptions.defaults());
        assertThat(out).containsExactly("No new upgrade operations detected.");
        Files.move(aside, dir.resolve("0004_frozen_accounts.sql"));
        retort(m3).upgrade("heads");

        EnumType status = new EnumType(null, "job_status", List.of("done", "failed", "queued", "running"));
        Schema m5 = withEnum(model(), status, jobTag(), job(), tag(), a4);
        assertFile(step("0005", "failed jobs", m5), "0005");
        new dev.retort.test.RevisionFiles(dir).add("0006", "0005").message("a failed job")
                .upgrade("INSERT INTO account (id, email, status) VALUES (1, 'a@example.com', 'ACTIVE');\n"
                        + "INSERT INTO job VALUES ('00000000-0000-0000-0000-000000000001', 1, 'failed', NULL);")
                .downgrade("DELETE FROM job;\nDELETE FROM account;").write();
        retort(m5).downgrade("0004", false);
        retort(m5).upgrade("heads");
        assertThat(db.column("SELECT status::text FROM job")).containsExactly("failed");

        Table a7 = with(a4, replace(a4.columns(), "status", new Column("status", "varchar(255)", false, null, null,
                "ACTIVE or CLOSED")), null, null, null);
        assertFile(step("0007", "status required", withEnum(m5, status, jobTag(), job(), tag(), a7)), "0007");

        Table tag8 = with(tag(), replace(tag().columns(), "name", Column.of("name", "varchar(80)", false)), null, null,
                null);
        assertFile(step("0008", "longer tag names", withEnum(m5, status, jobTag(), job(), tag8, a7)), "0008");

        Table a9 = with(a7, replace(a7.columns(), "email", Column.of("email_address", "varchar(255)", false)), null,
                null, List.of(new UniqueConstraint(null, List.of("email_address"))));
        Schema m9 = withEnum(m5, status, jobTag(), job(), tag8, a9);
        assertFile(step("0009", "email address", m9, new AutogenerateOptions(false,
                List.of("account.email=email_address"), false)), "0009");

        Table note = new Table(null, "note", List.of(Column.of("id", "bigint", false), Column.of("job_id", "uuid",
                false), Column.of("body", "text", true)), new PrimaryKey(null, List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("fk_note_job", List.of("job_id"), null, "job", List.of("id"),
                        ForeignKey.ReferentialAction.CASCADE, null)), List.of(), null);
        Schema m10 = withEnum(m5, status, job(), tag8, a9, note);
        out.clear();
        assertThat(retort(m10).autogenerate(revision("0010", "notes"), AutogenerateOptions.defaults()).changes())
                .containsExactly("Detected added table 'note'");
        assertFile(read(dir.resolve("0010_notes.sql")), "0010");
        Files.delete(dir.resolve("0010_notes.sql"));
        assertFile(step("0010", "notes, no tags on jobs", m10, new AutogenerateOptions(false, List.of(), true)),
                "0010-drop-unmapped");
    }

    static Schema model(Sequence sequence, Table... tables) {
        return new Schema(List.of(tables), List.of(JOB_STATUS), List.of(sequence), model().casts());
    }

    static Table withId(Table t, Column.Identity identity) {
        return with(t, replace(t.columns(), "id", new Column("id", "bigint", false, null, identity, null)), null,
                null, null);
    }

    @Test
    void sequenceAndIdentityChangesAreDetectedWrittenAndTakenBack() throws Exception {
        step("0001", "initial", model());
        Table account = account(c -> c);

        Schema m2 = model(new Sequence(null, "account_seq", 1, 1), jobTag(), job(), tag(), account);
        assertThat(retort(m2).compare(AutogenerateOptions.defaults(), m2).changes())
                .containsExactly("Detected increment change from 50 to 1 on sequence 'account_seq'");
        assertFile(step("0002", "allocation size 1", m2), "0002-sequence-increment");

        Schema m3 = model(new Sequence(null, "account_seq", 1000, 1), jobTag(), job(), tag(), account);
        assertThat(retort(m3).compare(AutogenerateOptions.defaults(), m3).changes())
                .containsExactly("Detected start change from 1 to 1000 on sequence 'account_seq'");
        assertFile(step("0003", "ids from 1000", m3), "0003-sequence-start");
        assertThat(db.column("SELECT seqstart || ' ' || seqincrement FROM pg_sequence"
                + " WHERE seqrelid = 'account_seq'::regclass")).containsExactly("1000 1");

        Schema m4 = model(new Sequence(null, "account_seq", 1000, 1), jobTag(), job(),
                withId(tag(), Column.Identity.ALWAYS), account);
        assertThat(retort(m4).compare(AutogenerateOptions.defaults(), m4).changes()).containsExactly(
                "Detected identity change from GENERATED BY DEFAULT to GENERATED ALWAYS on column 'tag.id'");
        assertFile(step("0004", "tag ids always generated", m4), "0004-identity-always");

        Schema m5 = model(new Sequence(null, "account_seq", 1000, 1), jobTag(), job(), withId(tag(), null),
                account);
        assertThat(retort(m5).compare(AutogenerateOptions.defaults(), m5).changes())
                .containsExactly("Detected removed identity on column 'tag.id'");
        assertFile(step("0005", "tag ids by hand", m5), "0005-identity-removed");

        db.execute("INSERT INTO account (id, email) VALUES (7, 'a@example.com')");
        Schema m6 = model(new Sequence(null, "account_seq", 1000, 1), jobTag(), job(), withId(tag(), null),
                withId(account, Column.Identity.BY_DEFAULT));
        assertThat(retort(m6).compare(AutogenerateOptions.defaults(), m6).changes())
                .containsExactly("Detected added identity GENERATED BY DEFAULT on column 'account.id'");
        assertFile(step("0006", "account ids generated", m6), "0006-identity-added");
        db.execute("ALTER TABLE account ALTER COLUMN id RESTART WITH 8", "INSERT INTO account (email)"
                + " VALUES ('b@example.com')");
        assertThat(db.column("SELECT id || ' ' || email FROM account ORDER BY id"))
                .containsExactly("7 a@example.com", "8 b@example.com");
    }

    @Test
    void aPendingRevisionFailsWithAlembicsMessageAndWritesNothing() throws Exception {
        step("0001", "initial", model());
        new dev.retort.test.RevisionFiles(dir).add("0002", "0001").message("by hand").upgrade("SELECT 1;")
                .downgrade("SELECT 1;").write();

        assertThatThrownBy(() -> retort(model()).autogenerate(revision("0003", "more"),
                AutogenerateOptions.defaults()))
                .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AT_HEAD))
                .hasMessage("Target database is not up to date.\nRun 'upgrade heads' first (pending: 0002), then"
                        + " 'revision --autogenerate' again.");
        assertThatThrownBy(() -> retort(model()).check(AutogenerateOptions.defaults()))
                .hasMessage("Target database is not up to date.\nRun 'upgrade heads' first (pending: 0002), then"
                        + " 'check' again.");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("0001_initial.sql", "0002_by_hand.sql");
        }
    }

    @Test
    void noDifferenceWritesNoFileUnlessEmptyIsAllowed() throws Exception {
        step("0001", "initial", model());

        AutogenerateResult none = retort(model()).autogenerate(revision("0002", "nothing"),
                AutogenerateOptions.defaults());

        assertThat(none.path()).isNull();
        assertThat(out).containsExactly("No changes in schema detected.");
        assertThat(dir.resolve("0002_nothing.sql")).doesNotExist();

        out.clear();
        AutogenerateResult empty = retort(model()).autogenerate(revision("0002", "nothing"),
                new AutogenerateOptions(true, List.of(), false));

        assertThat(out).containsExactly("Generating " + dir.resolve("0002_nothing.sql") + " ...  done");
        assertThat(read(empty.path())).isEqualTo("""
                -- nothing
                --
                -- Revision ID: 0002
                -- Revises: 0001

                -- migrate:upgrade
                -- autogenerated by retort: review before applying

                -- migrate:downgrade
                -- autogenerated by retort: review before applying
                """);
    }

    @Test
    void checkListsEachDifferenceOnItsOwnLine() throws Exception {
        step("0001", "initial", model());
        Table account = account(c -> plus(replace(c, "name", Column.of("name", "varchar(100)", true)),
                Column.of("nickname", "varchar(30)", true)));

        assertThatThrownBy(() -> retort(model(jobTag(), job(), tag(), account)).check(AutogenerateOptions.defaults()))
                .isInstanceOfSatisfying(CommandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_CHANGED))
                .hasMessage("""
                        New upgrade operations detected:
                          added column 'account.nickname'
                          type change from VARCHAR(50) to VARCHAR(100) on 'account.name'""");
    }

    @Test
    void withoutATargetSchemaItSaysToRunThroughTheApplication() {
        Retort retort = new Retort(RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations("filesystem:" + dir).build());

        assertThatThrownBy(() -> retort.autogenerate(RevisionOptions.message("x"), AutogenerateOptions.defaults()))
                .isInstanceOfSatisfying(CommandException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.NO_TARGET_SCHEMA);
                            assertThat(e.action()).isEqualTo("Run it through the application's command mode:"
                                    + " java -jar app.jar migrations revision --autogenerate -m \"<message>\"");
                        })
                .hasMessage("'revision --autogenerate' compares the database with the application's entities, and"
                        + " none are configured here.");
    }

    @Test
    void excludedTablesAreNeitherReadNorProposed() throws Exception {
        db.execute("CREATE TABLE legacy_orders (id int)");
        Retort retort = new Retort(RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations("filesystem:" + dir).fileTemplate("%(rev)s_%(slug)s").output(out::add)
                .excludeTables(List.of("legacy_*", "tag*", "job_tag")).targetSchema(() -> model()).build());

        AutogenerateResult result = retort.autogenerate(revision("0001", "initial"),
                new AutogenerateOptions(false, List.of(), true));

        assertThat(result.changes()).doesNotContain("Detected removed table 'legacy_orders'",
                "Detected added table 'tag'");
        assertThat(result.changes()).contains("Detected added table 'job'");
    }
}
