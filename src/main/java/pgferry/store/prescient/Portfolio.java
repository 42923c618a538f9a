package pgferry.store.prescient;

import static pgferry.store.JsonFields.decimal;
import static pgferry.store.JsonFields.integer;
import static pgferry.store.JsonFields.put;
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

/**
 * Prescient's portfolio: one JSON object file ({@code portfolio.json}) and one row of
 * {@code portfolio_state} (id 1). Its key is always {@link #KEY}.
 */
public final class Portfolio implements EntityType<PortfolioState>, PgRepository<PortfolioState> {

    public static final Portfolio INSTANCE = new Portfolio();
    /** The key of the only portfolio (portfolio_state.id = 1). */
    public static final String KEY = "1";
    private static final String SQL = "pgferry/store/prescient/portfolio_";

    private Portfolio() {
    }

    @Override
    public String name() {
        return "portfolio";
    }

    @Override
    public String keyOf(PortfolioState value) {
        return KEY;
    }

    @Override
    public String keyOf(ObjectNode json) {
        return KEY;
    }

    @Override
    public ObjectNode toJson(PortfolioState p) {
        ObjectNode o = StoreJson.mapper().createObjectNode();
        put(o, "balance", p.balance());
        put(o, "total_invested", p.totalInvested());
        put(o, "total_profit_loss", p.totalProfitLoss());
        put(o, "trade_count", p.tradeCount());
        put(o, "created_at", p.createdAt());
        put(o, "last_updated", p.lastUpdated());
        return o;
    }

    @Override
    public PortfolioState fromJson(ObjectNode o) {
        Long count = integer(o, "trade_count");
        return new PortfolioState(decimal(o, "balance"), decimal(o, "total_invested"), decimal(o, "total_profit_loss"),
                count == null ? 0 : count, time(o, "created_at"), time(o, "last_updated"));
    }

    @Override
    public void upsert(Connection c, PortfolioState p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "upsert.sql"))) {
            JdbcValues.decimal(ps, 1, p.balance());
            JdbcValues.decimal(ps, 2, p.totalInvested());
            JdbcValues.decimal(ps, 3, p.totalProfitLoss());
            ps.setLong(4, p.tradeCount());
            JdbcValues.time(ps, 5, p.createdAt());
            JdbcValues.time(ps, 6, p.lastUpdated());
            ps.executeUpdate();
        }
    }

    @Override
    public void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "delete.sql"))) {
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<PortfolioState> find(Connection c, String key) throws SQLException {
        List<PortfolioState> all = findAll(c);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public List<PortfolioState> findAll(Connection c) throws SQLException {
        List<PortfolioState> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SqlText.load(SQL + "find.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PortfolioState(rs.getBigDecimal("balance"), rs.getBigDecimal("total_invested"),
                        rs.getBigDecimal("total_profit_loss"), rs.getLong("trade_count"),
                        JdbcValues.time(rs, "created_at"), JdbcValues.time(rs, "last_updated")));
            }
        }
        return out;
    }
}
