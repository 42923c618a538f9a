package pgferry.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pgferry.bench.Answer;
import pgferry.bench.data.Fixtures;
import pgferry.bench.data.Trade;

/** The trades in PostgreSQL with prescient's Flyway schema (NUMERIC money, TIMESTAMPTZ, its indexes). */
public final class PostgresTrades implements TradeStore {
    public static final String SCHEMA = "pgferry_bench_prescient";
    private static final SqlFile SQL = SqlFile.load("trades-postgres.sql");
    private final Connection c;
    private final PreparedStatement byId;
    private final PreparedStatement window;
    private final PreparedStatement pnl;
    private final PreparedStatement insert;

    private PostgresTrades(Connection c) throws SQLException {
        this.c = c;
        byId = c.prepareStatement(SQL.get("by_id"));
        window = c.prepareStatement(SQL.get("window"));
        pnl = c.prepareStatement(SQL.get("pnl"));
        insert = c.prepareStatement(SQL.get("insert"));
    }

    /**
     * The trades of {@code json} in the fixture schema {@code pgferry_bench_prescient_<size>} (prescient's migrations,
     * COPY, ANALYZE), loaded once per data file and loader and then reused; see {@link Postgres#fixture}.
     */
    public static PostgresTrades fixture(int size, Path json, String flywayLocation) {
        String key = Fixtures.sha256(Fixtures.sha256(json) + "\n" + SQL.text() + "\n"
                + Fixtures.code(PostgresTrades.class, Postgres.class, JsonRecords.class, Trade.class, pgferry.bench.data.Times.class));
        Connection c = Postgres.fixture(fixtureSchema(size), key, flywayLocation, conn -> copy(conn, json));
        return open(c);
    }

    /**
     * A private copy of the fixture for a trial that writes (append): a fresh schema {@code ..._<size>_append} from the
     * same migrations, the fixture's rows inserted in their original order (ids drawn afresh, as COPY did), ANALYZE.
     * The caller drops it ({@link #dropCopy}).
     */
    public static PostgresTrades writableCopy(int size, Path json, String flywayLocation) {
        fixture(size, json, flywayLocation).close();
        Connection c = Postgres.freshSchema(copySchema(size), flywayLocation);
        Postgres.execute(c, SQL.get("copy_from_fixture").replace("{fixture}", fixtureSchema(size)));
        Postgres.execute(c, SQL.get("analyze"));
        return open(c);
    }

    public static void dropCopy(int size) {
        Postgres.dropSchema(copySchema(size));
    }

    static String fixtureSchema(int size) {
        return SCHEMA + "_" + size;
    }

    static String copySchema(int size) {
        return SCHEMA + "_" + size + "_append";
    }

    private static void copy(Connection c, Path json) {
        Postgres.copy(c, SQL.get("copy"), JsonRecords.of(json, n -> {
            Trade t = Trade.of(n);
            return Arrays.asList(t.tradeId(), t.timestamp(), t.marketId(), t.marketQuestion(), t.action(), t.amount(),
                    t.entryPrice(), t.confidence(), t.reason(), t.status(), t.eventId(), t.eventTitle(),
                    naiveUtc(t.eventEndDate()), t.currentPnl(), t.realizedPnl(), t.exitPrice(), naiveUtc(t.exitTimestamp()));
        }));
        Postgres.execute(c, SQL.get("analyze"));
    }

    private static PostgresTrades open(Connection c) {
        try {
            return new PostgresTrades(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A time text for a TIMESTAMPTZ column: naive texts are UTC. */
    private static Object naiveUtc(String text) {
        return text == null ? null : pgferry.bench.data.Times.parse(text);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public Answer tradeById(String tradeId) {
        try {
            byId.setString(1, tradeId);
            try (ResultSet rs = byId.executeQuery()) {
                if (!rs.next()) {
                    return Answer.empty();
                }
                return Answer.row(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Answer marketWindow(String marketId, Instant from, Instant to) {
        try {
            window.setString(1, marketId);
            window.setObject(2, from.atOffset(ZoneOffset.UTC));
            window.setObject(3, to.atOffset(ZoneOffset.UTC));
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = window.executeQuery()) {
                while (rs.next()) {
                    rows.add(Arrays.asList(rs.getString(1), instant(rs, 2), rs.getBigDecimal(3)));
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
                rows.add(Arrays.asList(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
            }
            return Answer.of(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void append(Trade t) {
        try {
            insert.setString(1, t.tradeId());
            insert.setObject(2, t.timestamp().atOffset(ZoneOffset.UTC));
            insert.setString(3, t.marketId());
            insert.setString(4, t.marketQuestion());
            insert.setString(5, t.action());
            insert.setBigDecimal(6, t.amount());
            insert.setBigDecimal(7, t.entryPrice());
            insert.setBigDecimal(8, t.confidence());
            insert.setString(9, t.reason());
            insert.setString(10, t.status());
            insert.setString(11, t.eventId());
            insert.setString(12, t.eventTitle());
            insert.setString(13, t.eventEndDate() == null ? null : pgferry.bench.data.Times.parse(t.eventEndDate()).toString());
            insert.setBigDecimal(14, t.currentPnl());
            insert.setBigDecimal(15, t.realizedPnl());
            insert.setBigDecimal(16, t.exitPrice());
            insert.setString(17, t.exitTimestamp() == null ? null : pgferry.bench.data.Times.parse(t.exitTimestamp()).toString());
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
