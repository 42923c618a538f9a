package pgferry.source.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pgferry.UserError;

/**
 * A mapping file: which JSON files feed which tables, where the records are, and which field feeds which
 * column. The format (JSON) is documented in the README; in short:
 * <pre>{@code
 * {
 *   "unknownFields": "report",                        // report | ignore | reject (default report)
 *   "tables": [
 *     {"table": "trades", "file": "trades/paper_trades.json", "key": ["trade_id"], "order": ["id"],
 *      "columns": {
 *        "trade_id":   {"path": "trade_id", "type": "varchar(255)", "notNull": true},
 *        "amount":     "numeric(15,2)",               // shorthand: path = column name
 *        "is_filtered":{"const": true, "type": "boolean"},
 *        "archive_month": {"capture": "month", "type": "varchar(7)"},  // from "history/signals_archive_{month}.json"
 *        "market_data": {"path": "$", "type": "jsonb"} // the whole record
 *      }},
 *     {"table": "contract_competitors", "parent": "contracts", "records": "competitors",
 *      "columns": {"contract_id": {"parent": "id", "type": "uuid"}, "position": {"index": true, "type": "integer"}, ...}}
 *   ]
 * }
 * }</pre>
 * Every mistake in the file is a {@link UserError} naming the file, the table and the column.
 *
 * @param file          the mapping file (for messages)
 * @param unknownFields the default policy for fields no column maps
 * @param tables        the table mappings in load order (parents before children)
 */
public record Mapping(Path file, UnknownFields unknownFields, List<TableMapping> tables) {

    /** What to do with a record field that no column maps. */
    public enum UnknownFields { REPORT, IGNORE, REJECT }

    /** Where a column's value comes from. */
    public enum From { PATH, CONST, CAPTURE, PARENT, ROOT, INDEX }

    /**
     * One column.
     *
     * @param name    the target column
     * @param from    where its value comes from
     * @param ref     the field path (PATH, PARENT: a field of the parent record, ROOT: a field of the file's
     *                wrapper object), the capture name (CAPTURE), or null
     * @param constant the constant (CONST), as a {@link JsonTree} value
     * @param type    the PostgreSQL type as written ("numeric(15,2)")
     * @param notNull NOT NULL: a missing or null value rejects the row unless {@code fallback} is set
     * @param fallback the value used when the field is missing ({@link JsonTree} value), or null
     * @param omitWhenNull export-json leaves the field out when the column is NULL (the files omit it)
     * @param format  how export-json writes a time ("python", "javascript", "iso") or a number
     *                ("python", "javascript", "plain"), or null for the mapping's default
     */
    public record ColumnMapping(String name, From from, String ref, Object constant, String type, boolean notNull,
                                Object fallback, boolean omitWhenNull, String format) {

        public List<String> path() {
            return JsonTree.path(ref);
        }
    }

