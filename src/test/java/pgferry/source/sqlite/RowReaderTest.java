package pgferry.source.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.catalog.Table;

class RowReaderTest {

    @TempDir
    Path dir;

    @Test
    void everyStorageClassWithItsRawValue() {
        Path file = SqliteFiles.create(dir.resolve("mixed.db"),
                "CREATE TABLE m (id INTEGER PRIMARY KEY, anything, price REAL, n INTEGER)",
                "INSERT INTO m VALUES (3, 42, 1.5, 7)",
                "INSERT INTO m VALUES (1, 'text', 'N/A', 'abc')",
                "INSERT INTO m VALUES (2, X'00FF', NULL, 99999999999999999999)",
                "INSERT INTO m VALUES (5, CAST(X'C328' AS TEXT), 0.1, 1.5)",
                "INSERT INTO m VALUES (4, CAST(X'610062' AS TEXT), -0.0, NULL)");
        try (SqliteSource s = SqliteSource.open(file)) {
            Table t = s.catalog().table("m").orElseThrow();
            List<String> seen = new ArrayList<>();
            List<Long> rowids = new ArrayList<>();
            try (RowReader rows = s.rows(t)) {
                while (rows.next()) {
                    rowids.add(rows.rowid());
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < rows.columns().size(); i++) {
                        b.append(rows.value(i)).append(' ');
                    }
                    seen.add(b.toString().trim());
                }
                assertThat(rows.rowsRead()).isEqualTo(5);
            }
            assertThat(rowids).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(seen).containsExactly(
                    "integer:1 text:text text:N/A text:abc",
                    "integer:2 blob:X'00FF' null:NULL real:1.0E20",
                    "integer:3 integer:42 real:1.5 integer:7",
                    "integer:4 text:a\u0000b real:0.0 null:NULL", // SQLite stores a whole REAL as an integer on disk: -0.0 comes back as 0.0
                    "integer:5 text:hex:c328 real:0.1 real:1.5");
        }
    }

    @Test
    void invalidUtf8TextKeepsItsRawBytes() {
        Path file = SqliteFiles.create(dir.resolve("bytes.db"), "CREATE TABLE b (t TEXT)",
                "INSERT INTO b VALUES (CAST(X'E282AC80FF' AS TEXT))");
        try (SqliteSource s = SqliteSource.open(file); RowReader rows = s.rows(s.catalog().table("b").orElseThrow())) {
            assertThat(rows.next()).isTrue();
            SqliteValue v = rows.value(0);
            assertThat(v.storageClass()).isEqualTo(StorageClass.TEXT);
            assertThat(v.bytes()).containsExactly(0xE2, 0x82, 0xAC, 0x80, 0xFF);
            assertThat(v.textOrNull()).isNull();
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void withoutRowidTablesStreamInPrimaryKeyOrder() {
        Path file = SqliteFiles.create(dir.resolve("wr.db"),
                "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID",
                "INSERT INTO kv VALUES ('b', 2), ('a', 1), ('c', 3)");
        try (SqliteSource s = SqliteSource.open(file); RowReader rows = s.rows(s.catalog().table("kv").orElseThrow())) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(new String(rows.value(0).bytes(), StandardCharsets.UTF_8));
                assertThat(rows.hasRowid()).isFalse();
            }
            assertThat(keys).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aColumnNamedRowidDoesNotHideTheRowid() {
        Path file = SqliteFiles.create(dir.resolve("rowid.db"),
                "CREATE TABLE r (rowid TEXT, x INTEGER)",
                "INSERT INTO r VALUES ('z', 1), ('y', 2)");
        try (SqliteSource s = SqliteSource.open(file); RowReader rows = s.rows(s.catalog().table("r").orElseThrow())) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.rowid());
            }
            assertThat(ids).containsExactly(1L, 2L);
        }
    }

    @Test
    void seesRowsStillInTheWriteAheadLogOfARunningApplication() throws Exception {
        Path file = dir.resolve("wal.db");
        try (java.sql.Connection app = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement st = app.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            for (int i = 0; i < 100; i++) {
                st.execute("INSERT INTO t (v) VALUES ('row " + i + "')");
            }
            assertThat(dir.resolve("wal.db-wal")).exists();
            try (SqliteSource s = SqliteSource.open(file)) {
                assertThat(s.rowCount(s.catalog().table("t").orElseThrow())).isEqualTo(100);
            }
        }
    }
}
