package pgferry.bench.store;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pgferry.bench.Answer;
import pgferry.bench.data.Fixtures;
import pgferry.bench.data.Times;
import pgferry.bench.data.Trade;

/** The trades in a SQLite file (xerial sqlite-jdbc), indexed as the PostgreSQL schema is; see trades-sqlite.sql. */
public final class SqliteTrades implements TradeStore {
    private static final SqlFile SQL = SqlFile.load("trades-sqlite.sql");
    private final Connection c;
    private final PreparedStatement byId;
    private final PreparedStatement window;
    private final PreparedStatement pnl;
    private final PreparedStatement insert;

    private SqliteTrades(Connection c) throws SQLException {
        this.c = c;
        byId = c.prepareStatement(SQL.get("by_id"));
        window = c.prepareStatement(SQL.get("window"));
        pnl = c.prepareStatement(SQL.get("pnl"));
        insert = c.prepareStatement(SQL.get("insert"));
    }

    /** Creates {@code db} (must not exist) with the schema, loads the trades of {@code json} in one transaction, ANALYZE, closes it. */
    public static void build(Path db, Path json) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                for (String s : SQL.script("schema")) {
                    st.execute(s);
                }
            }
            SqliteTrades store = new SqliteTrades(c);
            c.setAutoCommit(false);
            int n = 0;
            for (Trade t : JsonRecords.of(json, Trade::of)) {
                store.bind(t);
                store.insert.addBatch();
                if (++n % 5000 == 0) {
                    store.insert.executeBatch();
                }
            }
            store.insert.executeBatch();
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load SQLite " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * The trades of {@code json} in a private copy (in {@code dir}) of the SQLite fixture built once per data file and
     * loader by {@link #build}; see {@link Fixtures#sqlite}.
     */
    public static SqliteTrades fromFixture(Path json, Path dir) {
        String loader = SQL.text() + "\n" + Fixtures.code(SqliteTrades.class, JsonRecords.class, Trade.class, Times.class);
        return open(Fixtures.copy(Fixtures.sqlite(json, "trades", loader, SqliteTrades::build), dir, "trades.db"));
    }

    public static SqliteTrades open(Path db) {
        try {
            return new SqliteTrades(DriverManager.getConnection("jdbc:sqlite:" + db));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open SQLite " + db + ": " + e.getMessage(), e);
        }
    }

    private void bind(Trade t) throws SQLException {
        insert.setString(1, t.tradeId());
        insert.setLong(2, Times.micros(t.timestamp()));
        insert.setString(3, t.marketId());
        insert.setString(4, t.marketQuestion());
        insert.setString(5, t.action());
        insert.setLong(6, cents(t.amount()));
        insert.setString(7, t.entryPrice().toPlainString());
        insert.setString(8, t.confidence().toPlainString());
        insert.setString(9, t.reason());
        insert.setString(10, t.status());
        insert.setString(11, t.eventId());
        insert.setString(12, t.eventTitle());
        insert.setString(13, t.eventEndDate());
        setCents(14, t.currentPnl());
        setCents(15, t.realizedPnl());
        insert.setString(16, t.exitPrice() == null ? null : t.exitPrice().toPlainString());
        insert.setString(17, t.exitTimestamp());
    }

    private void setCents(int i, BigDecimal v) throws SQLException {
        if (v == null) {
            insert.setNull(i, Types.INTEGER);
        } else {
            insert.setLong(i, cents(v));
        }
    }

    /** Exact cents; a value with more than 2 decimals is a data error, not something to round quietly. */
    static long cents(BigDecimal v) {
        return v.movePointRight(2).longValueExact();
    }

    static BigDecimal fromCents(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : BigDecimal.valueOf(v, 2);
    }

    @Override
    public Answer tradeById(String tradeId) {
        try {
            byId.setString(1, tradeId);
            try (ResultSet rs = byId.executeQuery()) {
                if (!rs.next()) {
                    return Answer.empty();
                }
                return Answer.row(rs.getString(1), Times.fromMicros(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        fromCents(rs, 5), new BigDecimal(rs.getString(6)), rs.getString(7), fromCents(rs, 8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Answer marketWindow(String marketId, Instant from, Instant to) {
        try {
            window.setString(1, marketId);
            window.setLong(2, Times.micros(from));
            window.setLong(3, Times.micros(to));
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = window.executeQuery()) {
                while (rs.next()) {
                    rows.add(Arrays.asList(rs.getString(1), Times.fromMicros(rs.getLong(2)), fromCents(rs, 3)));
                }
            }
            return Answer.of(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Answer pnlPerMarket() {
        try (ResultSet rs = pnl.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(Arrays.asList(rs.getString(1), rs.getLong(2), fromCents(rs, 3), fromCents(rs, 4)));
            }
            return Answer.of(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void append(Trade trade) {
        try {
            bind(trade);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
