package pgferry.store.prescient;

import static pgferry.store.JsonFields.bool;
import static pgferry.store.JsonFields.decimal;
import static pgferry.store.JsonFields.put;
import static pgferry.store.JsonFields.requiredText;
import static pgferry.store.JsonFields.text;
import static pgferry.store.JsonFields.time;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pgferry.store.EntityType;
import pgferry.store.JdbcValues;
import pgferry.store.PgRepository;
import pgferry.store.SqlText;
import pgferry.store.StoreJson;

/**
 * Prescient's trading signals: JSON codec (the "signals" array of current_signals.json) and repository
 * ({@code trading_signals}). The natural key is the instant and the market: {@code 2025-01-06T14:30:11.123456Z|<market_id>}.
 * trading_signals has no UNIQUE constraint on them (a migrated history may repeat a pair), so the upsert is
 * an UPDATE of the rows with that key plus an INSERT when there is none, in one statement.
 */
public final class Signals implements EntityType<TradingSignal>, PgRepository<TradingSignal> {

    public static final Signals INSTANCE = new Signals();
    private static final String SQL = "pgferry/store/prescient/signals_";

    private Signals() {
    }

    @Override
    public String name() {
        return "signals";
    }

    /** The natural key of the signal generated for {@code marketId} at {@code timestamp}. */
    public static String key(OffsetDateTime timestamp, String marketId) {
        return timestamp.toInstant() + "|" + marketId;
    }

    @Override
    public String keyOf(TradingSignal s) {
        return key(s.timestamp(), s.marketId());
    }

    @Override
    public String keyOf(ObjectNode json) {
        OffsetDateTime t = time(json, "timestamp");
        if (t == null) {
            throw new pgferry.UserError("a signal in current_signals.json has no \"timestamp\"; every signal needs one");
        }
        return key(t, requiredText(json, "market_id"));
    }

    @Override
    public ObjectNode toJson(TradingSignal s) {
        ObjectNode o = StoreJson.mapper().createObjectNode();
        put(o, "timestamp", s.timestamp());
        put(o, "market_id", s.marketId());
        put(o, "market_question", s.marketQuestion());
        put(o, "action", s.action());
        put(o, "target_price", s.targetPrice());
        put(o, "amount", s.amount());
        put(o, "confidence", s.confidence());
        put(o, "reason", s.reason());
        put(o, "yes_price", s.yesPrice());
        put(o, "no_price", s.noPrice());
        put(o, "market_liquidity", s.marketLiquidity());
        put(o, "market_volume", s.marketVolume());
        put(o, "event_id", s.eventId());
        put(o, "event_title", s.eventTitle());
        put(o, "event_end_date", s.eventEndDate());
        put(o, "executed", s.executed());
        put(o, "executed_at", s.executedAt());
        put(o, "trade_id", s.tradeId());
        return o;
    }

    @Override
    public TradingSignal fromJson(ObjectNode o) {
        return new TradingSignal(time(o, "timestamp"), requiredText(o, "market_id"),
                text(o, "market_question"), text(o, "action"), decimal(o, "target_price"), decimal(o, "amount"),
                decimal(o, "confidence"), text(o, "reason"), decimal(o, "yes_price"), decimal(o, "no_price"),
                decimal(o, "market_liquidity"), decimal(o, "market_volume"), text(o, "event_id"), text(o, "event_title"),
                time(o, "event_end_date"), bool(o, "executed"), time(o, "executed_at"), text(o, "trade_id"));
    }

    @Override
    public void upsert(Connection c, TradingSignal s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "upsert.sql"))) {
            JdbcValues.time(ps, 1, s.timestamp());
            JdbcValues.text(ps, 2, s.marketId());
            JdbcValues.text(ps, 3, s.marketQuestion());
            JdbcValues.text(ps, 4, s.action());
            JdbcValues.decimal(ps, 5, s.targetPrice());
            JdbcValues.decimal(ps, 6, s.amount());
            JdbcValues.decimal(ps, 7, s.confidence());
            JdbcValues.text(ps, 8, s.reason());
            JdbcValues.decimal(ps, 9, s.yesPrice());
            JdbcValues.decimal(ps, 10, s.noPrice());
            JdbcValues.decimal(ps, 11, s.marketLiquidity());
            JdbcValues.decimal(ps, 12, s.marketVolume());
            JdbcValues.text(ps, 13, s.eventId());
            JdbcValues.text(ps, 14, s.eventTitle());
            JdbcValues.time(ps, 15, s.eventEndDate());
            JdbcValues.bool(ps, 16, s.executed() != null ? s.executed() : Boolean.FALSE);
            JdbcValues.time(ps, 17, s.executedAt());
            JdbcValues.text(ps, 18, s.tradeId());
            ps.executeUpdate();
        }
    }

    @Override
    public void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "delete.sql"))) {
            bindKey(ps, key);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<TradingSignal> find(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "find.sql"))) {
            bindKey(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<TradingSignal> findAll(Connection c) throws SQLException {
        List<TradingSignal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "find_all.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    /** Binds a key's market (1) and instant (2). */
    private static void bindKey(PreparedStatement ps, String key) throws SQLException {
        int bar = key.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not a signal key (instant|market_id): " + key);
        }
        ps.setString(1, key.substring(bar + 1));
        JdbcValues.time(ps, 2, OffsetDateTime.ofInstant(Instant.parse(key.substring(0, bar)), ZoneOffset.UTC));
    }

    private static TradingSignal row(ResultSet rs) throws SQLException {
        return new TradingSignal(JdbcValues.time(rs, "timestamp"), rs.getString("market_id"),
                rs.getString("market_question"), rs.getString("action"), rs.getBigDecimal("target_price"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("confidence"), rs.getString("reason"),
                rs.getBigDecimal("yes_price"), rs.getBigDecimal("no_price"), rs.getBigDecimal("market_liquidity"),
                rs.getBigDecimal("market_volume"), rs.getString("event_id"), rs.getString("event_title"),
                JdbcValues.time(rs, "event_end_date"), JdbcValues.bool(rs, "executed"), JdbcValues.time(rs, "executed_at"),
                rs.getString("trade_id"));
    }
}
