package pgferry.source.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import pgferry.catalog.Affinity;
import pgferry.catalog.Catalog;
import pgferry.catalog.Check;
import pgferry.catalog.Column;
import pgferry.catalog.ForeignKey;
import pgferry.catalog.Index;
import pgferry.catalog.Key;
import pgferry.catalog.Table;
import pgferry.catalog.View;
import pgferry.source.sqlite.CreateStatementParser.ParsedForeignKey;
import pgferry.source.sqlite.CreateStatementParser.ParsedIndex;
import pgferry.source.sqlite.CreateStatementParser.ParsedTable;
import pgferry.source.sqlite.CreateStatementParser.ParsedTerm;

/** Discovers a SQLite database's catalog with the pragma queries in the resource files. */
final class CatalogReader {

    private final Connection connection;

    CatalogReader(Connection connection) {
        this.connection = connection;
    }

    Catalog read() throws SQLException {
        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String[]> tableRows = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(SqlResource.load("tables.sql"))) {
            while (rs.next()) {
                tableRows.add(new String[] {rs.getString("type"), rs.getString("name"), rs.getString("sql"),
                        rs.getString("kind"), rs.getString("wr")});
            }
        }
        for (String[] row : tableRows) {
            String type = row[0];
            String name = row[1];
            String sql = row[2];
            String kind = row[3];
            if (type.equals("view")) {
                views.add(new View(name, sql));
            } else if ("virtual".equals(kind) || sql != null && sql.regionMatches(true, 0, "CREATE VIRTUAL", 0, 14)) {
                warnings.add("skipped virtual table " + name + " (" + firstLine(sql)
                        + "): recreate it in PostgreSQL (e.g. full-text search with tsvector)");
            } else if ("shadow".equals(kind)) {
                warnings.add("skipped shadow table " + name + " (internal storage of a virtual table)");
            } else {
                tables.add(readTable(name, sql, "1".equals(row[4])));
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(SqlResource.load("triggers.sql"))) {
            while (rs.next()) {
                warnings.add("trigger " + rs.getString(1) + " on " + rs.getString(2)
                        + " is not migrated: rewrite it as a PostgreSQL trigger function if it is still needed");
            }
        }
        return new Catalog(tables, views, warnings);
    }

    private static String firstLine(String sql) {
        if (sql == null) {
            return "";
        }
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private Table readTable(String name, String sql, boolean withoutRowid) throws SQLException {
        ParsedTable parsed = CreateStatementParser.parseTable(sql);
        List<Column> columns = new ArrayList<>();
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SqlResource.load("columns.sql"))) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString("name");
                    String type = rs.getString("type");
                    int pkOrder = rs.getInt("pk");
                    int hidden = rs.getInt("hidden");
                    if (hidden == 1) {
                        continue; // hidden columns of virtual tables
                    }
                    if (pkOrder > 0) {
                        pk.put(pkOrder, col);
                    }
                    columns.add(new Column(col, type, Affinity.of(type), rs.getInt("not_null") == 1,
                            rs.getString("dflt_value"), columns.size(), pkOrder, parsed.collation(col),
                            hidden == 2 || hidden == 3));
                }
            }
        }
        Key primaryKey = pk.isEmpty() ? null : new Key(parsed.primaryKeyName(), new ArrayList<>(pk.values()));

        List<Key> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<String[]> indexRows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(SqlResource.load("indexes.sql"))) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexRows.add(new String[] {rs.getString("name"), rs.getString("is_unique"),
                            rs.getString("origin"), rs.getString("sql")});
                }
            }
        }
        for (String[] ix : indexRows) {
            String origin = ix[2];
            if (origin.equals("pk")) {
                continue;
            }
            List<IndexColumn> cols = indexColumns(ix[0]);
            if (origin.equals("u")) {
                List<String> names = cols.stream().map(IndexColumn::name).toList();
                String constraintName = parsed.uniques().stream()
                        .filter(u -> sameNames(u.columns(), names)).map(u -> u.name())
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                uniques.add(new Key(constraintName, names));
                continue;
            }
            ParsedIndex pi = CreateStatementParser.parseIndex(ix[3]);
            List<Index.Term> terms = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                IndexColumn c = cols.get(i);
                ParsedTerm pt = i < pi.terms().size() ? pi.terms().get(i) : null;
                String collation = pt != null ? pt.collation() : null;
                if (c.cid() == -2) {
                    terms.add(new Index.Term(null, pt != null ? pt.text() : "?", c.descending(), collation));
                } else if (c.cid() == -1) {
                    terms.add(new Index.Term(null, "rowid", c.descending(), collation));
                } else {
                    terms.add(new Index.Term(c.name(), null, c.descending(), collation));
                }
            }
            indexes.add(new Index(ix[0], "1".equals(ix[1]), terms, pi.where(), ix[3]));
        }

        List<ForeignKey> fks = readForeignKeys(name, parsed);
        List<Check> checks = parsed.checks();
        return new Table(name, columns, primaryKey, uniques, checks, fks, indexes,
                parsed.autoincrement(), withoutRowid, sql);
    }

    private record IndexColumn(int cid, String name, boolean descending) {
    }

    private List<IndexColumn> indexColumns(String index) throws SQLException {
        List<IndexColumn> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(SqlResource.load("index-columns.sql"))) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IndexColumn(rs.getInt("cid"), rs.getString("name"), rs.getInt("descending") == 1));
                }
            }
        }
        return out;
    }

    private List<ForeignKey> readForeignKeys(String table, ParsedTable parsed) throws SQLException {
        Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SqlResource.load("foreign-keys.sql"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>()).add(new String[] {
                            rs.getString("parent"), rs.getString("child_column"), rs.getString("parent_column"),
                            rs.getString("on_update"), rs.getString("on_delete")});
                }
            }
        }
        // pragma ids run in reverse declaration order; present them in declaration order
        List<Integer> ids = new ArrayList<>(byId.keySet());
        java.util.Collections.reverse(ids);
        List<ForeignKey> out = new ArrayList<>();
        List<ParsedForeignKey> unmatched = new ArrayList<>(parsed.foreignKeys());
        for (int id : ids) {
            List<String[]> rows = byId.get(id);
            String parent = rows.get(0)[0];
            List<String> from = rows.stream().map(r -> r[1]).toList();
            List<String> to = rows.stream().map(r -> r[2]).toList();
            if (to.stream().anyMatch(java.util.Objects::isNull)) {
                to = parentPrimaryKey(parent);
            }
            ParsedForeignKey match = null;
            for (ParsedForeignKey p : unmatched) {
                if (p.referencedTable() != null && p.referencedTable().equalsIgnoreCase(parent)
                        && sameNames(p.columns(), from)) {
                    match = p;
                    break;
                }
            }
            if (match != null) {
                unmatched.remove(match);
            }
            out.add(new ForeignKey(match == null ? null : match.name(), from, parent, to,
                    ForeignKey.Action.parse(rows.get(0)[4]), ForeignKey.Action.parse(rows.get(0)[3]),
                    match != null && match.deferrable(), match != null && match.initiallyDeferred()));
        }
        return out;
    }

    /** The parent's primary-key columns, or empty when the parent table does not exist. */
    private List<String> parentPrimaryKey(String parent) throws SQLException {
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SqlResource.load("columns.sql"))) {
            ps.setString(1, parent);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt("pk") > 0) {
                        pk.put(rs.getInt("pk"), rs.getString("name"));
                    }
                }
            }
        }
        return new ArrayList<>(pk.values());
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).toLowerCase(Locale.ROOT).equals(b.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
