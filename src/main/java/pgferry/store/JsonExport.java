package pgferry.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import pgferry.UserError;
import pgferry.load.LoadSql;
import pgferry.load.Target;
import pgferry.source.json.FilePattern;
import pgferry.source.json.Mapping;
import pgferry.source.json.Mapping.ColumnMapping;
import pgferry.source.json.Mapping.From;
import pgferry.source.json.Mapping.TableMapping;

/**
 * export-json: writes PostgreSQL back into the JSON-file layout a {@link Mapping} describes (seed 002's
 * "export to JSON as fallback"), so that JSON → PostgreSQL → JSON gives the same JSON trees.
 *
 * <ul>
 * <li>Every table mapped to a file (and not marked {@code "export": false}) becomes that file: a top-level
 *     array of records, one object ({@code "single": true}), or a wrapper object holding the records at
 *     {@code "records"} with its {@code "counts"} fields (the number of records) and the fields that
 *     {@code "root"} columns (of any table read from the same file) come from. A file name pattern
 *     ({@code signals_archive_{month}.json}) gives one file per value of its capture column.</li>
 * <li>A record is built from its columns at their field paths ({@code usage.analysisCount} nests). A
 *     column holding the whole record ({@code "path": "$"}) is the record's base: the other columns are
 *     written over it only where their value differs, so the original text of a field survives.</li>
 * <li>Child tables are nested back under their parent record, at {@code "records"}: an array (empty when
 *     there are no rows) or, for {@code "single"}, an object (left out when there is no row).</li>
 * <li>Numbers come from NUMERIC as {@link BigDecimal} and are printed in the files' {@link ExportStyle};
 *     times in the column's {@code "format"} (python, javascript, iso); a NULL column with
 *     {@code "omitWhenNull"} is left out. Constant, index, capture and parent columns are implied by the
 *     layout and not written.</li>
 * <li>Each file is written to a temporary file beside it, fsynced and renamed into place, so a crash
 *     never leaves half a file. The output folder must be new or empty.</li>
 * </ul>
 * Rows are streamed from PostgreSQL file by file; child tables are held in memory while their parent
 * table is written.
 */
public final class JsonExport {

    private static final String SQL = "pgferry/store/export/";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final String SEP = "\u0001";

    private final Mapping mapping;
    private final Target target;
    private final String schema;
    private final Path out;
    private final ExportStyle style;
    private final List<ExportResult.File> files = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<TableMapping>> kids = new HashMap<>();

    private JsonExport(Mapping mapping, Target target, String schema, Path out, ExportStyle style) {
        this.mapping = mapping;
        this.target = target;
        this.schema = schema;
        this.out = out;
        this.style = style;
    }

    /** Exports every mapped table in the style of the mapping's files ({@link ExportStyle#of}). */
    public static ExportResult export(Mapping mapping, Target target, String schema, Path outDir) {
        return export(mapping, target, schema, outDir, ExportStyle.of(mapping));
    }

