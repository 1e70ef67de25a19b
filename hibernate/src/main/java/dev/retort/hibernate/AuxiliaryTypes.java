package dev.retort.hibernate;

import dev.retort.schema.Cast;
import dev.retort.schema.EnumType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;

/**
 * The named enum types Hibernate adds as auxiliary database objects ({@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} or
 * its native-enum setting), read from the very statements it would run: PostgreSQL's {@code create type … as enum}
 * with its two implicit {@code varchar} casts, H2's {@code create domain … check (value in (…))}.
 */
final class AuxiliaryTypes {

    private static final Pattern CREATE_TYPE = Pattern.compile(
            "create\\s+type\\s+(\\S+)\\s+as\\s+enum\\s*\\((.*)\\)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE_DOMAIN = Pattern.compile(
            "create\\s+domain\\s+(\\S+)\\s+as\\s+.+?\\s+check\\s*\\(\\s*value\\s+in\\s*\\((.*)\\)\\s*\\)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE_CAST = Pattern.compile(
            "create\\s+cast\\s*\\(\\s*(\\S+)\\s+as\\s+(\\S+)\\s*\\)(\\s+with\\s+inout)?(\\s+as\\s+implicit)?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    private final List<EnumType> enumTypes = new ArrayList<>();
    private final List<Cast> casts = new ArrayList<>();
    /** Type names as Hibernate writes them in column definitions → as the database stores them. */
    private final Map<String, String> storedNames = new HashMap<>();

    private AuxiliaryTypes() {
    }

    static AuxiliaryTypes read(Database database, Dialect dialect, SqlStringGenerationContext context,
            Function<Identifier, String> schemaOf, Function<String, String> stored) {
        AuxiliaryTypes types = new AuxiliaryTypes();
        List<String[]> castStatements = new ArrayList<>();
        for (AuxiliaryDatabaseObject object : database.getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(dialect)) {
                continue;
            }
            for (String sql : object.sqlCreateStrings(context)) {
                Matcher type = CREATE_TYPE.matcher(sql);
                Matcher domain = CREATE_DOMAIN.matcher(sql);
                Matcher cast = CREATE_CAST.matcher(sql);
                if (type.matches()) {
                    types.addEnum(type.group(1), type.group(2), schemaOf, stored);
                } else if (domain.matches()) {
                    types.addEnum(domain.group(1), domain.group(2), schemaOf, stored);
                } else if (cast.matches()) {
                    castStatements.add(new String[] {cast.group(1), cast.group(2),
                            String.valueOf(cast.group(3) != null), String.valueOf(cast.group(4) != null)});
                }
            }
        }
        for (String[] c : castStatements) {
            types.casts.add(new Cast(types.columnType(c[0]), types.columnType(c[1]), Boolean.parseBoolean(c[2]),
                    Boolean.parseBoolean(c[3])));
        }
        return types;
    }

    private void addEnum(String qualifiedName, String labelList, Function<Identifier, String> schemaOf,
            Function<String, String> stored) {
        int dot = qualifiedName.lastIndexOf('.');
        String schema = schemaOf.apply(dot < 0 ? null : Identifier.toIdentifier(qualifiedName.substring(0, dot)));
        String name = stored.apply(qualifiedName.substring(dot + 1));
        List<String> labels = new ArrayList<>();
        Matcher literal = LITERAL.matcher(labelList);
        while (literal.find()) {
            labels.add(literal.group(1).replace("''", "'"));
        }
        EnumType enumType = new EnumType(schema, name, labels);
        enumTypes.add(enumType);
        storedNames.put(qualifiedName, dot < 0 ? name : enumType.qualifiedName());
    }

    /**
     * Gives the enum type Hibernate names after a Java enum ({@code JobType}, stored {@code jobtype}) the name the
     * mapping's {@code columnDefinition} uses instead ({@code job_type}): the database's type was created by a
     * revision, not by Hibernate, so it keeps its own name and has none of Hibernate's implicit casts.
     */
    void rename(String hibernateName, String definition, String schema, String name) {
        String stored = storedNames.get(hibernateName);
        if (stored == null || stored.equals(schema == null ? name : schema + "." + name) || stored.equals(name)) {
            // not a named enum type, or the column names the type Hibernate makes (its own resolved definition)
            return;
        }
        for (int i = 0; i < enumTypes.size(); i++) {
            EnumType e = enumTypes.get(i);
            if (e.qualifiedName().equals(stored) || e.name().equals(stored)) {
                EnumType renamed = new EnumType(schema == null ? e.schema() : schema, name, e.labels());
                enumTypes.set(i, renamed);
                casts.removeIf(c -> c.sourceType().equals(stored) || c.targetType().equals(stored));
                String columnType = schema == null ? name : renamed.qualifiedName();
                storedNames.put(hibernateName, columnType);
                storedNames.put(definition, columnType);
                return;
            }
        }
    }

    /** A column's SQL type, with a named enum type's name as the database stores it. */
    String columnType(String sqlType) {
        return storedNames.getOrDefault(sqlType, sqlType);
    }

    List<EnumType> enumTypes() {
        return enumTypes;
    }

    List<Cast> casts() {
        return casts;
    }
}
