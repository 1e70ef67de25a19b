package dev.retort.hibernate;

import dev.retort.hibernate.model.Account;
import dev.retort.hibernate.model.AuditEvent;
import dev.retort.hibernate.model.BankTransferPayment;
import dev.retort.hibernate.model.CardPayment;
import dev.retort.hibernate.model.Category;
import dev.retort.hibernate.model.CreditNote;
import dev.retort.hibernate.model.Customer;
import dev.retort.hibernate.model.Document;
import dev.retort.hibernate.model.Invoice;
import dev.retort.hibernate.model.Payment;
import dev.retort.hibernate.model.Product;
import dev.retort.hibernate.model.PurchaseOrder;
import dev.retort.hibernate.model.Shipment;
import dev.retort.hibernate.model.StockLevel;
import dev.retort.hibernate.model.Tag;
import dev.retort.hibernate.model.Warehouse;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/** The rich test model (16 entities) and ways to boot Hibernate on it, as Spring Boot configures it. */
final class RichModel {

    static final List<Class<?>> ENTITIES = List.of(Customer.class, Account.class, Category.class, Tag.class,
            Product.class, PurchaseOrder.class, Shipment.class, Payment.class, CardPayment.class,
            BankTransferPayment.class, Document.class, Invoice.class, CreditNote.class, Warehouse.class,
            StockLevel.class, AuditEvent.class);

    private RichModel() {
    }

    /** A service registry for a database; {@code extra} settings such as {@code hibernate.hbm2ddl.auto}. */
    static StandardServiceRegistry registry(String url, String user, String password, Map<String, Object> extra) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, user)
                .applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                        CamelCaseToUnderscoresNamingStrategy.class.getName())
                .applySetting(AvailableSettings.SHOW_SQL, false);
        if (password != null) {
            builder.applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, password);
        }
        builder.applySettings(extra);
        return builder.build();
    }

    static Metadata metadata(StandardServiceRegistry registry) {
        MetadataSources sources = new MetadataSources(registry);
        ENTITIES.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }

    static SessionFactory sessionFactory(StandardServiceRegistry registry) {
        return metadata(registry).buildSessionFactory();
    }

    /** Hibernate's own create script for this mapping, one statement per line. */
    static List<String> createScript(Metadata metadata) {
        return script(metadata, "create");
    }

    /** What Hibernate's own {@code update} would run against the metadata's database, one statement per line. */
    static List<String> updateScript(Metadata metadata) {
        return script(metadata, "update");
    }

    private static List<String> script(Metadata metadata, String action) {
        StringWriter script = new StringWriter();
        Map<String, Object> settings = new HashMap<>();
        settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
        settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, action);
        settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script);
        settings.put(SchemaToolingSettings.HBM2DDL_DELIMITER, ";");
        settings.put(JdbcSettings.FORMAT_SQL, false);
        ServiceRegistry registry = ((MetadataImplementor) metadata).getMetadataBuildingOptions().getServiceRegistry();
        SchemaManagementToolCoordinator.process(metadata, registry, settings, a -> { });
        return script.toString().lines().filter(l -> !l.isBlank()).toList();
    }
}
