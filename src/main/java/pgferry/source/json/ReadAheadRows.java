package pgferry.source.json;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import pgferry.source.SourceRows;
import pgferry.source.sqlite.SqliteValue;

/**
 * Reads a table's JSON rows on a thread of their own, a few batches ahead of the consumer, so that
 * parsing the files overlaps with converting and sending the previous rows (the load's COPY, or verify's
 * checksums). Memory stays bounded: at most {@value #QUEUE} batches wait, each of at most
 * {@value #MAX_ROWS} rows or about {@value #MAX_CHARS} characters of text (one huge record makes a batch of
 * its own). The rows, their order, their refusals and the errors (a malformed file...) are exactly those of
 * the wrapped reader; an error is raised in the consumer after the rows read before it.
 */
final class ReadAheadRows implements SourceRows {

    static final int MAX_ROWS = 512;
    static final long MAX_CHARS = 1L << 21;
    static final int QUEUE = 4;

    /** One row as the wrapped reader gave it. */
    private record Item(SqliteValue[] values, long rowid, Refusal refusal) {
    }

    /** The end of the rows (identity matters). */
    private static final List<Item> END = new ArrayList<>();

    private final SourceRows inner;
    private final int width;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean closed;
    private List<Item> batch = List.of();
    private int pos;
    private Item current;
    private boolean done;

    @Override
    public boolean readsAhead() {
        return true;
    }

    ReadAheadRows(SourceRows inner, int width, String table) {
        this.inner = inner;
        this.width = width;
        this.thread = new Thread(this::produce, "pgferry-json-read-" + table);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        List<Item> b = new ArrayList<>();
        try {
            long chars = 0;
            while (!closed && inner.next()) {
                SqliteValue[] v = new SqliteValue[width];
                for (int i = 0; i < width; i++) {
                    v[i] = inner.value(i);
                    if (v[i].storageClass() == pgferry.source.sqlite.StorageClass.TEXT) {
                        chars += v[i].textOrNull().length();
                    }
                }
                b.add(new Item(v, inner.rowid(), inner.refusal()));
                if (b.size() >= MAX_ROWS || chars >= MAX_CHARS) {
                    put(b);
                    b = new ArrayList<>();
                    chars = 0;
                }
            }
            if (!b.isEmpty()) {
                put(b);
            }
            put(END);
        } catch (Throwable e) {
            try {
                if (!b.isEmpty()) {
                    put(b); // the rows read before the error come first
                }
                put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        } finally {
            inner.close();
        }
    }

    /** Hands {@code o} to the consumer; gives up when the consumer has closed the rows. */
    private void put(Object o) throws InterruptedException {
        while (!closed) {
            if (queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean next() {
        while (pos >= batch.size()) {
            if (done) {
                return false;
            }
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading JSON rows", e);
            }
            if (o == END) {
                done = true;
                current = null;
                return false;
            }
            if (o instanceof Throwable t) {
                done = true;
                current = null;
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(t);
            }
            batch = (List<Item>) o;
            pos = 0;
        }
        current = batch.get(pos);
        batch.set(pos++, null);
        return true;
    }

    @Override
    public SqliteValue value(int i) {
        return current.values()[i];
    }

    @Override
    public boolean hasRowid() {
        return true;
    }

    @Override
    public long rowid() {
        return current.rowid();
    }

    @Override
    public Refusal refusal() {
        return current.refusal();
    }

    /** Stops the reading thread (it closes the files) and waits for it. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
