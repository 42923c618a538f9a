package pgferry.source.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pgferry.catalog.Column;
import pgferry.source.SourceRows;
import pgferry.source.sqlite.SqliteValue;

/**
 * The rows of one mapped table: the records of every file its pattern matches (sorted by path), or for a
 * child table the elements of an array (or the object) inside each parent record, in file order. Each row's
 * {@link #rowid()} is its 1-based ordinal in this stream. A record is refused (with a reason, before any
 * conversion) when it repeats a key, is not an object, misses a required field, holds a field of the wrong
 * JSON kind for its column (a string where a number belongs...), or holds an unmapped field under the
 * "reject" policy.
 */
public final class JsonRows implements SourceRows {

    /** What JSON kind a column takes, from its declared type. */
    enum Expect { NUMBER, BOOLEAN, STRING, ANY, STRING_ARRAY }

    private final JsonStore store;
    private final Mapping.TableMapping table;
    private final List<Mapping.TableMapping> chain;
    private final Mapping.ColumnMapping[] cols;
    private final Expect[] expect;
    private final Iterator<FilePattern.Match> files;
    private final KnownFields known;
    private final KnownFields wrapperKnown;
    private RecordStream stream;
    private FilePattern.Match file;
    private final Deque<Row> pending = new ArrayDeque<>();
    private final SqliteValue[] values;
    private Refusal refusal;
    private long ordinal;

    /** A leaf element with what its columns may refer to. */
    private record Row(Object element, Object parent, long index, RecordStream.Record top) {
    }

    JsonRows(JsonStore store, Mapping.TableMapping table, List<Column> columns) {
        this.store = store;
        this.table = table;
        this.chain = store.mapping().chain(table);
        this.cols = new Mapping.ColumnMapping[columns.size()];
        this.expect = new Expect[columns.size()];
        for (int i = 0; i < cols.length; i++) {
            String name = columns.get(i).name();
            cols[i] = table.column(name).orElseThrow(() -> new IllegalArgumentException("no column " + name));
            expect[i] = expect(cols[i].type());
        }
        this.values = new SqliteValue[cols.length];
        Mapping.TableMapping top = chain.get(0);
        this.files = new FilePattern(top.file()).files(store.dir()).iterator();
        this.known = KnownFields.of(table, store.mapping());
        this.wrapperKnown = table == top ? KnownFields.wrapper(store.mapping(), top) : null;
    }

    static Expect expect(String type) {
        String t = type.toLowerCase(Locale.ROOT).trim();
        if (t.endsWith("[]")) {
            return Expect.STRING_ARRAY;
        }
        if (t.startsWith("json")) {
            return Expect.ANY;
        }
        if (t.startsWith("bool")) {
            return Expect.BOOLEAN;
        }
        if (t.startsWith("numeric") || t.startsWith("decimal") || t.startsWith("int") || t.startsWith("bigint")
                || t.startsWith("smallint") || t.startsWith("real") || t.startsWith("double") || t.startsWith("float")) {
            return Expect.NUMBER;
        }
        return Expect.STRING;
    }

    @Override
    public boolean next() {
        Row row;
        while ((row = pending.poll()) == null) {
            if (!fill()) {
                return false;
            }
        }
        ordinal++;
        compute(row);
        return true;
    }

    /** Reads the next top-level record and expands it down the chain into {@link #pending}; false at the end. */
    private boolean fill() {
        while (true) {
            if (stream == null) {
                if (!files.hasNext()) {
                    return false;
                }
                file = files.next();
                Mapping.TableMapping top = chain.get(0);
                stream = new RecordStream(file.file(), file.relative(), top.records(), top.single());
            }
            RecordStream.Record r = stream.next();
            if (r == null) {
                if (wrapperKnown != null) {
                    for (String f : stream.wrapper().keySet()) {
                        if (!wrapperKnown.knows(List.of(f))) {
                            store.unknownField(table.table(), file.relative() + ": " + f);
                        }
                    }
                }
                stream.close();
                stream = null;
                continue;
            }
            expand(r, r.value(), null, 1, 0);
            if (!pending.isEmpty()) {
                return true;
            }
        }
    }

    private void expand(RecordStream.Record top, Object element, Object parent, int level, long index) {
        if (level == chain.size()) {
            pending.add(new Row(element, parent, index, top));
            return;
        }
        Mapping.TableMapping child = chain.get(level);
        Object inner = JsonTree.at(element, JsonTree.path(child.records()));
        if (inner == null || inner == JsonTree.NULL) {
            return;
        }
        if (inner instanceof List<?> list && !child.single()) {
            for (int i = 0; i < list.size(); i++) {
                expand(top, list.get(i), element, level + 1, i);
            }
        } else {
            expand(top, inner, element, level + 1, 0);
        }
    }

