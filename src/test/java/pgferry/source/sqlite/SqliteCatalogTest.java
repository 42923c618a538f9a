package pgferry.source.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.catalog.Affinity;
import pgferry.catalog.Catalog;
import pgferry.catalog.Check;
import pgferry.catalog.Column;
import pgferry.catalog.ForeignKey;
import pgferry.catalog.Index;
import pgferry.catalog.Key;
import pgferry.catalog.Table;

class SqliteCatalogTest {

    @TempDir
    static Path dir;
    static Catalog catalog;
    static String hashBefore;
    static Path file;

    @BeforeAll
    static void discover() {
        file = SqliteFiles.create(dir.resolve("schema.db"),
                """
                CREATE TABLE accounts (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  "Account Name" TEXT NOT NULL UNIQUE,   -- a comment with CHECK (x) inside
                  created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
                  [Order] INTEGER DEFAULT -1,
                  `MixedCase` TEXT COLLATE NOCASE,
                  "say ""hi""\" TEXT DEFAULT 'it''s',
                  balance DECIMAL(15, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0)
                )""",
                """
                CREATE TABLE positions (
                  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                  symbol TEXT NOT NULL,
                  qty REAL NOT NULL CONSTRAINT qty_nonzero CHECK (qty <> 0),
                  note TEXT, /* block comment, with a comma */
                  CONSTRAINT positions_pk PRIMARY KEY (account_id, symbol),
                  CONSTRAINT qty_sane CHECK (abs(qty) < 1e9 AND (note IS NULL OR length(note) > 0))
                )""",
                """
                CREATE TABLE orders (
                  id INTEGER PRIMARY KEY,
                  account_id INTEGER,
                  symbol TEXT,
                  status TEXT CHECK (status IN ('open', 'filled', 'cancelled')),
                  price REAL,
                  payload TEXT,
                  CONSTRAINT orders_position_fk FOREIGN KEY (account_id, symbol) REFERENCES positions (account_id, symbol)
                    ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
                  CONSTRAINT orders_acct_id UNIQUE (account_id, id)
                )""",
                "CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID",
                "CREATE INDEX orders_open ON orders(symbol) WHERE status = 'open'",
                "CREATE INDEX orders_lower_symbol ON orders(lower(symbol), price DESC)",
                "CREATE UNIQUE INDEX \"weird \"\"name\"\"\" ON accounts(\"Account Name\" COLLATE NOCASE)",
                "CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'open'",
                "CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN SELECT 1; END",
                "INSERT INTO accounts(\"Account Name\") VALUES ('first')");
        hashBefore = SqliteFiles.sha256(file);
        try (SqliteSource source = SqliteSource.open(file)) {
            catalog = source.catalog();
        }
    }

    static Table table(String name) {
        return catalog.table(name).orElseThrow();
    }

    @Test
    void tablesSortedWithInternalOnesSkipped() {
        assertThat(catalog.tables()).extracting(Table::name).containsExactly("accounts", "kv", "orders", "positions");
        assertThat(catalog.table("sqlite_sequence")).isEmpty();
        assertThat(catalog.table("ACCOUNTS")).isPresent();
    }

