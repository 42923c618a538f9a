package pgferry.source.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import pgferry.UserError;
import pgferry.catalog.Catalog;
import pgferry.catalog.Column;
import pgferry.catalog.ForeignKey;
import pgferry.catalog.Key;
import pgferry.catalog.Table;
import pgferry.source.RowSource;

/**
 * A JSON-file store read through a {@link Mapping}: the directory, its catalog (one table per table
 * mapping, columns with the mapping's declared types, keys, and a foreign key from each child table to
 * its parent), and the fields no column maps (counted while reading, for the report). Thread-safe;
 * {@link #open()} gives one {@link RowSource} per worker.
 */
public final class JsonStore implements RowSource.Opener {

    private final Path dir;
    private final Mapping mapping;
    private final Catalog catalog;
    /** table -> field path -> records holding it. */
    private final Map<String, Map<String, LongAdder>> unknown = new ConcurrentHashMap<>();

    private JsonStore(Path dir, Mapping mapping) {
        this.dir = dir;
        this.mapping = mapping;
        this.catalog = buildCatalog(mapping);
    }

    /** A store directory (or the directory of one .json file) with its mapping. */
    public static JsonStore open(Path dirOrFile, Mapping mapping) {
        Path d = dirOrFile.toAbsolutePath().normalize();
        if (!Files.exists(d)) {
            throw new UserError("JSON store " + d + " does not exist: check the json:DIR path");
        }
        if (Files.isRegularFile(d)) {
            d = d.getParent();
        }
        JsonStore store = new JsonStore(d, mapping);
        store.checkRoot();
        return store;
    }

    /**
     * Refuses a directory that holds files but none the mapping names: almost always json:DIR one level
     * too high or too low, which would otherwise "migrate" every table empty.
     */
    private void checkRoot() {
        List<FilePattern> patterns = mapping.tables().stream().filter(t -> t.file() != null)
                .map(t -> new FilePattern(t.file())).toList();
        List<String> files = FilePattern.relativeFiles(dir);
        if (patterns.isEmpty() || files.isEmpty()
                || files.stream().anyMatch(f -> patterns.stream().anyMatch(p -> p.match(f) != null))) {
            return;
        }
        String hint = "";
        search:
        for (String f : files) {
            for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
                String rest = f.substring(i + 1);
                if (patterns.stream().anyMatch(p -> p.match(rest) != null)) {
                    hint = "; did you mean json:" + dir.resolve(f.substring(0, i)) + " ?";
                    break search;
                }
            }
        }
        throw new UserError("no file named by mapping " + mapping.file() + " is in " + dir + " (it holds " + files.size()
                + " other files, e.g. " + files.get(0) + "); the mapping's file paths are relative to json:DIR" + hint);
    }

    public Path dir() {
        return dir;
    }

    public Mapping mapping() {
        return mapping;
    }

    public Catalog catalog() {
        return catalog;
    }

    @Override
    public JsonSource open() {
        return new JsonSource(this);
    }

    void unknownField(String table, String path) {
        unknown.computeIfAbsent(table, k -> new ConcurrentHashMap<>()).computeIfAbsent(path, k -> new LongAdder())
                .increment();
    }

    /** Fields no column maps, per table: "table: field (N records)" lines, sorted. */
    public List<String> unknownFieldReport() {
        List<String> out = new ArrayList<>();
        new TreeMap<>(unknown).forEach((table, fields) -> new TreeMap<>(fields).forEach((f, n) ->
                out.add("unmapped field " + f + " in the records of " + table + " (" + n.sum()
                        + " records): not migrated; map it to a column, or list it in \"ignore\"")));
        return out;
    }

    /** Files under the directory that no table mapping reads. */
    public List<String> unmappedFiles() {
        List<FilePattern> patterns = mapping.tables().stream().filter(t -> t.file() != null)
                .map(t -> new FilePattern(t.file())).toList();
        List<String> out = new ArrayList<>();
        for (String rel : FilePattern.relativeFiles(dir)) {
            if (patterns.stream().noneMatch(p -> p.match(rel) != null)) {
                out.add(rel);
            }
        }
        return out;
    }

    /** Warnings for the plan: unmapped files, patterns matching nothing. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (String f : unmappedFiles()) {
            out.add("file " + f + " is not read by any table of mapping " + mapping.file() + ": its data is not migrated");
        }
        for (Mapping.TableMapping t : mapping.tables()) {
            if (t.file() != null && new FilePattern(t.file()).files(dir).isEmpty()) {
                out.add("no file matches " + t.file() + " (table " + t.table() + "): the table gets no rows");
            }
        }
        return out;
    }

    private static Catalog buildCatalog(Mapping mapping) {
        List<Table> tables = new ArrayList<>();
        for (Mapping.TableMapping t : mapping.tables()) {
            List<Column> cols = new ArrayList<>();
            int pos = 0;
            for (Mapping.ColumnMapping c : t.columns()) {
                int pk = t.key().indexOf(c.name()) + 1;
                cols.add(new Column(c.name(), c.type(), null, c.notNull() || pk > 0, null, pos++, pk, null, false));
            }
            List<ForeignKey> fks = new ArrayList<>();
            if (t.parent() != null) {
                Mapping.TableMapping parent = mapping.table(t.parent()).orElseThrow();
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                for (Mapping.ColumnMapping c : t.columns()) {
                    if (c.from() == Mapping.From.PARENT) {
                        Optional<Mapping.ColumnMapping> ref = parent.columns().stream()
                                .filter(p -> p.from() == Mapping.From.PATH && p.ref().equals(c.ref())).findFirst();
                        if (ref.isPresent()) {
                            from.add(c.name());
                            to.add(ref.get().name());
                        }
                    }
                }
                if (!from.isEmpty() && parent.key().equals(to)) {
                    fks.add(new ForeignKey(null, from, parent.table(), to, ForeignKey.Action.CASCADE, null, false, false));
                }
            }
            Key pk = t.key().isEmpty() ? null : new Key(null, t.key());
            tables.add(new Table(t.table(), cols, pk, List.of(), List.of(), fks, List.of(), false, true, null));
        }
        return new Catalog(tables, List.of(), List.of());
    }

    /** Map of table name to its mapping (insertion order = mapping order). */
    Map<String, Mapping.TableMapping> byTable() {
        Map<String, Mapping.TableMapping> m = new LinkedHashMap<>();
        mapping.tables().forEach(t -> m.put(t.table(), t));
        return m;
    }
}