    private void compute(Row row) {
        refusal = null;
        for (int i = 0; i < values.length; i++) {
            values[i] = SqliteValue.NULL;
        }
        if (row.top().duplicate() != null) {
            refusal = new Refusal(null, null, where(row) + ": " + row.top().duplicate().describe());
            return;
        }
        if (!(row.element() instanceof Map<?, ?>)) {
            refusal = new Refusal(null, JsonTree.write(row.element()), where(row) + ": the record is "
                    + JsonTree.kind(row.element()) + ", not an object");
            return;
        }
        if (table.unknownFields() != Mapping.UnknownFields.IGNORE) {
            List<String> unknown = new ArrayList<>();
            known.collectUnknown(row.element(), unknown);
            for (String f : unknown) {
                if (table.unknownFields() == Mapping.UnknownFields.REJECT) {
                    refusal = new Refusal(f, null, where(row) + ": unknown field " + f
                            + " (the mapping says unknownFields: reject; map it or list it in \"ignore\")");
                    return;
                }
                store.unknownField(table.table(), f);
            }
        }
        for (int i = 0; i < cols.length; i++) {
            Mapping.ColumnMapping c = cols[i];
            Object v = switch (c.from()) {
                case PATH -> JsonTree.at(row.element(), c.path());
                case PARENT -> JsonTree.at(row.parent(), c.path());
                case ROOT -> stream == null ? null : JsonTree.at(stream.wrapper(), c.path());
                case CAPTURE -> file.captures().get(c.ref());
                case CONST -> c.constant();
                case INDEX -> new JsonNumber(Long.toString(row.index()));
            };
            if (v == null && c.fallback() != null) {
                v = c.fallback();
            }
            if (v == null || v == JsonTree.NULL) {
                if (c.notNull()) {
                    refusal = new Refusal(c.name(), null, where(row) + ": " + (v == null ? "missing required field "
                            : "null in required field ") + describe(c) + " (column " + c.name() + " is NOT NULL"
                            + (c.fallback() == null ? " without a default" : "") + ")");
                    return;
                }
                values[i] = SqliteValue.NULL;
                continue;
            }
            SqliteValue sv = value(v, expect[i]);
            if (sv == null) {
                refusal = new Refusal(c.name(), excerpt(JsonTree.write(v)), where(row) + ": " + JsonTree.kind(v)
                        + " where " + wanted(expect[i]) + " belongs (field " + describe(c) + ", column " + c.name()
                        + " " + c.type() + ")");
                return;
            }
            values[i] = sv;
        }
    }

    private static SqliteValue value(Object v, Expect e) {
        return switch (e) {
            case NUMBER -> v instanceof JsonNumber n ? SqliteValue.ofText(n.text()) : null;
            case BOOLEAN -> v instanceof Boolean b ? SqliteValue.ofInteger(b ? 1 : 0) : null;
            case STRING -> v instanceof String s ? SqliteValue.ofText(s) : null;
            case STRING_ARRAY -> v instanceof List<?> ? SqliteValue.ofText(JsonTree.write(v)) : null;
            case ANY -> SqliteValue.ofText(JsonTree.write(v));
        };
    }

    private static String wanted(Expect e) {
        return switch (e) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case STRING_ARRAY -> "an array of strings";
            case ANY -> "a JSON value";
        };
    }

    private static String describe(Mapping.ColumnMapping c) {
        return switch (c.from()) {
            case PATH -> "'" + (c.ref().isEmpty() ? "$" : c.ref()) + "'";
            case PARENT -> "'" + c.ref() + "' of the parent record";
            case ROOT -> "'" + c.ref() + "' of the file's top-level object";
            case CAPTURE -> "{" + c.ref() + "} of the file name";
            case CONST -> "(constant)";
            case INDEX -> "(array index)";
        };
    }

    private static String excerpt(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private String where(Row row) {
        return file.relative() + " record at line " + row.top().line();
    }

    @Override
    public SqliteValue value(int i) {
        return values[i];
    }

    @Override
    public boolean hasRowid() {
        return true;
    }

    @Override
    public long rowid() {
        return ordinal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** The record paths a table mapping knows (columns, ignore, child records), as a tree. */
    static final class KnownFields {
        /** null value: everything below is known. */
        private final Map<String, KnownFields> children = new HashMap<>();
        private boolean all;

        static KnownFields of(Mapping.TableMapping t, Mapping mapping) {
            KnownFields k = new KnownFields();
            for (Mapping.ColumnMapping c : t.columns()) {
                if (c.from() == Mapping.From.PATH) {
                    k.add(c.path());
                }
            }
            t.ignore().forEach(p -> k.add(JsonTree.path(p)));
            for (Mapping.TableMapping other : mapping.tables()) {
                if (t.table().equals(other.parent())) {
                    k.add(JsonTree.path(other.records()));
                }
            }
            // columns of children that read a field of this record
            for (Mapping.TableMapping other : mapping.tables()) {
                if (t.table().equals(other.parent())) {
                    other.columns().stream().filter(c -> c.from() == Mapping.From.PARENT).forEach(c -> k.add(c.path()));
                }
            }
            return k;
        }

        static KnownFields wrapper(Mapping mapping, Mapping.TableMapping top) {
            KnownFields k = new KnownFields();
            for (Mapping.TableMapping t : mapping.tables()) {
                if (top.file().equals(t.file())) {
                    if (!t.records().isEmpty()) {
                        k.add(JsonTree.path(t.records()));
                    }
                    t.columns().stream().filter(c -> c.from() == Mapping.From.ROOT).forEach(c -> k.add(c.path()));
                    t.counts().forEach(c -> k.add(JsonTree.path(c)));
                    t.ignore().stream().filter(p -> p.startsWith("$root.")).forEach(p -> k.add(JsonTree.path(p.substring(6))));
                }
            }
            return k;
        }

        private void add(List<String> path) {
            KnownFields k = this;
            for (String step : path) {
                if (k.all) {
                    return;
                }
                k = k.children.computeIfAbsent(step, s -> new KnownFields());
            }
            k.all = true;
            k.children.clear();
        }

        boolean knows(List<String> path) {
            KnownFields k = this;
            for (String step : path) {
                if (k.all) {
                    return true;
                }
                k = k.children.get(step);
                if (k == null) {
                    return false;
                }
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        void collectUnknown(Object value, List<String> out) {
            collect(value, "", out);
        }

        @SuppressWarnings("unchecked")
        private void collect(Object value, String prefix, List<String> out) {
            if (all || !(value instanceof Map<?, ?> m)) {
                return;
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                KnownFields k = children.get(e.getKey());
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (k == null) {
                    out.add(p);
                } else {
                    k.collect(e.getValue(), p, out);
                }
            }
        }
    }
}