    @Test
    void columnsWithTypesAffinitiesDefaultsAndQuotedNames() {
        Table accounts = table("accounts");
        assertThat(accounts.columns()).extracting(Column::name)
                .containsExactly("id", "Account Name", "created_at", "Order", "MixedCase", "say \"hi\"", "balance");
        Column balance = accounts.column("balance").orElseThrow();
        assertThat(balance.declaredType()).isEqualTo("DECIMAL(15, 2)");
        assertThat(balance.affinity()).isEqualTo(Affinity.NUMERIC);
        assertThat(balance.notNull()).isTrue();
        assertThat(balance.defaultExpression()).isEqualTo("0");
        assertThat(accounts.column("created_at").orElseThrow().defaultExpression()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(accounts.column("Order").orElseThrow().defaultExpression()).isEqualTo("-1");
        assertThat(accounts.column("say \"hi\"").orElseThrow().defaultExpression()).isEqualTo("'it''s'");
        assertThat(accounts.column("MixedCase").orElseThrow().collation()).isEqualTo("NOCASE");
        assertThat(accounts.column("id").orElseThrow().pkOrder()).isEqualTo(1);
        assertThat(accounts.column("id").orElseThrow().position()).isZero();
    }

    @Test
    void primaryKeysAutoincrementAndRowid() {
        Table accounts = table("accounts");
        assertThat(accounts.autoincrement()).isTrue();
        assertThat(accounts.primaryKey()).isEqualTo(new Key(null, List.of("id")));
        assertThat(accounts.rowidAlias()).map(Column::name).contains("id");
        Table positions = table("positions");
        assertThat(positions.autoincrement()).isFalse();
        assertThat(positions.primaryKey()).isEqualTo(new Key("positions_pk", List.of("account_id", "symbol")));
        assertThat(positions.rowidAlias()).isEmpty();
        assertThat(table("orders").autoincrement()).isFalse();
        assertThat(table("orders").rowidAlias()).map(Column::name).contains("id");
        assertThat(table("kv").withoutRowid()).isTrue();
        assertThat(table("kv").primaryKey().columns()).containsExactly("k");
    }

    @Test
    void uniqueKeysWithTheirNames() {
        assertThat(table("accounts").uniqueKeys()).containsExactly(new Key(null, List.of("Account Name")));
        assertThat(table("orders").uniqueKeys()).containsExactly(new Key("orders_acct_id", List.of("account_id", "id")));
    }

    @Test
    void checksFromTheCreateTableText() {
        assertThat(table("accounts").checks()).containsExactly(new Check(null, "balance >= 0", "balance"));
        assertThat(table("positions").checks()).containsExactly(
                new Check("qty_nonzero", "qty <> 0", "qty"),
                new Check("qty_sane", "abs(qty) < 1e9 AND (note IS NULL OR length(note) > 0)", null));
        assertThat(table("orders").checks()).containsExactly(
                new Check(null, "status IN ('open', 'filled', 'cancelled')", "status"));
    }

    @Test
    void foreignKeysWithActionsAndDeferrable() {
        assertThat(table("positions").foreignKeys()).containsExactly(new ForeignKey(null, List.of("account_id"),
                "accounts", List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION, false, false));
        assertThat(table("orders").foreignKeys()).containsExactly(new ForeignKey("orders_position_fk",
                List.of("account_id", "symbol"), "positions", List.of("account_id", "symbol"),
                ForeignKey.Action.SET_NULL, ForeignKey.Action.CASCADE, true, true));
    }

    @Test
    void partialAndExpressionIndexes() {
        List<Index> indexes = table("orders").indexes();
        assertThat(indexes).extracting(Index::name).containsExactly("orders_lower_symbol", "orders_open");
        Index expr = indexes.get(0);
        assertThat(expr.unique()).isFalse();
        assertThat(expr.hasExpressions()).isTrue();
        assertThat(expr.terms()).containsExactly(Index.Term.expression("lower(symbol)"),
                new Index.Term("price", null, true, null));
        Index partial = indexes.get(1);
        assertThat(partial.where()).isEqualTo("status = 'open'");
        assertThat(partial.terms()).containsExactly(Index.Term.column("symbol"));
        Index weird = table("accounts").indexes().get(0);
        assertThat(weird.name()).isEqualTo("weird \"name\"");
        assertThat(weird.unique()).isTrue();
        assertThat(weird.terms()).containsExactly(new Index.Term("Account Name", null, false, "NOCASE"));
    }

    @Test
    void viewsCapturedAndTriggersWarned() {
        assertThat(catalog.views()).hasSize(1);
        assertThat(catalog.views().get(0).name()).isEqualTo("open_orders");
        assertThat(catalog.views().get(0).sql()).startsWith("CREATE VIEW open_orders");
        assertThat(catalog.warnings()).anyMatch(w -> w.contains("trigger orders_audit on orders is not migrated"));
    }

    @Test
    void discoveryWritesNothing() {
        assertThat(SqliteFiles.sha256(file)).isEqualTo(hashBefore);
        assertThat(dir.resolve("schema.db-journal")).doesNotExist();
        assertThat(dir.resolve("schema.db-wal")).doesNotExist();
    }

    @Test
    void autoincrementSequenceIsRead() {
        try (SqliteSource source = SqliteSource.open(file)) {
            assertThat(source.autoincrementSequence(table("accounts"))).hasValue(1);
            assertThat(source.autoincrementSequence(table("orders"))).isEmpty();
            assertThat(source.rowCount(table("accounts"))).isEqualTo(1);
            assertThat(source.quickCheck()).isEmpty();
        }
    }
}