    /**
     * One table.
     *
     * @param table     target table name
     * @param file      file pattern relative to the store directory ({name} captures part of the file name);
     *                  null for a child table
     * @param parent    the table mapping whose records hold this table's records, or null
     * @param records   where the records are: for a file, the path of the array inside the top-level object
     *                  ("" = the top level itself); for a child, the path inside the parent's record
     * @param single    the records path holds ONE object (one row) instead of an array
     * @param key       columns that identify a row (verify, rejects, export); may be empty
     * @param order     columns export-json orders rows by (default: the key)
     * @param unknownFields policy for unmapped fields
     * @param ignore    record paths known and deliberately not mapped
     * @param counts    fields of the file's wrapper object that hold the number of records (export writes them)
     * @param export    false when another mapping of the same file writes it back (export-json)
     * @param columns   columns in table order
     */
    public record TableMapping(String table, String file, String parent, String records, boolean single,
                               List<String> key, List<String> order, UnknownFields unknownFields, List<String> ignore,
                               List<String> counts, boolean export, List<ColumnMapping> columns) {

        public Optional<ColumnMapping> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    public Optional<TableMapping> table(String name) {
        return tables.stream().filter(t -> t.table().equalsIgnoreCase(name)).findFirst();
    }

    /** The chain of mappings from the file's top-level mapping down to {@code t}. */
    public List<TableMapping> chain(TableMapping t) {
        List<TableMapping> chain = new ArrayList<>();
        for (TableMapping m = t; m != null; m = m.parent() == null ? null : table(m.parent()).orElseThrow()) {
            chain.add(0, m);
        }
        return chain;
    }

    /** Reads a mapping file. */
    public static Mapping load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError("mapping file " + file + " does not exist: check the --mapping path");
        } catch (IOException e) {
            throw new UserError("cannot read mapping file " + file + ": " + e.getMessage());
        }
        return parse(file, bytes);
    }

    /** Reads a mapping shipped on the class path, e.g. pgferry/systems/prescient/mapping.json. */
    public static Mapping resource(String name) {
        try (InputStream in = Mapping.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new UserError("no mapping " + name + " on the class path");
            }
            return parse(Path.of(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UserError("cannot read mapping " + name + ": " + e.getMessage());
        }
    }

    static Mapping parse(Path file, byte[] bytes) {
        ObjectMapper om = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
        JsonNode root;
        try {
            root = om.readTree(bytes);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            String at = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp && jp.getLocation() != null
                    ? " at line " + jp.getLocation().getLineNr() + ", column " + jp.getLocation().getColumnNr() : "";
            throw new UserError("mapping file " + file + " is not valid JSON" + at + ": " + m);
        }
        String where = "mapping file " + file;
        if (root == null || !root.isObject()) {
            throw new UserError(where + " must hold a JSON object {\"tables\": [...]}");
        }
        UnknownFields dflt = policy(root.get("unknownFields"), UnknownFields.REPORT, where);
        JsonNode tables = root.get("tables");
        if (tables == null || !tables.isArray() || tables.isEmpty()) {
            throw new UserError(where + ": \"tables\" must be a non-empty array of table mappings");
        }
        checkKeys(root, Set.of("unknownFields", "tables", "description"), where);
        List<TableMapping> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode t : tables) {
            TableMapping tm = table(t, dflt, where);
            if (!names.add(tm.table().toLowerCase(Locale.ROOT))) {
                throw new UserError(where + ": table " + tm.table() + " is mapped twice; map each table once");
            }
            if (tm.parent() != null && !names.contains(tm.parent().toLowerCase(Locale.ROOT))) {
                throw new UserError(where + ", table " + tm.table() + ": parent " + tm.parent()
                        + " must be mapped before it (list parents first)");
            }
            out.add(tm);
        }
        return new Mapping(file, dflt, out);
    }

    private static TableMapping table(JsonNode t, UnknownFields dflt, String where) {
        if (!t.isObject() || !t.hasNonNull("table") || !t.get("table").isTextual()) {
            throw new UserError(where + ": every entry of \"tables\" needs \"table\": \"NAME\"");
        }
        String name = t.get("table").asText();
        String w = where + ", table " + name;
        checkKeys(t, Set.of("table", "file", "parent", "records", "single", "key", "order", "unknownFields", "ignore",
                "counts", "export", "columns", "description"), w);
        String file = text(t, "file", w);
        String parent = text(t, "parent", w);
        if ((file == null) == (parent == null)) {
            throw new UserError(w + ": give exactly one of \"file\" (a file or pattern under DIR) or \"parent\" (a mapped table)");
        }
        String records = text(t, "records", w);
        if (parent != null && (records == null || records.isEmpty() || records.equals("$"))) {
            throw new UserError(w + ": a child table needs \"records\": the path of its array (or object) in the parent's record");
        }
        if (file != null && (file.startsWith("/") || file.contains(".."))) {
            throw new UserError(w + ": \"file\" must be relative to the store directory, without '..'");
        }
        JsonNode cols = t.get("columns");
        if (cols == null || !cols.isObject() || cols.isEmpty()) {
            throw new UserError(w + ": \"columns\" must be an object of column: spec");
        }
        List<ColumnMapping> columns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cols.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            columns.add(column(e.getKey(), e.getValue(), w, file));
        }
        List<String> key = list(t, "key", w);
        List<String> order = list(t, "order", w);
        for (String k : key) {
            if (columns.stream().noneMatch(c -> c.name().equals(k))) {
                throw new UserError(w + ": key column " + k + " is not among its columns");
            }
        }
        boolean single = t.has("single") && t.get("single").asBoolean();
        boolean export = !t.has("export") || t.get("export").asBoolean();
        return new TableMapping(name, file, parent, records == null ? "" : records, single, key,
                order.isEmpty() ? key : order, policy(t.get("unknownFields"), dflt, w), list(t, "ignore", w),
                list(t, "counts", w), export, columns);
    }

    private static ColumnMapping column(String name, JsonNode spec, String where, String file) {
        String w = where + ", column " + name;
        if (spec.isTextual()) {
            return new ColumnMapping(name, From.PATH, name, null, type(spec.asText(), w), false, null, false, null);
        }
        if (!spec.isObject()) {
            throw new UserError(w + ": give a type (\"numeric(15,2)\") or an object {\"path\": ..., \"type\": ...}");
        }
        checkKeys(spec, Set.of("path", "const", "capture", "parent", "root", "index", "type", "notNull", "default",
                "omitWhenNull", "format", "description"), w);
        List<String> sources = new ArrayList<>();
        for (String k : List.of("path", "const", "capture", "parent", "root", "index")) {
            if (spec.has(k)) {
                sources.add(k);
            }
        }
        if (sources.size() > 1) {
            throw new UserError(w + ": give one of path, const, capture, parent, root, index (got " + sources + ")");
        }
        String src = sources.isEmpty() ? "path" : sources.get(0);
        From from = From.valueOf(src.toUpperCase(Locale.ROOT));
        String ref = null;
        Object constant = null;
        switch (from) {
            case PATH -> ref = spec.has("path") ? textValue(spec.get("path"), w + ", path") : name;
            case PARENT -> ref = textValue(spec.get("parent"), w + ", parent");
            case ROOT -> ref = textValue(spec.get("root"), w + ", root");
            case CAPTURE -> {
                ref = textValue(spec.get("capture"), w + ", capture");
                if (file == null) {
                    throw new UserError(w + ": capture is for a table read from a file; a child table takes the value from its parent");
                }
                if (!file.contains("{" + ref + "}")) {
                    throw new UserError(w + ": the file pattern " + file + " has no {" + ref + "} to capture");
                }
            }
            case CONST -> constant = tree(spec.get("const"));
            case INDEX -> {
                if (!spec.get("index").asBoolean()) {
                    throw new UserError(w + ": \"index\": true is the only form");
                }
            }
        }
        if (!spec.hasNonNull("type")) {
            throw new UserError(w + ": needs \"type\" (the PostgreSQL type, e.g. \"numeric(15,2)\")");
        }
        String type = type(spec.get("type").asText(), w);
        boolean notNull = spec.has("notNull") && spec.get("notNull").asBoolean();
        Object fallback = spec.has("default") ? tree(spec.get("default")) : null;
        boolean omit = spec.has("omitWhenNull") && spec.get("omitWhenNull").asBoolean();
        String format = spec.hasNonNull("format") ? spec.get("format").asText() : null;
        if (format != null && !Set.of("python", "javascript", "iso", "plain").contains(format)) {
            throw new UserError(w + ": format must be python, javascript, iso or plain, not " + format);
        }
        return new ColumnMapping(name, from, ref, constant, type, notNull, fallback, omit, format);
    }

    private static String type(String type, String w) {
        if (type == null || type.isBlank()) {
            throw new UserError(w + ": the type is empty");
        }
        return type.trim();
    }

    /** A Jackson node as a {@link JsonTree} value (numbers keep their text). */
    static Object tree(JsonNode n) {
        if (n == null || n.isNull()) {
            return JsonTree.NULL;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return new JsonNumber(n.decimalValue().toString());
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(tree(x)));
            return l;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), tree(e.getValue())));
        return m;
    }

    private static UnknownFields policy(JsonNode n, UnknownFields dflt, String w) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        try {
            return UnknownFields.valueOf(n.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(w + ": unknownFields must be report, ignore or reject, not " + n.asText());
        }
    }

    private static String text(JsonNode t, String field, String w) {
        JsonNode n = t.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return textValue(n, w + ", " + field);
    }

    private static String textValue(JsonNode n, String w) {
        if (n == null || !n.isTextual()) {
            throw new UserError(w + ": must be a string");
        }
        return n.asText();
    }

    private static List<String> list(JsonNode t, String field, String w) {
        JsonNode n = t.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isTextual()) {
            return List.of(n.asText());
        }
        if (!n.isArray()) {
            throw new UserError(w + ": \"" + field + "\" must be an array of names");
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }

    private static void checkKeys(JsonNode n, Set<String> allowed, String w) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new UserError(w + ": unknown setting \"" + k + "\" (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
