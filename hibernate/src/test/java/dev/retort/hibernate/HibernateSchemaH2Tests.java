package dev.retort.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same model on H2, Hibernate's H2 dialect: upper-case names, domains for named enums, native enum columns. */
class HibernateSchemaH2Tests {

    private static final String CREATED_BY_HIBERNATE = "jdbc:h2:mem:created_by_hibernate;DB_CLOSE_DELAY=-1";
    private static final String CREATED_FROM_SCHEMA = "jdbc:h2:mem:created_from_schema;DB_CLOSE_DELAY=-1";

    private static SessionFactory sessionFactory;
    private static Schema schema;

    @BeforeAll
    static void bootHibernateWithDdlAutoCreate() {
        sessionFactory = RichModel.sessionFactory(RichModel.registry(CREATED_BY_HIBERNATE, "sa", "",
                Map.of(AvailableSettings.HBM2DDL_AUTO, "create")));
        schema = HibernateSchema.from(sessionFactory);
    }

    @AfterAll
    static void close() throws Exception {
        sessionFactory.close();
        for (String url : List.of(CREATED_BY_HIBERNATE, CREATED_FROM_SCHEMA)) {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void aDatabaseBuiltFromTheSchemaHasExactlyWhatDdlAutoCreateMade() throws Exception {
        try (Connection hibernate = DriverManager.getConnection(CREATED_BY_HIBERNATE, "sa", "");
                Connection ours = DriverManager.getConnection(CREATED_FROM_SCHEMA, "sa", "");
                Statement st = ours.createStatement()) {
            for (String sql : SchemaDdl.h2(schema)) {
                st.execute(sql);
            }
            List<String> expected = H2Catalog.dump(hibernate);
            assertThat(H2Catalog.dump(ours)).containsExactlyElementsOf(expected);
            assertThat(expected).hasSizeGreaterThan(150);
        }
    }

    @Test
    void everyObjectOfHibernatesCreateScriptIsInTheSchemaUnderItsName() {
        List<String> names = ScriptNames.of(RichModel.createScript(MetadataIntegrator.metadataOf(sessionFactory)
                .orElseThrow()), name -> name.toUpperCase(Locale.ROOT));

        assertThat(names).hasSizeGreaterThan(40).allSatisfy(name -> assertThat(ScriptNames.of(schema))
                .contains(name));
    }

    @Test
    void namesAreUpperCaseAsH2StoresThemAndNamedEnumsAreDomains() {
        assertThat(schema.enumTypes()).containsExactlyInAnyOrder(
                new EnumType(null, "ORDERSTATUS", List.of("CANCELLED", "PAID", "PLACED", "SHIPPED")),
                new EnumType(null, "WAREHOUSEKIND", List.of("hub", "partner", "store")));
        assertThat(schema.casts()).isEmpty();
        assertThat(schema.table(null, "PURCHASE_ORDER").orElseThrow().column("STATUS"))
                .contains(Column.of("STATUS", "ORDERSTATUS", false));
        assertThat(schema.table(null, "ACCOUNT").orElseThrow().column("STATUS"))
                .contains(Column.of("STATUS", "enum ('CLOSED','FROZEN','OPEN')", false));
        assertThat(schema.table(null, "PRODUCT").orElseThrow().column("DESCRIPTION"))
                .contains(Column.of("DESCRIPTION", "clob", true));
        assertThat(schema.table(null, "TAG").orElseThrow().uniqueConstraints())
                .containsExactly(new UniqueConstraint("UK_TAG_NAME", List.of("NAME")));
        assertThat(schema.sequences()).contains(new Sequence(null, "CUSTOMER_SEQ", 1, 50));
    }
}
