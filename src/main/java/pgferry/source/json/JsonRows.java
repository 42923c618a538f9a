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
    /** The checks of the enclosing tables' records (index = chain level), for a child table; null otherwise. */
    private final Ancestor[] ancestors;
    private RecordStream stream;
    private FilePattern.Match file;
    private final Deque<Row> pending = new ArrayDeque<>();
    private final SqliteValue[] values;
    private Refusal refusal;
    private long ordinal;
    private final List<String> unknownScratch = new ArrayList<>();

    /**
     * A leaf element with what its columns may refer to; {@code shape} is why the element cannot be a row
     * (an object where the mapping expects an array...), or null.
     */
    private record Row(Object element, Object parent, long index, RecordStream.Record top, String shape) {
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
        this.ancestors = new Ancestor[chain.size() - 1];
        for (int level = 0; level < ancestors.length; level++) {
            ancestors[level] = new Ancestor(chain.get(level), store.mapping());
        }
    }

    /** A parent table's record checks, with every column of its mapping. */
    private static final class Ancestor {
        final Mapping.TableMapping table;
        final Mapping.ColumnMapping[] cols;
        final Expect[] expect;
        final KnownFields known;
        final SqliteValue[] scratch;

        Ancestor(Mapping.TableMapping table, Mapping mapping) {
            this.table = table;
            this.cols = table.columns().toArray(Mapping.ColumnMapping[]::new);
            this.expect = new Expect[cols.length];
            for (int i = 0; i < cols.length; i++) {
                expect[i] = expect(cols[i].type());
            }
            this.known = KnownFields.of(table, mapping);
            this.scratch = new SqliteValue[cols.length];
        }
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
            expand(r, r.value(), null, 1, 0, null);
            if (!pending.isEmpty()) {
                return true;
            }
        }
    }

    /**
     * Expands {@code element}, a record of {@code chain[level - 1]}, down to this table's rows. A record of
     * an enclosing table that the source refuses takes its rows in this table with it ({@code refused}):
     * a child row never loads without its parent.
     */
    private void expand(RecordStream.Record top, Object element, Object parent, int level, long index, String refused) {
        if (level == chain.size()) {
            pending.add(new Row(element, parent, index, top, refused));
            return;
        }
        if (refused == null) {
            Ancestor a = ancestors[level - 1];
            Refusal r = check(new Row(element, parent, index, top, null), a.table, a.cols, a.expect, a.known, a.scratch,
                    false);
            if (r != null) {
                refused = "its " + a.table.table() + " record is rejected (" + r.reason() + ")";
            }
        }
        Mapping.TableMapping child = chain.get(level);
        Object inner = JsonTree.at(element, JsonTree.path(child.records()));
        if (inner == null || inner == JsonTree.NULL) {
            return;
        }
        if (child.single() || inner instanceof List<?>) {
            if (inner instanceof List<?> list && !child.single()) {
                for (int i = 0; i < list.size(); i++) {
                    expand(top, list.get(i), element, level + 1, i, refused);
                }
            } else {
                expand(top, inner, element, level + 1, 0, refused);
            }
            return;
        }
        // the mapping expects an array of records here: one refused row stands for what is there instead,
        // so that the records of this table that the file does hold are still counted (and none silently dropped)
        String shape = "'" + child.records() + "' of the " + (level == 1 ? "" : "enclosing ") + chain.get(level - 1).table()
                + " record is " + JsonTree.kind(inner) + " where the mapping expects an array of " + child.table()
                + " records (for one object set \"single\": true on table " + child.table() + ")";
        if (level + 1 == chain.size()) {
            pending.add(new Row(inner, element, 0, top, refused != null ? refused : shape));
        }
    }

    private void compute(Row row) {
        if (row.shape() != null) {
            bestEffort(row);
            refusal = new Refusal(null, excerpt(JsonTree.write(row.element())),
                    where(row) + ": " + row.shape());
            return;
        }
        refusal = check(row, table, cols, expect, known, values, true);
        if (refusal != null) {
            bestEffort(row);
        }
    }

    /**
     * The source's checks of one record of {@code t} (the columns {@code cs}): fills {@code out} and returns
     * null, or returns why the record is refused. {@code report}: count unmapped fields for the report
     * (false when checking a parent record on behalf of its children, which the parent's own rows count).
     */
    private Refusal check(Row row, Mapping.TableMapping t, Mapping.ColumnMapping[] cs, Expect[] ex, KnownFields k,
                          SqliteValue[] out, boolean report) {
        java.util.Arrays.fill(out, SqliteValue.NULL);
        if (row.top().duplicate() != null) {
            JsonTree.Duplicate d = row.top().duplicate();
            return new Refusal(report ? columnOf(d) : null, null, where(row) + ": " + d.describe());
        }
        if (!(row.element() instanceof Map<?, ?>)) {
            return new Refusal(null, excerpt(JsonTree.write(row.element())), where(row) + ": the record is "
                    + JsonTree.kind(row.element()) + ", not an object");
        }
        if (t.unknownFields() != Mapping.UnknownFields.IGNORE) {
            List<String> unknown = unknownScratch;
            unknown.clear();
            k.collectUnknown(row.element(), unknown);
            for (String f : unknown) {
                if (t.unknownFields() == Mapping.UnknownFields.REJECT) {
                    return new Refusal(f, null, where(row) + ": unknown field " + f
                            + " (the mapping says unknownFields: reject; map it or list it in \"ignore\")");
                }
                if (report) {
                    store.unknownField(t.table(), f);
                }
            }
        }
        for (int i = 0; i < cs.length; i++) {
            Mapping.ColumnMapping c = cs[i];
            Object v = raw(row, c);
            if (v == null || v == JsonTree.NULL) {
                if (c.notNull()) {
                    return new Refusal(c.name(), null, where(row) + ": " + (v == null ? "missing required field "
                            : "null in required field ") + describe(c) + " (column " + c.name() + " is NOT NULL"
                            + (c.fallback() == null ? " without a default" : "") + ")");
                }
                out[i] = SqliteValue.NULL;
                continue;
            }
            SqliteValue sv = value(v, ex[i]);
            if (sv == null) {
                return new Refusal(c.name(), excerpt(JsonTree.write(v)), where(row) + ": " + JsonTree.kind(v)
                        + " where " + wanted(ex[i]) + " belongs (field " + describe(c) + ", column " + c.name()
                        + " " + c.type() + ")");
            }
            out[i] = sv;
        }
        return null;
    }

    /** The JSON value column {@code c} takes from {@code row} (its default when missing), or null. */
    private Object raw(Row row, Mapping.ColumnMapping c) {
        Object v = switch (c.from()) {
            case PATH -> JsonTree.at(row.element(), c.path());
            case PARENT -> JsonTree.at(row.parent(), c.path());
            case ROOT -> stream == null ? null : JsonTree.at(stream.wrapper(), c.path());
            case CAPTURE -> file.captures().get(c.ref());
            case CONST -> c.constant();
            case INDEX -> new JsonNumber(Long.toString(row.index()));
        };
        return v == null && c.fallback() != null ? c.fallback() : v;
    }

    /**
     * For a refused row: the values that can be read as they are (so that the rejects file names the row by
     * its key); the others stay NULL.
     */
    private void bestEffort(Row row) {
        for (int i = 0; i < cols.length; i++) {
            Object v = raw(row, cols[i]);
            SqliteValue sv = v == null || v == JsonTree.NULL ? null : value(v, expect[i]);
            values[i] = sv == null ? SqliteValue.NULL : sv;
        }
    }

    /** The column mapped to the repeated key's path, or null when none is (the key is in an unmapped part). */
    private String columnOf(JsonTree.Duplicate d) {
        if (chain.size() > 1) {
            return null;
        }
        String path = d.path().isEmpty() ? d.key() : d.path() + "." + d.key();
        for (Mapping.ColumnMapping c : cols) {
            if (c.from() == Mapping.From.PATH && (c.ref().equals(path) || path.startsWith(c.ref() + "."))) {
                return c.name();
            }
        }
        return null;
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
                if (k == null) {
                    out.add(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey());
                } else if (!k.all && e.getValue() instanceof Map<?, ?>) {
                    k.collect(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
                }
            }
        }
    }
}
