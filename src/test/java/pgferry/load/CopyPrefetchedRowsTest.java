package pgferry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.catalog.Table;
import pgferry.source.SourceRows;
import pgferry.source.sqlite.SqliteSource;
import pgferry.source.sqlite.SqliteValue;

/** Rows read ahead on another thread arrive exactly as the source gives them; failures and early closes too. */
class CopyPrefetchedRowsTest {

    @TempDir
    Path dir;

    private static List<String> drain(SourceRows rows, int columns) {
        List<String> out = new ArrayList<>();
        while (rows.next()) {
            StringBuilder b = new StringBuilder(rows.hasRowid() ? Long.toString(rows.rowid()) : "-");
            for (int i = 0; i < columns; i++) {
                SqliteValue v = rows.value(i);
                b.append('|').append(v.storageClass()).append(':').append(v.display());
            }
            b.append('|').append(rows.refusal());
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void sameRowsInTheSameOrderAsTheSource() throws Exception {
        int n = PrefetchedRows.BATCH * (PrefetchedRows.QUEUED + 3) + 17;
        Path file = MigrationFixture.sqlite(dir, "rows.db",
                "CREATE TABLE t (a INTEGER, b REAL, c TEXT, d BLOB)",
                "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + n + ")"
                        + " INSERT INTO t SELECT i, i / 7.0, CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || i END,"
                        + " CASE WHEN i % 11 = 0 THEN x'00ff' END FROM k",
                "DELETE FROM t WHERE a % 13 = 0");
        try (SqliteSource src = SqliteSource.open(file)) {
            Table t = src.catalog().table("t").orElseThrow();
            List<String> direct;
            try (SourceRows rows = src.rows(t, t.columns())) {
                direct = drain(rows, 4);
            }
            List<String> prefetched;
            try (SourceRows rows = new PrefetchedRows(src.rows(t, t.columns()), 4, "t")) {
                prefetched = drain(rows, 4);
                assertThat(rows.next()).isFalse();
            }
            assertThat(direct).hasSize(n - n / 13);
            assertThat(prefetched).isEqualTo(direct);

            // closing early stops the reader (no hang) and the source can be read again afterwards
            try (SourceRows rows = new PrefetchedRows(src.rows(t, t.columns()), 4, "t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.value(0).integer()).isEqualTo(1);
            }
            try (SourceRows rows = src.rows(t, t.columns())) {
                assertThat(drain(rows, 4)).isEqualTo(direct);
            }
        }
    }

    /** A source that fails after {@code failAt} rows, as a corrupt page would. */
    private static final class FailingRows implements SourceRows {
        private final int failAt;
        private int row;
        boolean closed;

        FailingRows(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public boolean next() {
            if (row == failAt) {
                throw new IllegalStateException("corrupt page after row " + row);
            }
            row++;
            return true;
        }

        @Override
        public SqliteValue value(int i) {
            return SqliteValue.ofInteger(row);
        }

        @Override
        public boolean hasRowid() {
            return true;
        }

        @Override
        public long rowid() {
            return row;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aSourceFailureArrivesAfterEveryRowReadBeforeIt() {
        int failAt = PrefetchedRows.BATCH * 2 + 5;
        FailingRows source = new FailingRows(failAt);
        List<Long> seen = new ArrayList<>();
        try (SourceRows rows = new PrefetchedRows(source, 1, "failing")) {
            assertThatThrownBy(() -> {
                while (rows.next()) {
                    seen.add(rows.rowid());
                    assertThat(rows.value(0).integer()).isEqualTo(rows.rowid());
                }
            }).isInstanceOf(IllegalStateException.class).hasMessage("corrupt page after row " + failAt);
            assertThat(rows.next()).isFalse();
        }
        assertThat(seen).hasSize(failAt);
        assertThat(seen.get(failAt - 1)).isEqualTo(failAt);
        assertThat(source.closed).isTrue();
    }

    /** Endless rows of one 1 MB text value each; counts how many the reader has taken. */
    private static final class WideRows implements SourceRows {
        private static final String MEGABYTE = "x".repeat(1 << 19); // 2 bytes a char: about 1 MB on the heap
        final java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public boolean next() {
            read.incrementAndGet();
            return true;
        }

        @Override
        public SqliteValue value(int i) {
            return SqliteValue.ofText(MEGABYTE);
        }

        @Override
        public boolean hasRowid() {
            return false;
        }

        @Override
        public long rowid() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void wideRowsAreReadAheadByBytesNotByTheRowCount() throws Exception {
        WideRows source = new WideRows();
        try (SourceRows rows = new PrefetchedRows(source, 1, "wide")) {
            assertThat(rows.next()).isTrue();
            long before = -1;
            for (int i = 0; i < 100 && source.read.get() != before; i++) { // until the reader is blocked on a full queue
                before = source.read.get();
                Thread.sleep(50);
            }
            long perBatch = PrefetchedRows.BATCH_BYTES / (1 << 20) + 1;
            // the queue, the batch being filled and the one being consumed: never the 2,560 rows a row count allows
            assertThat(source.read.get()).isGreaterThan(PrefetchedRows.QUEUED)
                    .isLessThanOrEqualTo((PrefetchedRows.QUEUED + 2) * perBatch + 1);
        }
    }
}
