package pgferry.source.json;

import java.util.List;
import pgferry.catalog.Column;
import pgferry.catalog.Table;
import pgferry.source.RowSource;
import pgferry.source.SourceRows;

/** One reader over a {@link JsonStore} (one per worker; not thread-safe). */
public final class JsonSource implements RowSource {

    private final JsonStore store;

    JsonSource(JsonStore store) {
        this.store = store;
    }

    /** Unknown without reading the files: -1 (progress then shows rows and rows/s without an ETA). */
    @Override
    public long rowCount(Table table) {
        return -1;
    }

    @Override
    public SourceRows rows(Table table, List<Column> columns) {
        Mapping.TableMapping t = store.mapping().table(table.name())
                .orElseThrow(() -> new IllegalArgumentException("no mapping for table " + table.name()));
        // files are parsed on a thread of their own, a few bounded batches ahead of the load
        return new ReadAheadRows(new JsonRows(store, t, columns), columns.size(), t.table());
    }

    @Override
    public void close() {
        // each JsonRows closes its own file
    }
}
