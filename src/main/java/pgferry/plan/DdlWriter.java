package pgferry.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import pgferry.catalog.Check;
import pgferry.catalog.ForeignKey;
import pgferry.catalog.Index;
import pgferry.catalog.Key;

/**
 * Renders a plan as PostgreSQL DDL from the templates in {@code /pgferry/plan/ddl.properties}; every
 * identifier is quoted. The statements come in three groups so the loader can order the work:
 * {@link #createTable} (columns, types, NOT NULL, defaults, identity; no keys, so COPY is fast), then
 * after the data {@link #postData} (primary key, UNIQUE, CHECK, indexes), then once every table is
 * loaded {@link #foreignKeys}. {@link #script} gives all of them as one text for {@code pgferry plan}.
 */
public final class DdlWriter {

    private static final Properties TEMPLATES = load();
    private final String schema;

    /** @param schema the target schema to qualify table names with, or null for unqualified names */
    public DdlWriter(String schema) {
        this.schema = schema;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = DdlWriter.class.getResourceAsStream("/pgferry/plan/ddl.properties")) {
            if (in == null) {
                throw new IllegalStateException("resource ddl.properties is missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String fill(String template, Map<String, String> values) {
        String s = TEMPLATES.getProperty(template);
        if (s == null) {
            throw new IllegalStateException("no DDL template " + template);
        }
        StringBuilder out = new StringBuilder(s.length() + 64);
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf('{', i);
            if (open < 0) {
                out.append(s, i, s.length());
                break;
            }
            int close = s.indexOf('}', open);
            out.append(s, i, open);
            String key = s.substring(open + 1, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("template " + template + " needs {" + key + "}");
            }
            out.append(value);
            i = close + 1;
        }
        return out.toString();
    }

    private static String text(String template) {
        return TEMPLATES.getProperty(template);
    }

    /** The quoted, schema-qualified name of a target table. */
    public String table(String name) {
        return schema == null ? Identifiers.quote(name) : Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }

    private static String columns(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** CREATE TABLE with columns, types, identity, NOT NULL and defaults; no keys or indexes. */
    public DdlStatement createTable(TablePlan t) {
        List<String> cols = new ArrayList<>();
        for (ColumnPlan c : t.columns()) {
            cols.add(fill("column", Map.of(
                    "name", Identifiers.quote(c.name()),
                    "type", c.type().sql(),
                    "identity", c.identity() ? text("identity") : "",
                    "not_null", c.notNull() && !c.identity() ? text("not-null") : "",
                    "default", c.defaultSql() == null ? "" : fill("default", Map.of("expression", c.defaultSql())))));
        }
        return new DdlStatement(DdlStatement.Kind.CREATE_TABLE, t.name(), t.name(),
                fill("create-table", Map.of("table", table(t.name()), "columns", String.join(",\n", cols))));
    }

    /** Primary key, UNIQUE constraints, CHECK constraints and indexes: run after the table's data is in. */
    public List<DdlStatement> postData(TablePlan t) {
        List<DdlStatement> out = new ArrayList<>();
        String table = table(t.name());
        Key pk = t.primaryKey();
        if (pk != null) {
            out.add(new DdlStatement(DdlStatement.Kind.PRIMARY_KEY, t.name(), pk.name(), fill("primary-key", Map.of(
                    "table", table, "name", Identifiers.quote(pk.name()), "columns", columns(pk.columns())))));
        }
        for (Key u : t.uniqueKeys()) {
            out.add(new DdlStatement(DdlStatement.Kind.UNIQUE, t.name(), u.name(), fill("unique", Map.of(
                    "table", table, "name", Identifiers.quote(u.name()), "columns", columns(u.columns())))));
        }
        for (Check c : t.checks()) {
            out.add(new DdlStatement(DdlStatement.Kind.CHECK, t.name(), c.name(), fill("check", Map.of(
                    "table", table, "name", Identifiers.quote(c.name()), "expression", c.expression()))));
        }
        for (Index ix : t.indexes()) {
            String terms = ix.terms().stream().map(term -> (term.column() != null ? Identifiers.quote(term.column())
                    : "(" + term.expression() + ")") + (term.descending() ? text("descending") : ""))
                    .collect(Collectors.joining(", "));
            // an index lives in the table's schema: its name is never qualified
            out.add(new DdlStatement(DdlStatement.Kind.INDEX, t.name(), ix.name(), fill("create-index", Map.of(
                    "unique", ix.unique() ? text("unique-index") : "",
                    "name", Identifiers.quote(ix.name()), "table", table, "terms", terms,
                    "where", ix.where() == null ? "" : fill("where", Map.of("expression", ix.where()))))));
        }
        return out;
    }

    /** FOREIGN KEY constraints: run once every table is loaded. */
    public List<DdlStatement> foreignKeys(TablePlan t) {
        List<DdlStatement> out = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
            out.add(new DdlStatement(DdlStatement.Kind.FOREIGN_KEY, t.name(), fk.name(), fill("foreign-key", Map.of(
                    "table", table(t.name()), "name", Identifiers.quote(fk.name()), "columns", columns(fk.columns()),
                    "parent", table(fk.referencedTable()), "parent_columns", columns(fk.referencedColumns()),
                    "on_delete", fk.onDelete().sql(), "on_update", fk.onUpdate().sql(),
                    "deferrable", fk.initiallyDeferred() ? text("initially-deferred")
                            : fk.deferrable() ? text("deferrable") : ""))));
        }
        return out;
    }

    /** Restarts the identity column at {@code next} (max of loaded ids and sqlite_sequence, plus one). */
    public DdlStatement restartIdentity(TablePlan t, long next) {
        ColumnPlan c = t.identityColumn().orElseThrow(() -> new IllegalArgumentException(t.name() + " has no identity column"));
        return new DdlStatement(DdlStatement.Kind.RESTART_IDENTITY, t.name(), c.name(), fill("restart-identity", Map.of(
                "table", table(t.name()), "column", Identifiers.quote(c.name()), "next", Long.toString(next))));
    }

    /** Every statement of the plan in execution order: all tables, then keys/checks/indexes, then foreign keys. */
    public List<DdlStatement> statements(MigrationPlan plan) {
        List<DdlStatement> out = new ArrayList<>();
        plan.tables().forEach(t -> out.add(createTable(t)));
        plan.tables().forEach(t -> out.addAll(postData(t)));
        plan.tables().forEach(t -> out.addAll(foreignKeys(t)));
        return out;
    }

    /** The plan's DDL as one SQL script (statements end with ";"). */
    public String script(MigrationPlan plan) {
        return statements(plan).stream().map(s -> s.sql() + ";\n").collect(Collectors.joining("\n"));
    }
}
