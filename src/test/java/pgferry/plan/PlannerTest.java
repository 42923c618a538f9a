package pgferry.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.UserError;
import pgferry.catalog.ForeignKey;
import pgferry.catalog.Index;
import pgferry.source.sqlite.RowReader;
import pgferry.source.sqlite.SqliteFiles;
import pgferry.source.sqlite.SqliteSource;

class PlannerTest {

    @TempDir
    static Path dir;
    static Path trading;

    @BeforeAll
    static void tradingDatabase() {
        trading = SqliteFiles.create(dir.resolve("trading.db"),
                """
                CREATE TABLE instruments (
                  symbol TEXT PRIMARY KEY,
                  name TEXT NOT NULL,
                  tick_size REAL NOT NULL DEFAULT 0.01 CHECK (tick_size > 0),
                  listed_on DATE,
                  is_active BOOLEAN NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
                )""",
                """
                CREATE TABLE accounts (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  "AccountName" TEXT NOT NULL UNIQUE,
                  balance DECIMAL(15,2) NOT NULL DEFAULT 0,
                  opened_at DATETIME NOT NULL DEFAULT (datetime('now')),
                  settings TEXT
                )""",
                """
                CREATE TABLE trades (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                  symbol TEXT NOT NULL REFERENCES instruments(symbol) ON UPDATE CASCADE,
                  side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
                  price REAL NOT NULL CHECK (price > 0),
                  quantity REAL NOT NULL,
                  executed_at TEXT NOT NULL,
                  payload TEXT,
                  is_maker INTEGER NOT NULL DEFAULT 0,
                  settled_at INTEGER
                )""",
                "CREATE INDEX trades_symbol_time ON trades(symbol, executed_at DESC)",
                "CREATE INDEX trades_open ON trades(account_id) WHERE settled_at IS NULL",
                "CREATE INDEX trades_lower_side ON trades(lower(side))",
                "CREATE INDEX \"Trades By Maker\" ON trades(is_maker, account_id)",
                """
                CREATE TABLE order_notes (
                  id INTEGER PRIMARY KEY,
                  trade_id INTEGER REFERENCES trades(id) ON DELETE SET NULL,
                  "Note Text" TEXT NOT NULL
                )""",
                "CREATE VIEW big_trades AS SELECT * FROM trades WHERE price * quantity > 100000",
                """
                INSERT INTO instruments VALUES ('AAPL', 'Apple', 0.01, '1980-12-12', 1),
                  ('BTC-USD', 'Bitcoin', 0.01, NULL, 1), ('OLD', 'Old Co', 0.05, '1990-01-01', 0)""",
                """
                INSERT INTO accounts ("AccountName", balance, opened_at, settings) VALUES
                  ('alice', 1234.56, '2023-06-01 09:00:00', NULL), ('bob', 99.1, '2023-06-02T10:00:00Z', NULL)""",
                """
                INSERT INTO trades (account_id, symbol, side, price, quantity, executed_at, payload, is_maker, settled_at) VALUES
                  (1, 'AAPL', 'buy', 187.123456, 100, '2024-01-15 10:30:00.123', '{"venue": "XNAS", "fees": [0.01]}', 1, 1705314600123),
                  (1, 'BTC-USD', 'sell', 43210.5, 0.00000001, '2024-01-15T10:30:01Z', '{"venue": "CB"}', 0, NULL),
                  (2, 'AAPL', 'buy', 0.000123, 0.5, '2024-01-15 10:30:02+02:00', NULL, 0, NULL)""",
                "INSERT INTO order_notes (trade_id, \"Note Text\") VALUES (1, 'first fill'), (NULL, 'orphan')");
    }

    static MigrationPlan plan(Path file, PlanOptions options) {
        try (SqliteSource source = SqliteSource.open(file)) {
            return Planner.plan(source, options);
        }
    }

    static ColumnPlan col(MigrationPlan plan, String table, String column) {
        return plan.table(table).orElseThrow().column(column).orElseThrow();
    }

