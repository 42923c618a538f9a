package pgferry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.UserError;

class SourceLocationTest {

    @TempDir
    Path dir;
    Path realDb;

    @BeforeEach
    void realSqliteFile() throws Exception {
        realDb = dir.resolve("trades.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + realDb)) {
            c.createStatement().execute("CREATE TABLE t (id INTEGER PRIMARY KEY, price REAL)");
            c.createStatement().execute("INSERT INTO t VALUES (1, 0.1)");
        }
    }

    @Test
    void sqliteColonPath() {
        assertThat(SourceLocation.parse("sqlite:" + realDb)).isEqualTo(new SourceLocation(SourceLocation.Kind.SQLITE, realDb));
        assertThat(SourceLocation.parse("sqlite:trades.db", dir).path()).isEqualTo(realDb);
        assertThat(SourceLocation.parse("SQLITE:trades.db", dir).kind()).isEqualTo(SourceLocation.Kind.SQLITE);
        // SQLAlchemy's forms: three slashes relative, four absolute
        assertThat(SourceLocation.parse("sqlite:///trades.db", dir).path()).isEqualTo(realDb);
        assertThat(SourceLocation.parse("sqlite:///" + realDb, dir).path()).isEqualTo(realDb);
        assertThat(SourceLocation.parse("sqlite:" + realDb).toString()).isEqualTo("sqlite:" + realDb);
    }

    @Test
    void barePathsByExtensionOrHeader() throws Exception {
        assertThat(SourceLocation.parse(realDb.toString()).kind()).isEqualTo(SourceLocation.Kind.SQLITE);
        assertThat(SourceLocation.parse("./trades.db", dir).path()).isEqualTo(realDb);
        Path copy = Files.copy(realDb, dir.resolve("trades.sqlite3"));
        assertThat(SourceLocation.parse(copy.toString()).path()).isEqualTo(copy);
        Path noExtension = Files.copy(realDb, dir.resolve("state"));
        assertThat(SourceLocation.parse(noExtension.toString())).isEqualTo(new SourceLocation(SourceLocation.Kind.SQLITE, noExtension));
        Path empty = Files.createFile(dir.resolve("empty.sqlite"));
        assertThat(SourceLocation.parse(empty.toString()).kind()).isEqualTo(SourceLocation.Kind.SQLITE);
    }

    @Test
    void jsonStore() throws Exception {
        Path store = Files.createDirectory(dir.resolve("store"));
        Files.writeString(store.resolve("orders.json"), "[]");
        assertThat(SourceLocation.parse("json:" + store)).isEqualTo(new SourceLocation(SourceLocation.Kind.JSON, store));
        assertThat(SourceLocation.parse("json:store", dir).path()).isEqualTo(store);
        assertThat(SourceLocation.parse("json:store/orders.json", dir).path()).isEqualTo(store.resolve("orders.json"));
        assertThat(SourceLocation.parse("json:store", dir).toString()).isEqualTo("json:" + store);
    }

    @Test
    void missingFilesAreOneLineErrors() {
        assertThatThrownBy(() -> SourceLocation.parse("sqlite:nope.db", dir)).isInstanceOf(UserError.class)
                .hasMessage("source sqlite:nope.db does not exist (looked for " + dir.resolve("nope.db") + "); check the path");
        assertThatThrownBy(() -> SourceLocation.parse("nope.sqlite", dir)).isInstanceOf(UserError.class)
                .hasMessage("source nope.sqlite does not exist (looked for " + dir.resolve("nope.sqlite") + "); check the path");
        assertThatThrownBy(() -> SourceLocation.parse("json:nostore", dir)).isInstanceOf(UserError.class)
                .hasMessage("source json:nostore: " + dir.resolve("nostore") + " does not exist; check the path of the JSON store");
        assertThatThrownBy(() -> SourceLocation.parse("", dir)).isInstanceOf(UserError.class).hasMessageContaining("source is empty");
        assertThatThrownBy(() -> SourceLocation.parse("sqlite:", dir)).isInstanceOf(UserError.class).hasMessageContaining("names no file");
        assertThatThrownBy(() -> SourceLocation.parse("json:", dir)).isInstanceOf(UserError.class).hasMessageContaining("names no directory");
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAlone() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "id,price\n1,0.1\n");
        byte[] before = Files.readAllBytes(text);
        assertThatThrownBy(() -> SourceLocation.parse("sqlite:" + text)).isInstanceOf(UserError.class)
                .hasMessageContaining("is not a SQLite database (no \"SQLite format 3\" header");
        assertThatThrownBy(() -> SourceLocation.parse(text.toString())).isInstanceOf(UserError.class)
                .hasMessageContaining("is not a SQLite database");
        Path csv = Files.writeString(dir.resolve("prices.csv"), "id,price\n");
        assertThatThrownBy(() -> SourceLocation.parse(csv.toString())).isInstanceOf(UserError.class)
                .hasMessageContaining("is not a SQLite database").hasMessageContaining("json:DIR");
        assertThat(Files.readAllBytes(text)).isEqualTo(before);
        assertThat(SourceLocation.parse(realDb.toString()).path()).exists();
    }

    @Test
    void directoriesAndUrlsAreNotSqlite() throws Exception {
        Path store = Files.createDirectory(dir.resolve("store"));
        assertThatThrownBy(() -> SourceLocation.parse(store.toString())).isInstanceOf(UserError.class)
                .hasMessageContaining("is a directory; for a JSON-file store write json:");
        assertThatThrownBy(() -> SourceLocation.parse("sqlite:" + store)).isInstanceOf(UserError.class)
                .hasMessageContaining("is a directory, not a SQLite file");
        assertThatThrownBy(() -> SourceLocation.parse("postgresql://u:src-pw-1@h/db")).isInstanceOf(UserError.class)
                .hasMessageContaining("is a database URL").hasMessageNotContaining("src-pw-1");
    }
}
