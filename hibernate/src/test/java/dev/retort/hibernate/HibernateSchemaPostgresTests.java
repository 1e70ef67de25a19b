package dev.retort.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.schema.Cast;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.ForeignKey.ReferentialAction;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.test.PostgresDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HibernateSchemaPostgresTests {

    @RegisterExtension
    static final PostgresDatabase createdByHibernate = new PostgresDatabase();

    @RegisterExtension
    static final PostgresDatabase createdFromSchema = new PostgresDatabase();

    private static SessionFactory sessionFactory;
    private static Schema schema;

    @BeforeAll
    static void bootHibernateWithDdlAutoCreate() {
        sessionFactory = RichModel.sessionFactory(RichModel.registry(createdByHibernate.url(),
                createdByHibernate.user(), createdByHibernate.password(),
                Map.of(AvailableSettings.HBM2DDL_AUTO, "create")));
        schema = HibernateSchema.from(sessionFactory);
    }

    @AfterAll
    static void close() {
        sessionFactory.close();
    }

    @Test
    void aDatabaseBuiltFromTheSchemaHasExactlyWhatDdlAutoCreateMade() throws Exception {
        createdFromSchema.execute(SchemaDdl.postgres(schema).toArray(String[]::new));

        try (Connection hibernate = createdByHibernate.connect(); Connection ours = createdFromSchema.connect()) {
            List<String> expected = PostgresCatalog.dump(hibernate);
            assertThat(PostgresCatalog.dump(ours)).containsExactlyElementsOf(expected);
            assertThat(expected).hasSizeGreaterThan(150);
        }
    }

    @Test
    void everyObjectOfHibernatesCreateScriptIsInTheSchemaUnderItsName() {
        List<String> names = ScriptNames.of(RichModel.createScript(MetadataIntegrator.metadataOf(sessionFactory)
                .orElseThrow()), String::toLowerCase);

        assertThat(names).hasSizeGreaterThan(40).allSatisfy(name -> assertThat(ScriptNames.of(schema))
                .contains(name));
    }

    @Test
    void namedEnumTypesHaveHibernatesSortedLabelsAndTheirTwoImplicitCasts() {
        assertThat(schema.enumTypes()).containsExactlyInAnyOrder(
                new EnumType(null, "orderstatus", List.of("CANCELLED", "PAID", "PLACED", "SHIPPED")),
                new EnumType(null, "warehousekind", List.of("hub", "partner", "store")));
        assertThat(schema.casts()).containsExactlyInAnyOrder(
                new Cast("varchar", "orderstatus", true, true), new Cast("orderstatus", "varchar", true, true),
                new Cast("varchar", "warehousekind", true, true), new Cast("warehousekind", "varchar", true, true));
        assertThat(table("purchase_order").column("status")).contains(Column.of("status", "orderstatus", false));
    }

    @Test
    void sequencesAreTheDefaultTableSequencesAndTheDeclaredOne() {
        assertThat(schema.sequences()).containsExactlyInAnyOrder(new Sequence(null, "customer_seq", 1, 50),
                new Sequence(null, "document_seq", 1, 50), new Sequence(null, "payment_seq", 1, 50),
                new Sequence(null, "purchase_order_seq", 1, 50), new Sequence(null, "product_id_seq", 100, 10));
    }

    @Test
    void columnsCarryHibernatesTypesDefaultsIdentityAndComments() {
        // in the order Hibernate's column ordering strategy gives them: fixed sizes first, then by size and name
        assertThat(table("customer").columns()).containsExactly(
                Column.of("country", "char(2)", true),
                Column.of("version", "integer", false),
                Column.of("created_at", "timestamp(6) with time zone", false),
                Column.of("id", "bigint", false),
                Column.of("postal_code", "varchar(16)", true),
                Column.of("city", "varchar(80)", false),
                Column.of("display_name", "varchar(100)", false),
                Column.of("street", "varchar(120)", false),
                new Column("email", "varchar(255)", false, null, null, "Login e-mail"));
        assertThat(table("customer").comment()).isEqualTo("People who buy");
        assertThat(table("product").column("description")).contains(Column.of("description", "oid", true));
        assertThat(table("product").column("notes")).contains(Column.of("notes", "text", true));
        assertThat(table("account").column("currency"))
                .contains(new Column("currency", "varchar(3)", false, "'EUR'", null, null));
        assertThat(table("warehouse").column("id"))
                .contains(new Column("id", "integer", false, null, Column.Identity.BY_DEFAULT, null));
        assertThat(table("audit_event").columns()).extracting(Column::type).containsExactlyInAnyOrder("bigint", "boolean",
                "uuid", "varchar(10000)", "timestamp(6)", "bytea", "float4", "float(53)");
    }

    @Test
    void keysAreLeftUnnamedExactlyWhereHibernatesDdlLeavesThemUnnamed() {
        assertThat(table("customer").primaryKey()).isEqualTo(new PrimaryKey(null, List.of("id")));
        assertThat(table("customer").uniqueConstraints()).containsExactly(new UniqueConstraint(null, List.of("email")));
        assertThat(table("tag").uniqueConstraints()).containsExactly(new UniqueConstraint("uk_tag_name",
                List.of("name")));
        // a unique @Index becomes a named unique constraint in Hibernate's DDL
        assertThat(table("product").uniqueConstraints()).containsExactly(new UniqueConstraint("ix_product_sku",
                List.of("sku")));
        assertThat(table("shipment").uniqueConstraints()).containsExactlyInAnyOrder(
                new UniqueConstraint(null, List.of("order_id")),
                new UniqueConstraint(null, List.of("carrier", "tracking_number")));
        assertThat(table("stock_level").primaryKey().columns()).containsExactly("warehouse_id", "product_id");
    }

    @Test
    void indexesAndForeignKeysHaveHibernatesNamesAsPostgresStoresThem() {
        assertThat(table("product").indexes()).containsExactly(
                new Index("ix_product_category_name", List.of("category_id", "name"), false));
        assertThat(table("stock_level").indexes()).containsExactly(
                new Index("idxtkjw3m7gix3gu4v9avhexij17", List.of("product_id", "quantity"), false));
        assertThat(table("account").foreignKeys()).containsExactly(new ForeignKey("fknnwpo0lfq4xai1rs6887sx02k",
                List.of("customer_id"), null, "customer", List.of("id"), ReferentialAction.CASCADE, null));
        assertThat(table("invoice").foreignKeys()).extracting(ForeignKey::referencedTable, ForeignKey::onDelete)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("customer", ReferentialAction.SET_NULL),
                        org.assertj.core.groups.Tuple.tuple("document", ReferentialAction.NO_ACTION));
    }

    @Test
    void checksAreTheExpressionsHibernateWrites() {
        assertThat(table("account").checks())
                .containsExactly(new CheckConstraint(null, "status in ('OPEN','FROZEN','CLOSED')"));
        assertThat(table("purchase_order").checks())
                .containsExactly(new CheckConstraint(null, "priority between 0 and 2"));
        assertThat(table("payment").checks()).containsExactly(new CheckConstraint(null, "kind in ('card','transfer')"));
        assertThat(table("shipment").checks()).containsExactlyInAnyOrder(
                new CheckConstraint(null, "carrier in ('DHL','UPS','POSTAL')"),
                new CheckConstraint(null, "weight_grams >= 0"));
        assertThat(table("purchase_order_lines").checks()).containsExactly(new CheckConstraint(null, "lines_order>=0"));
    }

    @Test
    void withoutAccessToTheDatabaseHibernateMapsTheSameSchema() {
        // command mode: Hibernate boots from the dialect alone, as Spring Boot does with the database down
        Schema offline = HibernateSchema.from(RichModel.metadata(RichModel.registry(createdByHibernate.url(),
                createdByHibernate.user(), createdByHibernate.password(), Map.of(
                        AvailableSettings.ALLOW_METADATA_ON_BOOT, false,
                        AvailableSettings.DIALECT, PostgreSQLDialect.class.getName()))));

        assertThat(offline).isEqualTo(schema);
    }

    private static Table table(String name) {
        return schema.table(null, name).orElseThrow();
    }
}