    @Test
    void tradingSchemaTypes() {
        MigrationPlan plan = plan(trading, PlanOptions.defaults());
        assertThat(plan.tables()).extracting(TablePlan::name)
                .containsExactly("accounts", "instruments", "trades", "order_notes");
        assertThat(col(plan, "instruments", "tick_size").type()).isEqualTo(TargetType.NUMERIC);
        assertThat(col(plan, "instruments", "listed_on").type()).isEqualTo(TargetType.DATE);
        assertThat(col(plan, "instruments", "is_active").type()).isEqualTo(TargetType.BOOLEAN);
        assertThat(col(plan, "instruments", "is_active").defaultSql()).isEqualTo("'true'");
        assertThat(col(plan, "instruments", "tick_size").defaultSql()).isEqualTo("'0.01'");
        ColumnPlan id = col(plan, "accounts", "id");
        assertThat(id.type()).isEqualTo(TargetType.BIGINT);
        assertThat(id.identity()).isTrue();
        assertThat(col(plan, "accounts", "AccountName").name()).isEqualTo("account_name");
        assertThat(col(plan, "accounts", "balance").type().sql()).isEqualTo("numeric(15,2)");
        assertThat(col(plan, "accounts", "opened_at").type()).isEqualTo(TargetType.TIMESTAMPTZ);
        assertThat(col(plan, "accounts", "opened_at").defaultSql()).isEqualTo("now()");
        assertThat(col(plan, "accounts", "settings").type()).isEqualTo(TargetType.TEXT);
        assertThat(col(plan, "trades", "price").type()).isEqualTo(TargetType.NUMERIC);
        assertThat(col(plan, "trades", "executed_at").type()).isEqualTo(TargetType.TIMESTAMPTZ);
        assertThat(col(plan, "trades", "executed_at").rule()).contains("holding only date-times");
        assertThat(col(plan, "trades", "payload").type()).isEqualTo(TargetType.JSONB);
        assertThat(col(plan, "trades", "is_maker").type()).isEqualTo(TargetType.BIGINT);
        assertThat(col(plan, "trades", "settled_at").type()).isEqualTo(TargetType.BIGINT);
        assertThat(col(plan, "order_notes", "Note Text").name()).isEqualTo("Note Text");
        assertThat(plan.table("trades").orElseThrow().sourceRows()).isEqualTo(3);
    }

