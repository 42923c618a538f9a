package pgferry.store.prescient;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pgferry.store.EntityType;
import pgferry.store.JdbcValues;
import pgferry.store.PgRepository;
import pgferry.store.SqlText;
import pgferry.store.StoreJson;

/** Prescient's trades: the JSON codec (paper_trades.json) and the PostgreSQL repository ({@code trades}), keyed by trade_id. */
public final class Trades implements EntityType<Trade>, PgRepository<Trade> {

    public static final Trades INSTANCE = new Trades();
    private static final String SQL = "pgferry/store/prescient/trades_";

    private Trades() {
    }

    @Override
    public String name() {
        return "trades";
    }

    @Override
    public String keyOf(Trade t) {
        return t.tradeId();
    }

    @Override
    public String keyOf(ObjectNode json) {
        return requiredText(json, "trade_id");
    }

    @Override
    public ObjectNode toJson(Trade t) {
        ObjectNode o = StoreJson.mapper().createObjectNode();
        put(o, "trade_id", t.tradeId());
        put(o, "timestamp", t.timestamp());
        put(o, "market_id", t.marketId());
        put(o, "market_question", t.marketQuestion());
        put(o, "action", t.action());
        put(o, "amount", t.amount());
        put(o, "entry_price", t.entryPrice());
        put(o, "confidence", t.confidence());
        put(o, "reason", t.reason());
        put(o, "status", t.status());
        put(o, "event_id", t.eventId());
        put(o, "event_title", t.eventTitle());
        put(o, "event_end_date", t.eventEndDate());
        put(o, "current_pnl", t.currentPnl());
        put(o, "realized_pnl", t.realizedPnl());
        put(o, "exit_price", t.exitPrice());
        put(o, "exit_timestamp", t.exitTimestamp());
        return o;
    }

    @Override
    public Trade fromJson(ObjectNode o) {
        return new Trade(requiredText(o, "trade_id"), time(o, "timestamp"), text(o, "market_id"), text(o, "market_question"),
                text(o, "action"), decimal(o, "amount"), decimal(o, "entry_price"), decimal(o, "confidence"),
                text(o, "reason"), text(o, "status"), text(o, "event_id"), text(o, "event_title"),
                time(o, "event_end_date"), decimal(o, "current_pnl"), decimal(o, "realized_pnl"),
                decimal(o, "exit_price"), time(o, "exit_timestamp"));
    }

    @Override
    public void upsert(Connection c, Trade t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "upsert.sql"))) {
            JdbcValues.text(ps, 1, t.tradeId());
            JdbcValues.time(ps, 2, t.timestamp());
            JdbcValues.text(ps, 3, t.marketId());
            JdbcValues.text(ps, 4, t.marketQuestion());
            JdbcValues.text(ps, 5, t.action());
            JdbcValues.decimal(ps, 6, t.amount());
            JdbcValues.decimal(ps, 7, t.entryPrice());
            JdbcValues.decimal(ps, 8, t.confidence());
            JdbcValues.text(ps, 9, t.reason());
            JdbcValues.text(ps, 10, t.status());
            JdbcValues.text(ps, 11, t.eventId());
            JdbcValues.text(ps, 12, t.eventTitle());
            JdbcValues.time(ps, 13, t.eventEndDate());
            JdbcValues.decimal(ps, 14, t.currentPnl());
            JdbcValues.decimal(ps, 15, t.realizedPnl());
            JdbcValues.decimal(ps, 16, t.exitPrice());
            JdbcValues.time(ps, 17, t.exitTimestamp());
            ps.executeUpdate();
        }
    }

    @Override
    public void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "delete.sql"))) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Trade> find(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "find.sql"))) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<Trade> findAll(Connection c) throws SQLException {
        List<Trade> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "find_all.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static Trade row(ResultSet rs) throws SQLException {
        return new Trade(rs.getString("trade_id"), JdbcValues.time(rs, "timestamp"), rs.getString("market_id"),
                rs.getString("market_question"), rs.getString("action"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("entry_price"), rs.getBigDecimal("confidence"), rs.getString("reason"),
                rs.getString("status"), rs.getString("event_id"), rs.getString("event_title"),
                JdbcValues.time(rs, "event_end_date"), rs.getBigDecimal("current_pnl"), rs.getBigDecimal("realized_pnl"),
                rs.getBigDecimal("exit_price"), JdbcValues.time(rs, "exit_timestamp"));
    }
}