    public static ExportResult export(Mapping mapping, Target target, String schema, Path outDir, ExportStyle style) {
        long t0 = System.nanoTime();
        Path dir = outDir.toAbsolutePath().normalize();
        requireEmpty(dir);
        JsonExport export = new JsonExport(mapping, target, schema, dir, style);
        try (Connection c = target.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute(SqlText.load(SQL + "session.sql"));
            }
            c.setAutoCommit(false);
            c.setReadOnly(true);
            for (TableMapping t : mapping.tables()) {
                if (t.file() != null && t.export()) {
                    export.file(c, t);
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new UserError("export-json from " + target.display() + " failed: " + oneLine(e)
                    + " (is the schema the mapping's? load it with pgferry migrate)");
        } catch (IOException e) {
            throw new UserError("cannot write under " + dir + ": " + e.getMessage());
        }
        return new ExportResult(dir, export.files, export.notes, (System.nanoTime() - t0) / 1_000_000);
    }

    private static void requireEmpty(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new UserError(dir + " is not empty: export-json writes a whole store and does not merge "
                                + "into existing files; choose a new or empty --out folder");
                    }
                }
            } else if (Files.exists(dir)) {
                throw new UserError(dir + " is a file: give a folder for --out");
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create " + dir + " (" + e.getMessage() + "): choose a writable --out folder");
        }
    }

    // ---------------------------------------------------------------- one file-level table

    private void file(Connection c, TableMapping t) throws SQLException, IOException {
        FilePattern pattern = new FilePattern(t.file());
        List<ColumnMapping> captures = t.columns().stream().filter(col -> col.from() == From.CAPTURE).toList();
        Map<String, List<JsonNode>>[] children = children(c, t);
        Map<String, Long> counts = t.counts().isEmpty() ? Map.of() : counts(c, t, captures);
        Map<String, JsonNode> rootFields = pattern.hasCaptures() ? Map.of() : rootFieldsOfOtherTables(c, t);

        List<String> order = new ArrayList<>(captures.stream().map(ColumnMapping::name).toList());
        order.addAll(t.order());
        List<ColumnMapping> cols = selected(t);
        try (Statement st = c.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(select(t, cols, order))) {
                Columns meta = new Columns(rs.getMetaData(), cols);
                FileWriter w = null;
                String group = null;
                while (rs.next()) {
                    JsonNode[] row = meta.read(rs);
                    String g = key(row, meta.indexes(captures));
                    if (w == null || !g.equals(group)) {
                        if (w != null) {
                            w.finish();
                        }
                        Map<String, String> captured = new LinkedHashMap<>();
                        for (ColumnMapping cap : captures) {
                            JsonNode v = row[meta.index(cap.name())];
                            captured.put(cap.ref(), v.isNull() ? "" : v.asText());
                        }
                        w = new FileWriter(t, pattern.fill(captured));
                        w.begin(head(t, meta, row, rootFields, counts.getOrDefault(g, 0L)));
                        group = g;
                    }
                    w.record(record(t, meta, row, children));
                }
                if (w != null) {
                    w.finish();
                } else if (pattern.hasCaptures()) {
                    notes.add(t.table() + ": no rows, so no " + t.file() + " file");
                } else if (t.single() && t.records().isEmpty()) {
                    notes.add(t.table() + ": no row, so " + t.file() + " (one object) is not written");
                } else {
                    FileWriter empty = new FileWriter(t, t.file());
                    empty.begin(head(t, meta, null, rootFields, 0L));
                    empty.finish();
                }
            }
        }
    }

    /** The wrapper object's fields before the records: root columns' values, then the counts. */
    private ObjectNode head(TableMapping t, Columns meta, JsonNode[] firstRow, Map<String, JsonNode> rootFields, long count) {
        ObjectNode head = JSON.createObjectNode();
        if (t.records().isEmpty()) {
            return head;
        }
        for (Map.Entry<String, JsonNode> e : rootFields.entrySet()) {
            set(head, path(e.getKey()), e.getValue());
        }
        if (firstRow != null) {
            for (ColumnMapping col : t.columns()) {
                if (col.from() == From.ROOT) {
                    set(head, path(col.ref()), firstRow[meta.index(col.name())]);
                }
            }
        }
        for (String f : t.counts()) {
            set(head, path(f), JSON.getNodeFactory().numberNode(count));
        }
        return head;
    }

    /** Fields of the file's wrapper that root columns of other tables read from the same file feed (their last row). */
    private Map<String, JsonNode> rootFieldsOfOtherTables(Connection c, TableMapping t) throws SQLException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (TableMapping m : mapping.tables()) {
            if (m == t || !t.file().equals(m.file())) {
                continue;
            }
            List<ColumnMapping> roots = m.columns().stream().filter(col -> col.from() == From.ROOT).toList();
            if (roots.isEmpty()) {
                continue;
            }
            String orderBy = m.order().isEmpty() ? "1" : m.order().stream().map(o -> LoadSql.quote(o) + " DESC")
                    .collect(Collectors.joining(", "));
            String sql = SqlText.load(SQL + "last-row.sql").replace("{columns}", columnList(roots))
                    .replace("{table}", LoadSql.qualified(schema, m.table())).replace("{order}", orderBy);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                if (rs.next()) {
                    Columns meta = new Columns(rs.getMetaData(), roots);
                    JsonNode[] row = meta.read(rs);
                    for (ColumnMapping col : roots) {
                        out.putIfAbsent(col.ref(), row[meta.index(col.name())]);
                    }
                }
            }
        }
        return out;
    }

    /** Records per file (group of capture values). */
    private Map<String, Long> counts(Connection c, TableMapping t, List<ColumnMapping> captures) throws SQLException {
        String groups = captures.isEmpty() ? "1" : columnList(captures);
        String sql = SqlText.load(SQL + "counts.sql").replace("{groups}", groups)
                .replace("{table}", LoadSql.qualified(schema, t.table()));
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            Columns meta = captures.isEmpty() ? null : new Columns(rs.getMetaData(), captures);
            while (rs.next()) {
                String key = meta == null ? "" : key(meta.read(rs), meta.indexes(captures));
                out.put(key, rs.getLong(n));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- child tables

    /** For each direct child of {@code parent} (mapping order): its records grouped by the parent's link value. */
    @SuppressWarnings("unchecked")
    private Map<String, List<JsonNode>>[] children(Connection c, TableMapping parent) throws SQLException {
        List<TableMapping> kids = childrenOf(parent);
        Map<String, List<JsonNode>>[] out = new Map[kids.size()];
        for (int i = 0; i < kids.size(); i++) {
            out[i] = childRecords(c, kids.get(i));
        }
        return out;
    }

    private List<TableMapping> childrenOf(TableMapping parent) {
        return kids.computeIfAbsent(parent.table(),
                k -> mapping.tables().stream().filter(m -> parent.table().equalsIgnoreCase(m.parent())).toList());
    }

    private Map<String, List<JsonNode>> childRecords(Connection c, TableMapping child) throws SQLException {
        Map<String, List<JsonNode>>[] grandchildren = children(c, child);
        List<ColumnMapping> links = links(child);
        List<ColumnMapping> cols = selected(child);
        Map<String, List<JsonNode>> out = new HashMap<>();
        try (Statement st = c.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(select(child, cols, child.order()))) {
                Columns meta = new Columns(rs.getMetaData(), cols);
                int[] linkIdx = meta.indexes(links);
                while (rs.next()) {
                    JsonNode[] row = meta.read(rs);
                    out.computeIfAbsent(key(row, linkIdx), k -> new ArrayList<>()).add(record(child, meta, row, grandchildren));
                }
            }
        }
        return out;
    }

    /**
     * The child's columns that hold its parent's values. None is fine under a single-object parent (every
     * row of the child belongs to the one record); under an array of parents it is a mapping error.
     */
    private static List<ColumnMapping> links(TableMapping child) {
        return child.columns().stream().filter(col -> col.from() == From.PARENT).toList();
    }

    /** The parent's columns the child's link columns refer to, in the same order. */
    private static List<ColumnMapping> parentSide(TableMapping parent, TableMapping child) {
        List<ColumnMapping> out = new ArrayList<>();
        if (links(child).isEmpty() && !parent.single()) {
            throw new UserError("mapping " + child.table() + ": a child of " + parent.table() + " (an array of records) needs"
                    + " a {\"parent\": FIELD} column, so export-json can nest each row under its own parent record");
        }
        for (ColumnMapping link : links(child)) {
            out.add(parent.columns().stream()
                    .filter(p -> p.from() == From.PATH && p.ref().equals(link.ref())).findFirst()
                    .orElseThrow(() -> new UserError("mapping " + child.table() + ", column " + link.name()
                            + ": its parent field " + link.ref() + " is no column of " + parent.table()
                            + ", so export-json cannot nest the rows back")));
        }
        return out;
    }

    // ---------------------------------------------------------------- records

    private ObjectNode record(TableMapping t, Columns meta, JsonNode[] row, Map<String, List<JsonNode>>[] children) {
        ObjectNode rec = null;
        for (ColumnMapping col : t.columns()) {
            if (col.from() == From.PATH && col.path().isEmpty()) {
                JsonNode whole = row[meta.index(col.name())];
                if (whole.isObject()) {
                    rec = (ObjectNode) whole.deepCopy();
                }
            }
        }
        if (rec == null) {
            rec = JSON.createObjectNode();
        }
        for (ColumnMapping col : t.columns()) {
            if (col.from() != From.PATH || col.path().isEmpty()) {
                continue;
            }
            JsonNode v = row[meta.index(col.name())];
            JsonNode existing = get(rec, col.path());
            if (v.isNull()) {
                if (col.omitWhenNull()) {
                    if (existing != null) {
                        remove(rec, col.path());
                    }
                } else if (existing == null || !existing.isNull()) {
                    set(rec, col.path(), NullNode.instance);
                }
            } else if (existing == null || !same(existing, v, meta.type(col.name()))) {
                set(rec, col.path(), numberFormat(col, v));
            }
        }
        List<TableMapping> kids = childrenOf(t);
        for (int i = 0; i < kids.size(); i++) {
            TableMapping kid = kids.get(i);
            List<ColumnMapping> parentCols = parentSide(t, kid);
            List<JsonNode> rows = children[i].getOrDefault(key(row, meta.indexes(parentCols)), List.of());
            List<String> at = path(kid.records());
            if (kid.single()) {
                if (rows.size() > 1) {
                    throw new UserError("table " + kid.table() + " has " + rows.size() + " rows for one " + t.table()
                            + " record, but the file holds one object at " + kid.records() + ": remove the extra rows");
                }
                if (rows.isEmpty()) {
                    remove(rec, at);
                } else {
                    set(rec, at, rows.get(0));
                }
            } else {
                ArrayNode a = JSON.createArrayNode();
                rows.forEach(a::add);
                set(rec, at, a);
            }
        }
        return rec;
    }

    /** A NUMERIC value with a column format other than the files' style, kept as its printed text. */
    private JsonNode numberFormat(ColumnMapping col, JsonNode v) {
        if (!v.isNumber() || col.format() == null) {
            return v;
        }
        String text = switch (col.format()) {
            case "plain" -> v.decimalValue().toPlainString();
            case "python" -> ExportStyle.PYTHON.number(v.decimalValue(), v.isIntegralNumber());
            case "javascript" -> ExportStyle.JAVASCRIPT.number(v.decimalValue(), v.isIntegralNumber());
            default -> null;
        };
        return text == null ? v : new POJONode(new RawValue(text));
    }

    /** True when a field's existing value and a column's value are the same datum (see {@link JsonExport}). */
    static boolean same(JsonNode existing, JsonNode value, String pgType) {
        if (existing.isNumber() || value.isNumber()) {
            BigDecimal a = decimal(existing);
            BigDecimal b = decimal(value);
            return a != null && b != null && a.compareTo(b) == 0;
        }
        if (pgType.startsWith("timestamp") && existing.isTextual() && value.isTextual()) {
            Instant a = instant(existing.asText());
            return a != null && a.equals(instant(value.asText()));
        }
        return jsonEquals(existing, value);
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            try {
                return new BigDecimal(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** An ISO-8601 time with or without an offset (none: UTC), or null. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** JSON equality with numbers by value (1.50 = 1.5). */
    static boolean jsonEquals(JsonNode a, JsonNode b) {
        return a.equals((x, y) -> {
            if (x.isNumber() && y.isNumber()) {
                return x.decimalValue().compareTo(y.decimalValue());
            }
            return x.equals(y) ? 0 : 1;
        }, b);
    }

    // ---------------------------------------------------------------- paths in a tree

    private static List<String> path(String dotted) {
        return dotted == null || dotted.isEmpty() || dotted.equals("$") ? List.of() : List.of(dotted.split("\\."));
    }

    private static JsonNode get(JsonNode node, List<String> path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(p);
        }
        return n;
    }

    private static void set(ObjectNode node, List<String> path, JsonNode value) {
        if (path.isEmpty()) {
            return;
        }
        ObjectNode n = node;
        for (String p : path.subList(0, path.size() - 1)) {
            JsonNode next = n.get(p);
            if (next == null || !next.isObject()) {
                next = n.putObject(p);
            }
            n = (ObjectNode) next;
        }
        n.set(path.get(path.size() - 1), value);
    }

    private static void remove(ObjectNode node, List<String> path) {
        if (path.isEmpty()) {
            return;
        }
        JsonNode parent = get(node, path.subList(0, path.size() - 1));
        if (parent instanceof ObjectNode o) {
            o.remove(path.get(path.size() - 1));
        }
    }

    // ---------------------------------------------------------------- reading PostgreSQL

    /** The columns export-json reads: all but constants (implied by the layout). */
    private static List<ColumnMapping> selected(TableMapping t) {
        return t.columns().stream().filter(col -> col.from() != From.CONST).toList();
    }

    private String select(TableMapping t, List<ColumnMapping> cols, List<String> order) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(order));
        String table = LoadSql.qualified(schema, t.table());
        if (distinct.isEmpty()) {
            return SqlText.load(SQL + "rows-unordered.sql").replace("{columns}", columnList(cols)).replace("{table}", table);
        }
        return SqlText.load(SQL + "rows.sql").replace("{columns}", columnList(cols)).replace("{table}", table)
                .replace("{order}", distinct.stream().map(LoadSql::quote).collect(Collectors.joining(", ")));
    }

    private static String columnList(List<ColumnMapping> cols) {
        return cols.stream().map(col -> LoadSql.quote(col.name())).collect(Collectors.joining(", "));
    }

    private static String key(JsonNode[] row, int[] idx) {
        StringBuilder b = new StringBuilder();
        for (int i : idx) {
            JsonNode v = row[i];
            b.append(v.isNull() ? "\u0000" : v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString()
                    : v.isValueNode() ? v.asText() : v.toString()).append(SEP);
        }
        return b.toString();
    }

    /** The selected columns of one result, their PostgreSQL types, and how each becomes a JSON value. */
    private final class Columns {
        private final List<ColumnMapping> cols;
        private final String[] types;
        private final Map<String, Integer> index = new HashMap<>();

        Columns(ResultSetMetaData md, List<ColumnMapping> cols) throws SQLException {
            this.cols = cols;
            this.types = new String[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                types[i] = md.getColumnTypeName(i + 1).toLowerCase(Locale.ROOT);
                index.put(cols.get(i).name(), i);
            }
        }

        int index(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalStateException("column " + column + " was not selected");
            }
            return i;
        }

        int[] indexes(List<ColumnMapping> of) {
            return of.stream().mapToInt(col -> index(col.name())).toArray();
        }

        String type(String column) {
            return types[index(column)];
        }

        JsonNode[] read(ResultSet rs) throws SQLException {
            JsonNode[] row = new JsonNode[cols.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = value(rs, i + 1, types[i], cols.get(i));
            }
            return row;
        }

        private JsonNode value(ResultSet rs, int i, String type, ColumnMapping col) throws SQLException {
            switch (type) {
                case "numeric", "float4", "float8" -> {
                    String text = rs.getString(i);
                    if (text == null) {
                        return NullNode.instance;
                    }
                    try {
                        return DecimalNode.valueOf(new BigDecimal(text));
                    } catch (NumberFormatException e) {
                        throw new UserError(col.name() + " holds " + text + ", which JSON cannot hold as a number: "
                                + "replace it in PostgreSQL (or map the column to text) before export-json");
                    }
                }
                case "int2", "int4", "int8", "oid" -> {
                    String text = rs.getString(i);
                    return text == null ? NullNode.instance : JSON.getNodeFactory().numberNode(new BigInteger(text));
                }
                case "bool" -> {
                    boolean b = rs.getBoolean(i);
                    return rs.wasNull() ? NullNode.instance : BooleanNode.valueOf(b);
                }
                case "timestamptz" -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    return t == null ? NullNode.instance : TextNode.valueOf(ExportStyle.time(t, col.format()));
                }
                case "timestamp" -> {
                    LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                    return t == null ? NullNode.instance : TextNode.valueOf(ExportStyle.time(t));
                }
                case "json", "jsonb" -> {
                    String text = rs.getString(i);
                    if (text == null) {
                        return NullNode.instance;
                    }
                    try {
                        return JSON.readTree(text);
                    } catch (IOException e) {
                        throw new UncheckedIOException("PostgreSQL returned JSON that does not parse", e);
                    }
                }
                default -> {
                    if (type.startsWith("_")) {
                        java.sql.Array a = rs.getArray(i);
                        return a == null ? NullNode.instance : array((Object[]) a.getArray());
                    }
                    String text = rs.getString(i);
                    return text == null ? NullNode.instance : TextNode.valueOf(text);
                }
            }
        }

        private JsonNode array(Object[] values) {
            ArrayNode a = JSON.createArrayNode();
            for (Object v : values) {
                if (v == null) {
                    a.addNull();
                } else if (v instanceof Boolean b) {
                    a.add(b);
                } else if (v instanceof BigDecimal d) {
                    a.add(d);
                } else if (v instanceof Number n) {
                    a.add(new BigDecimal(n.toString()));
                } else if (v instanceof Object[] nested) {
                    a.add(array(nested));
                } else {
                    a.add(v.toString());
                }
            }
            return a;
        }
    }

    // ---------------------------------------------------------------- writing one file atomically

    /** One output file: a temporary file beside it, streamed, fsynced and renamed into place by {@link #finish}. */
    private final class FileWriter {
        private final TableMapping table;
        private final String relative;
        private final Path file;
        private final Path tmp;
        private final FileOutputStream raw;
        private final OutputStream buffered;
        private final JsonGenerator g;
        private int depth;
        private long records;

        FileWriter(TableMapping table, String relative) throws IOException {
            this.table = table;
            this.relative = relative;
            this.file = out.resolve(relative).normalize();
            if (!file.startsWith(out)) {
                throw new UserError("file " + relative + " of table " + table.table() + " would be written outside " + out);
            }
            Files.createDirectories(file.getParent());
            this.tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
            this.raw = new FileOutputStream(tmp.toFile());
            this.buffered = new BufferedOutputStream(raw, 1 << 16);
            this.g = style.open(buffered);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        /** Opens the wrapper (its head fields, then the objects down to the records) and the records array. */
        void begin(ObjectNode head) throws IOException {
            List<String> at = path(table.records());
            if (!at.isEmpty()) {
                g.writeStartObject();
                depth++;
                for (Iterator<Map.Entry<String, JsonNode>> it = head.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals(at.get(0))) {
                        g.writeFieldName(e.getKey());
                        write(e.getValue());
                    }
                }
                for (int i = 0; i < at.size(); i++) {
                    g.writeFieldName(at.get(i));
                    if (i < at.size() - 1) {
                        g.writeStartObject();
                        depth++;
                    }
                }
            }
            if (!table.single()) {
                g.writeStartArray();
            }
        }

        void record(JsonNode rec) throws IOException {
            if (table.single() && records > 0) {
                throw new UserError("table " + table.table() + " has more than one row, but " + relative
                        + " holds one object: remove the extra rows before export-json");
            }
            write(rec);
            records++;
        }

        void finish() throws IOException {
            try {
                if (table.single() && records == 0) {
                    g.writeNull();
                }
                if (!table.single()) {
                    g.writeEndArray();
                }
                for (; depth > 0; depth--) {
                    g.writeEndObject();
                }
                g.close();
                buffered.flush();
                raw.getChannel().force(true);
                raw.close();
                // a temporary file is private (0600); an exported store file is an ordinary one
                if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new UserError("the file system of " + file.getParent() + " cannot rename atomically; export to a local disk");
                }
                JsonFileStore.fsyncDirectory(file.getParent());
                files.add(new ExportResult.File(relative, table.table(), records, Files.size(file)));
            } finally {
                raw.close();
                Files.deleteIfExists(tmp);
            }
        }

        /** Writes a tree, numbers in the files' style ({@link ExportStyle#number}). */
        private void write(JsonNode n) throws IOException {
            if (n == null || n.isNull()) {
                g.writeNull();
            } else if (n.isObject()) {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(e.getValue());
                }
                g.writeEndObject();
            } else if (n.isArray()) {
                g.writeStartArray();
                for (JsonNode e : n) {
                    write(e);
                }
                g.writeEndArray();
            } else if (n.isNumber()) {
                g.writeNumber(style.number(n.decimalValue(), n.isIntegralNumber()));
            } else if (n.isBoolean()) {
                g.writeBoolean(n.booleanValue());
            } else if (n instanceof POJONode p && p.getPojo() instanceof RawValue raw) {
                g.writeNumber(String.valueOf(raw.rawValue()));
            } else {
                g.writeString(n.asText());
            }
        }
    }

    private static String oneLine(SQLException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
    }
}