    @Test
    void constraintsIndexesAndRenames() {
        MigrationPlan plan = plan(trading, PlanOptions.defaults());
        TablePlan trades = plan.table("trades").orElseThrow();
        assertThat(trades.primaryKey().columns()).containsExactly("id");
        assertThat(trades.primaryKey().name()).isEqualTo("trades_pkey");
        assertThat(trades.checks()).extracting(c -> c.expression())
                .containsExactly("\"side\" IN ('buy', 'sell')", "\"price\" > 0");
        assertThat(trades.foreignKeys()).extracting(ForeignKey::referencedTable).containsExactly("accounts", "instruments");
        assertThat(trades.foreignKeys().get(0).onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(trades.foreignKeys().get(1).onUpdate()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(plan.table("order_notes").orElseThrow().foreignKeys().get(0).onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
        assertThat(trades.indexes()).extracting(Index::name)
                .containsExactly("Trades By Maker", "trades_lower_side", "trades_open", "trades_symbol_time");
        assertThat(trades.indexes().get(1).terms().get(0).expression()).isEqualTo("lower(\"side\")");
        assertThat(trades.indexes().get(2).where()).isEqualTo("\"settled_at\" IS NULL");
        assertThat(plan.table("instruments").orElseThrow().checks()).extracting(c -> c.expression())
                .contains("\"is_active\" IN (false, true)");
        assertThat(plan.renames()).extracting(Rename::toString)
                .containsExactly("column accounts.AccountName -> account_name (lower snake_case)");
        assertThat(plan.warnings()).extracting(PlanWarning::toString)
                .anyMatch(w -> w.startsWith("big_trades: view not migrated"));
    }

    @Test
    void precisionAudit() {
        MigrationPlan plan = plan(trading, PlanOptions.defaults());
        NumericAudit price = plan.audit().stream().filter(a -> a.column().equals("price")).findFirst().orElseThrow();
        assertThat(price.values()).isEqualTo(3);
        assertThat(price.reals()).isEqualTo(3);
        assertThat(price.maxIntegerDigits()).isEqualTo(5);   // 43210.5
        assertThat(price.maxScale()).isEqualTo(6);           // 187.123456, 0.000123
        assertThat(price.nonFinite()).isZero();
        assertThat(price.recommended()).isEqualTo("numeric(11,6)");
        assertThat(price.planned()).isEqualTo("numeric");
        NumericAudit qty = plan.audit().stream().filter(a -> a.column().equals("quantity")).findFirst().orElseThrow();
        assertThat(qty.maxIntegerDigits()).isEqualTo(3);
        assertThat(qty.maxScale()).isEqualTo(8);
        assertThat(qty.recommended()).isEqualTo("numeric(11,8)");
        NumericAudit balance = plan.audit().stream().filter(a -> a.column().equals("balance")).findFirst().orElseThrow();
        assertThat(balance.recommended()).isEqualTo("numeric(6,2)"); // 1234.56
        assertThat(balance.planned()).isEqualTo("numeric(15,2)");
        assertThat(plan.audit()).extracting(NumericAudit::column)
                .containsExactlyInAnyOrder("tick_size", "balance", "price", "quantity");
    }

    @Test
    void ddlAndConvertedValuesAreAcceptedByPostgresAndReadBackExactly() throws SQLException {
        MigrationPlan plan = plan(trading, PlanOptions.defaults());
        String schema = "pgferry_plan_test_" + Long.toHexString(System.nanoTime());
        DdlWriter ddl = new DdlWriter(schema);
        try (Connection pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            try (Statement st = pg.createStatement()) {
                st.execute("CREATE SCHEMA " + Identifiers.quote(schema));
            }
            try {
                for (TablePlan t : plan.tables()) {
                    execute(pg, ddl.createTable(t).sql());
                }
                try (SqliteSource source = SqliteSource.open(trading)) {
                    for (TablePlan t : plan.tables()) {
                        load(pg, ddl, source, t);
                    }
                }
                for (TablePlan t : plan.tables()) {
                    for (DdlStatement s : ddl.postData(t)) {
                        execute(pg, s.sql());
                    }
                }
                for (TablePlan t : plan.tables()) {
                    for (DdlStatement s : ddl.foreignKeys(t)) {
                        execute(pg, s.sql());
                    }
                }
                execute(pg, ddl.restartIdentity(plan.table("trades").orElseThrow(), 4).sql());
                try (Statement st = pg.createStatement()) {
                    st.execute("SET search_path TO " + Identifiers.quote(schema));
                    try (ResultSet rs = st.executeQuery("SELECT price, quantity, executed_at::text, payload->>'venue' FROM trades ORDER BY id")) {
                        List<String> rows = new ArrayList<>();
                        double[] prices = {187.123456, 43210.5, 0.000123};
                        double[] qty = {100, 0.00000001, 0.5};
                        int i = 0;
                        while (rs.next()) {
                            BigDecimal p = rs.getBigDecimal(1);
                            assertThat(p.doubleValue()).isEqualTo(prices[i]);
                            assertThat(rs.getBigDecimal(2).doubleValue()).isEqualTo(qty[i]);
                            rows.add(p.toPlainString() + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getString(4));
                            i++;
                        }
                        assertThat(rows).containsExactly("187.123456 100 XNAS", "43210.5 0.00000001 CB", "0.000123 0.5 null");
                    }
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM accounts WHERE opened_at = '2023-06-02 10:00:00+00'")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                    // the identity continues past the loaded ids; defaults and CHECKs work
                    st.execute("INSERT INTO trades (account_id, symbol, side, price, quantity, executed_at) "
                            + "VALUES (1, 'AAPL', 'sell', 1.5, 1, now())");
                    try (ResultSet rs = st.executeQuery("SELECT max(id), bool_and(is_maker IS NOT NULL) FROM trades")) {
                        rs.next();
                        assertThat(rs.getLong(1)).isEqualTo(4);
                    }
                    assertThatThrownBy(() -> st.execute("INSERT INTO trades (account_id, symbol, side, price, quantity, executed_at) "
                            + "VALUES (1, 'AAPL', 'hold', 1.5, 1, now())")).hasMessageContaining("trades_side_check");
                }
            } finally {
                try (Statement st = pg.createStatement()) {
                    st.execute("DROP SCHEMA " + Identifiers.quote(schema) + " CASCADE");
                }
            }
        }
    }

    private static void execute(Connection pg, String sql) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute(sql);
        }
    }

    /** A minimal parameterised loader for this test (the real loader uses COPY). */
    private static void load(Connection pg, DdlWriter ddl, SqliteSource source, TablePlan t) throws SQLException {
        String cols = t.columns().stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
        String params = t.columns().stream().map(c -> "CAST(? AS " + c.type().sql() + ")").collect(Collectors.joining(", "));
        try (PreparedStatement ps = pg.prepareStatement("INSERT INTO " + ddl.table(t.name()) + " (" + cols
                + ") OVERRIDING SYSTEM VALUE VALUES (" + params + ")");
             RowReader rows = source.rows(t.source())) {
            while (rows.next()) {
                for (int i = 0; i < t.columns().size(); i++) {
                    Converted c = t.columns().get(i).converter().convert(rows.value(i));
                    assertThat(c).as("%s.%s", t.name(), t.columns().get(i).name()).isInstanceOf(Converted.Value.class);
                    ps.setString(i + 1, ((Converted.Value) c).text());
                }
                ps.executeUpdate();
            }
        }
    }

    @Test
    void scriptRendersEveryIdentifierQuoted() {
        String script = new DdlWriter(null).script(plan(trading, PlanOptions.defaults()));
        assertThat(script).contains("CREATE TABLE \"trades\" (")
                .contains("    \"id\" bigint GENERATED BY DEFAULT AS IDENTITY,")
                .contains("    \"opened_at\" timestamptz NOT NULL DEFAULT now()")
                .contains("CREATE INDEX \"trades_open\" ON \"trades\" (\"account_id\") WHERE \"settled_at\" IS NULL;")
                .contains("CREATE INDEX \"trades_symbol_time\" ON \"trades\" (\"symbol\", \"executed_at\" DESC);")
                .contains("ALTER TABLE \"order_notes\" ADD CONSTRAINT \"order_notes_trade_id_fkey\" FOREIGN KEY (\"trade_id\") "
                        + "REFERENCES \"trades\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION;");
        assertThat(script.indexOf("CREATE TABLE \"order_notes\"")).isLessThan(script.indexOf("PRIMARY KEY"));
    }

    @Test
    void dataDrivenDecisionsAndRejections() {
        Path odd = SqliteFiles.create(dir.resolve("odd.db"),
                """
                CREATE TABLE odd (
                  code TEXT PRIMARY KEY,
                  amount DECIMAL(10,2),
                  flag BOOLEAN,
                  ts DATETIME,
                  jd TIMESTAMP,
                  ms DATETIME,
                  created TEXT,
                  mixed TEXT,
                  doc TEXT,
                  cash MONEY,
                  kind STRING,
                  anything,
                  price REAL,
                  qty INTEGER,
                  bad_date DATETIME
                )""",
                "INSERT INTO odd VALUES ('a', 0.1 + 0.2, 2, 1700000000, 2460000.5, 1700000000123, '2024-01-01', '2024-01-01', '{\"a\":1}', 5, 'x', 1, 1e999, 1, '2024-02-30 10:00:00')",
                "INSERT INTO odd VALUES (NULL, 1.25, 0, 1700000001, 2460001.25, 1700000000999, '2024-01-02', 'n/a', '{\"a\":1,\"a\":2}', 7.5, 'y', 'two', 2.5, 'abc', '0000-00-00 00:00:00')",
                "INSERT INTO odd VALUES ('c', 1.5, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, X'00', 'N/A', 99999999999999999999, '')");
        MigrationPlan plan = plan(odd, PlanOptions.defaults());
        assertThat(col(plan, "odd", "amount").type()).isEqualTo(TargetType.NUMERIC);
        assertThat(col(plan, "odd", "flag").type()).isEqualTo(TargetType.BIGINT);
        assertThat(col(plan, "odd", "ts").type()).isEqualTo(TargetType.TIMESTAMPTZ);
        assertThat(col(plan, "odd", "ts").timeNumbers()).isEqualTo(TimeNumbers.EPOCH_SECONDS);
        assertThat(col(plan, "odd", "jd").timeNumbers()).isEqualTo(TimeNumbers.JULIAN_DAY);
        assertThat(col(plan, "odd", "ms").timeNumbers()).isEqualTo(TimeNumbers.EPOCH_MILLIS);
        assertThat(col(plan, "odd", "created").type()).isEqualTo(TargetType.DATE);
        assertThat(col(plan, "odd", "mixed").type()).isEqualTo(TargetType.TEXT);
        assertThat(col(plan, "odd", "doc").type()).isEqualTo(TargetType.TEXT);
        assertThat(col(plan, "odd", "cash").type()).isEqualTo(TargetType.NUMERIC);
        assertThat(col(plan, "odd", "kind").type()).isEqualTo(TargetType.TEXT);
        assertThat(col(plan, "odd", "anything").type()).isEqualTo(TargetType.TEXT);
        assertThat(col(plan, "odd", "bad_date").type()).isEqualTo(TargetType.TIMESTAMPTZ);
        List<String> warnings = plan.warnings().stream().map(PlanWarning::toString).toList();
        assertThat(warnings).contains(
                "odd.amount: declared DECIMAL(10,2) but values need numeric(18,17) (max 1 integer digits, scale 17); planned numeric so nothing is rounded; --cast odd.amount=numeric(10,2) enforces the declared type and rejects the rows that do not fit",
                "odd.flag: declared BOOLEAN but holds values other than 0/1 (integers 0..2); planned bigint",
                "odd.cash: unknown type name 'MONEY': NUMERIC affinity, planned numeric",
                "odd.kind: unknown type name 'STRING' (NUMERIC affinity) holds text such as 'x'; planned text",
                "odd.anything: no declared type; planned text from its values",
                "odd.ts: 2 numeric value(s) read as seconds since 1970-01-01 UTC (largest magnitude 1700000001)",
                "odd.jd: 2 numeric value(s) read as Julian day numbers (all lie in 1721425.5..5373484.5)",
                "odd.price: 1 non-finite value(s) (NaN/±Infinity): those rows will be rejected unless --non-finite keep|null",
                "odd.bad_date: 3 text value(s) are not valid date-times (e.g. '2024-02-30 10:00:00' is not a real date (February has 29 days in 2024)): those rows will be rejected");
        NumericAudit price = plan.audit().stream().filter(a -> a.column().equals("price")).findFirst().orElseThrow();
        assertThat(price.nonFinite()).isEqualTo(1);
        assertThat(price.recommended()).isEqualTo("numeric(2,1)");

        List<String> rejections = new ArrayList<>();
        TablePlan t = plan.table("odd").orElseThrow();
        try (SqliteSource source = SqliteSource.open(odd); RowReader rows = source.rows(t.source())) {
            while (rows.next()) {
                for (int i = 0; i < t.columns().size(); i++) {
                    if (t.columns().get(i).converter().convert(rows.value(i)) instanceof Rejection r) {
                        rejections.add(rows.rowid() + " " + t.columns().get(i).source().name() + ": " + r.reason());
                    }
                }
            }
        }
        assertThat(rejections).containsExactly(
                "1 price: REAL Infinity is not a finite number (use --non-finite keep or null to map it)",
                "1 bad_date: '2024-02-30 10:00:00' is not a real date (February has 29 days in 2024)",
                "2 code: NULL in primary key column code (SQLite allows it; PostgreSQL does not)",
                "2 qty: text 'abc' is not an integer",
                "2 bad_date: '0000-00-00 00:00:00' is a zero date (0000-00-00), not a real date",
                "3 anything: blob (1 bytes) in a text column (use --cast table.column=bytea to keep binary data)",
                "3 price: text 'N/A' is not a number",
                "3 qty: REAL 100000000000000000000 is beyond bigint range",
                "3 bad_date: empty string is not a date-time");
    }

    @Test
    void overridesApplyAndBadOnesAreUserErrors() {
        MigrationPlan plan = plan(trading, PlanOptions.defaults().withCasts(Casts.parse(List.of(
                "trades.price=numeric(10,2)", "trades.payload=text", "trades.settled_at=timestamptz"))));
        ColumnPlan price = col(plan, "trades", "price");
        assertThat(price.type().sql()).isEqualTo("numeric(10,2)");
        assertThat(price.rule()).startsWith("override --cast");
        assertThat(price.converter().convert(pgferry.source.sqlite.SqliteValue.ofReal(187.123456)))
                .isEqualTo(new Rejection("value 187.123456 has scale 6 > 2 of numeric(10,2)"));
        assertThat(col(plan, "trades", "payload").type()).isEqualTo(TargetType.TEXT);
        assertThat(col(plan, "trades", "settled_at").timeNumbers()).isEqualTo(TimeNumbers.EPOCH_MILLIS);
        assertThatThrownBy(() -> plan(trading, PlanOptions.defaults().withCasts(Casts.parse(List.of("trades.prise=numeric")))))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("--cast trades.prise=numeric: table trades has no column prise (columns: id, account_id");
        assertThatThrownBy(() -> plan(trading, PlanOptions.defaults().withCasts(Casts.parse(List.of("nope.x=text")))))
                .isInstanceOf(UserError.class).hasMessageStartingWith("--cast nope.x=text: there is no table nope");
        assertThatThrownBy(() -> plan(trading, PlanOptions.defaults().withTables(List.of("trade"), List.of())))
                .isInstanceOf(UserError.class).hasMessageStartingWith("--tables trade: there is no such table");
    }

    @Test
    void excludingAParentDropsItsForeignKeysWithAWarning() {
        MigrationPlan plan = plan(trading, PlanOptions.defaults().withTables(List.of(), List.of("accounts")));
        assertThat(plan.table("accounts")).isEmpty();
        assertThat(plan.table("trades").orElseThrow().foreignKeys()).extracting(ForeignKey::referencedTable)
                .containsExactly("instruments");
        assertThat(plan.warnings()).extracting(PlanWarning::toString)
                .contains("trades: FOREIGN KEY (account_id) REFERENCES accounts (id) not carried: table accounts is not migrated");
    }

    @Test
    void planningFromDeclaredTypesAloneReadsNoData() {
        MigrationPlan plan = plan(trading, PlanOptions.defaults().withReadData(false));
        assertThat(plan.dataRead()).isFalse();
        assertThat(plan.audit()).isEmpty();
        assertThat(col(plan, "trades", "executed_at").type()).isEqualTo(TargetType.TEXT);
        assertThat(col(plan, "instruments", "is_active").type()).isEqualTo(TargetType.BOOLEAN);
        assertThat(plan.table("trades").orElseThrow().sourceRows()).isEqualTo(-1);
    }

    @Test
    void progressIsReported() {
        List<String> seen = new ArrayList<>();
        plan(trading, PlanOptions.defaults().withProgress((table, rows, total) -> seen.add(table + " " + rows + "/" + total)));
        assertThat(seen).contains("trades 3/3", "accounts 2/2", "instruments 3/3", "order_notes 2/2");
    }
}
