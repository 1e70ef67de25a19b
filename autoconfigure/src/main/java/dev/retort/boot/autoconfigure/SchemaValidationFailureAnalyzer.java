package dev.retort.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Reports Hibernate's schema validation failing ({@code Schema validation: missing column [nickname] in table
 * [owners]}) when migrations are enabled: the entities want something no revision has made yet, so the way out is
 * a revision. Hibernate is optional: the exception is recognized by its class name.
 */
class SchemaValidationFailureAnalyzer implements FailureAnalyzer {

    private static final String SCHEMA_MANAGEMENT_EXCEPTION = "org.hibernate.tool.schema.spi.SchemaManagementException";
    private static final String PREFIX = "Schema validation: ";
    private static final Pattern MISSING_COLUMN = Pattern.compile("missing column \\[([^]]+)] in table \\[([^]]+)]");
    private static final Pattern MISSING_TABLE = Pattern.compile("missing table \\[([^]]+)]");
    private static final String APP = "java -jar <your-app>.jar migrations";

    private final Environment environment;

    SchemaValidationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        if (!environment.getProperty(MigrationsAutoConfiguration.ENABLED, Boolean.class, false)) {
            return null;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(SCHEMA_MANAGEMENT_EXCEPTION) && t.getMessage() != null
                    && t.getMessage().startsWith(PREFIX)) {
                return analysis(t.getMessage().substring(PREFIX.length()), t);
            }
        }
        return null;
    }

    private static FailureAnalysis analysis(String problem, Throwable cause) {
        Matcher column = MISSING_COLUMN.matcher(problem);
        Matcher table = MISSING_TABLE.matcher(problem);
        String what;
        String message;
        if (column.find()) {
            what = "The entities map column '" + column.group(1) + "' of table '" + column.group(2) + "', which the"
                    + " database doesn't have";
            message = "add " + column.group(2) + "." + column.group(1);
        } else if (table.find()) {
            what = "The entities map table '" + table.group(1) + "', which the database doesn't have";
            message = "create " + table.group(1);
        } else {
            what = "The entities and the database's schema differ";
            message = "match the entities";
        }
        return new FailureAnalysis("Hibernate's schema validation failed: " + problem + ". " + what + ": with"
                + " migrations.enabled=true the schema is what the revisions make, and none makes that.",
                "Write a revision that makes it: '" + APP + " revision --autogenerate -m \"" + message + "\"' (or '"
                        + APP + " revision -m \"" + message + "\"' and write the SQL), then restart the application"
                        + " to upgrade (or run '" + APP + " upgrade heads'). If the entity is what's wrong, fix the"
                        + " entity instead.", cause);
    }
}
