package pgferry.source;

import java.util.List;
import pgferry.catalog.Column;
import pgferry.catalog.Table;

/**
 * What the load and verify stages need from a source, whatever it is (a SQLite file, a JSON-file store
 * read through a mapping): the rows of a catalog table, streamed in a fixed order, as raw values the
 * plan's converters accept. One instance per worker thread; not thread-safe.
 */
public interface RowSource extends AutoCloseable {

    /** Opens a fresh source (one per worker). */
    @FunctionalInterface
    interface Opener {
        RowSource open();
    }

    /** Number of rows the table has now, or -1 when it is not known without reading them. */
    long rowCount(Table table);

    /** Streams the given columns of the table, always in the same order, in constant memory. */
    SourceRows rows(Table table, List<Column> columns);

    @Override
    void close();
}
