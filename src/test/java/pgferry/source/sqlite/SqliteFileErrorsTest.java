package pgferry.source.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.UserError;
import pgferry.catalog.Table;

class SqliteFileErrorsTest {

    @TempDir
    Path dir;

    private Path bigDatabase(String name) {
        Path file = SqliteFiles.create(dir.resolve(name), "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new Object[] {i, "row number " + i + " padded with some text to fill pages"});
        }
        SqliteFiles.batch(file, "INSERT INTO t VALUES (?, ?)", rows);
        return file;
    }

    private static void assertOneLine(Throwable e, String... fragments) {
        assertThat(e).isInstanceOf(UserError.class);
        assertThat(e.getMessage()).doesNotContain("\n").contains(fragments);
    }

    @Test
    void missingFileIsOneLineAndNothingIsCreated() {
        Path missing = dir.resolve("nope.db");
        assertThatThrownBy(() -> SqliteSource.open(missing))
                .satisfies(e -> assertOneLine(e, "nope.db", "does not exist"));
        assertThat(missing).doesNotExist();
    }

    @Test
    void textFileIsNotADatabase() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not SQLite\n".repeat(100));
        String before = SqliteFiles.sha256(text);
        assertThatThrownBy(() -> SqliteSource.open(text))
                .satisfies(e -> assertOneLine(e, "notes.txt", "is not a database"));
        assertThat(SqliteFiles.sha256(text)).isEqualTo(before);
    }

    @Test
    void emptyFileAndDirectory() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThatThrownBy(() -> SqliteSource.open(empty)).satisfies(e -> assertOneLine(e, "empty (0 bytes)"));
        assertThat(Files.size(empty)).isZero();
        assertThatThrownBy(() -> SqliteSource.open(dir)).satisfies(e -> assertOneLine(e, "is a directory"));
    }

    @Test
    void truncatedFile() throws IOException {
        Path file = bigDatabase("truncated.db");
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size / 2);
        }
        String before = SqliteFiles.sha256(file);
        assertThatThrownBy(() -> SqliteSource.open(file))
                .satisfies(e -> assertOneLine(e, "truncated.db", "is truncated", ".recover"));
        assertThat(SqliteFiles.sha256(file)).isEqualTo(before);
        assertThat(Files.size(file)).isEqualTo(size / 2);
    }

    @Test
    void corruptSchemaPage() throws IOException {
        Path file = bigDatabase("corrupt1.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(100); // page 1's b-tree header, right after the file header
            raf.write(new byte[] {(byte) 0x99, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42});
        }
        String before = SqliteFiles.sha256(file);
        assertThatThrownBy(() -> {
            try (SqliteSource s = SqliteSource.open(file)) {
                s.catalog();
            }
        }).satisfies(e -> assertOneLine(e, "corrupt1.db", "corrupt"));
        assertThat(SqliteFiles.sha256(file)).isEqualTo(before);
    }

    @Test
    void corruptDataPageIsAUserErrorWhileReadingRows() throws IOException {
        Path file = bigDatabase("corrupt2.db");
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raf.seek(size / 2 - 2048);
            raf.write(junk);
        }
        try (SqliteSource s = SqliteSource.open(file)) {
            Table t = s.catalog().table("t").orElseThrow();
            assertThatThrownBy(() -> {
                try (RowReader rows = s.rows(t)) {
                    while (rows.next()) {
                        rows.value(1);
                    }
                }
            }).satisfies(e -> assertOneLine(e, "corrupt2.db", "corrupt"));
            assertThat(s.quickCheck()).isNotEmpty();
        }
    }
}
