package pgferry.load;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import pgferry.source.SourceRows;
import pgferry.source.sqlite.SqliteValue;

/**
 * A {@link SourceRows} read ahead by its own thread: the reading thread steps the source (for SQLite,
 * the native calls that fetch every value) while the caller converts and encodes the rows before, so
 * the two run on different cores. Rows, their rowids and refusals arrive in the source's order,
 * unchanged; a failure of the source is thrown by {@link #next()} where the source threw it, after
 * every row read before it. Memory: at most {@value #QUEUED} batches of {@value #BATCH} rows or about 4 MB of values each.
 *
 * <p>The source is used by the reading thread only until {@link #close()}, which stops and joins that
 * thread before closing the source on the caller's thread (one thread at a time, as sources require).
 */
final class PrefetchedRows implements SourceRows {

    static final int BATCH = 512;
    static final int QUEUED = 4;
    /** A batch is handed over early once its values hold about this many bytes (wide rows: jsonb, blobs). */
    static final long BATCH_BYTES = 4L << 20;

    /** One batch: rows [0, size), then maybe the source's failure or its end. */
    private static final class Batch {
        final SqliteValue[][] values = new SqliteValue[BATCH][];
        final long[] rowids = new long[BATCH];
        final Refusal[] refusals = new Refusal[BATCH];
        int size;
        RuntimeException failure;
        Error error;
        boolean last;
    }

    private final SourceRows source;
    private final int columns;
    private final boolean hasRowid;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread reader;
    private volatile boolean stop;
    private Batch current;
    private int at = -1;
    private boolean done;

    PrefetchedRows(SourceRows source, int columns, String name) {
        this.source = source;
        this.columns = columns;
        this.hasRowid = source.hasRowid();
        this.reader = new Thread(this::read, "pgferry-read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        Batch b = new Batch();
        long bytes = 0;
        try {
            while (!stop) {
                if (!source.next()) {
                    b.last = true;
                    break;
                }
                SqliteValue[] row = new SqliteValue[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = source.value(i);
                    bytes += row[i].heapEstimate();
                }
                b.values[b.size] = row;
                b.rowids[b.size] = hasRowid ? source.rowid() : 0;
                b.refusals[b.size] = source.refusal();
                if (++b.size == BATCH || bytes >= BATCH_BYTES) {
                    if (!offer(b)) {
                        return;
                    }
                    b = new Batch();
                    bytes = 0;
                }
            }
        } catch (RuntimeException e) {
            b.failure = e;
        } catch (Error e) {
            b.error = e;
        }
        b.last = true;
        offer(b);
    }

    /** Hands a batch over; false when the reader was told to stop. */
    private boolean offer(Batch b) {
        try {
            while (!queue.offer(b, 20, TimeUnit.MILLISECONDS)) {
                if (stop) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public boolean next() {
        if (done) {
            return false;
        }
        while (current == null || at + 1 >= current.size) {
            if (current != null && current.last) {
                done = true;
                if (current.failure != null) {
                    throw current.failure;
                }
                if (current.error != null) {
                    throw current.error;
                }
                return false;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the source", e);
            }
            at = -1;
        }
        at++;
        return true;
    }

    @Override
    public SqliteValue value(int i) {
        return current.values[at][i];
    }

    @Override
    public boolean hasRowid() {
        return hasRowid;
    }

    @Override
    public long rowid() {
        return current.rowids[at];
    }

    @Override
    public Refusal refusal() {
        return current.refusals[at];
    }

    @Override
    public void close() {
        stop = true;
        queue.clear();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }
}
