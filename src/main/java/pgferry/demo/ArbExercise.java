package pgferry.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import pgferry.plan.ShortestDecimal;

/**
 * arb moved to PostgreSQL for exact money: 18-decimal token amounts in numeric(38,18) and share
 * prices in cents in numeric. Shown as the same sums over the SQLite REALs and over NUMERIC.
 */
final class ArbExercise implements Exercise {

    @Override
    public String title() {
        return "exact 18-decimal amounts and cents: the same sums in SQLite REAL and PostgreSQL NUMERIC";
    }

    @Override
    public void run(ExerciseContext ctx) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        long liteTokenTrades;
        double liteTokenSum;
        long liteCount;
        double liteCentsSum;
        long widestId;
        double widestReal;
        String widestRaw;
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + ctx.source(), config.toProperties());
             Statement s = lite.createStatement()) {
            try (ResultSet rs = s.executeQuery(ExerciseContext.sql("arb_sums_sqlite"))) {
                rs.next();
                liteTokenTrades = rs.getLong(1);
                liteTokenSum = rs.getDouble(2);
                liteCount = rs.getLong(3);
                liteCentsSum = rs.getDouble(4);
            }
            try (ResultSet rs = s.executeQuery(ExerciseContext.sql("arb_widest_amount_sqlite"))) {
                rs.next();
                widestId = rs.getLong(1);
                widestReal = rs.getDouble(2);
                widestRaw = rs.getString(3);
            }
        }
        try (Connection c = ctx.connect()) {
            long tokenTrades;
            BigDecimal tokenSum;
            long roundedInSqlite;
            long count;
            BigDecimal cents;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ExerciseContext.sql("arb_sums_postgres"))) {
                rs.next();
                tokenTrades = rs.getLong(1);
                tokenSum = rs.getBigDecimal(2);
                roundedInSqlite = rs.getLong(3);
                count = rs.getLong(4);
                cents = rs.getBigDecimal(5);
            }
            try (PreparedStatement ps = c.prepareStatement(ExerciseContext.sql("arb_amount_postgres"))) {
                ps.setLong(1, widestId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ctx.line("trade " + widestId + ": raw amount " + widestRaw + " base units; SQLite REAL held "
                            + decimal(widestReal).toPlainString() + "; numeric(38,18) holds " + rs.getBigDecimal(2).toPlainString());
                }
            }
            ctx.line(roundedInSqlite + " of " + count + " on-chain input amounts were rounded by SQLite's REAL (a double);"
                    + " the migration carried each REAL exactly, and the raw uint256 (numeric(78,0)) gives every base unit back");
            BigDecimal liteToken = decimal(liteTokenSum);
            ctx.line("tokens sold, sum over " + tokenTrades + " trades: NUMERIC (exact, 18 decimals) " + tokenSum.toPlainString()
                    + " | SQLite sum() of REAL " + liteToken.toPlainString() + " | difference "
                    + tokenSum.subtract(liteToken).toPlainString());
            BigDecimal liteCents = decimal(liteCentsSum);
            BigDecimal liteCentsExact = new BigDecimal(liteCentsSum);
            ctx.line("sum(onchain_price_per_share_cents) over " + count + " trades: NUMERIC " + cents.toPlainString()
                    + " | SQLite REAL prints " + liteCents.toPlainString() + " but holds " + liteCentsExact.toPlainString()
                    + " | difference " + cents.subtract(liteCentsExact).stripTrailingZeros().toPlainString());
            ctx.fact("trades", count);
            ctx.fact("amountsRoundedBySqlite", roundedInSqlite);
            ctx.fact("tokenSumDifference", tokenSum.subtract(liteToken).toPlainString());
            ctx.fact("centsSumDifference", cents.subtract(liteCentsExact).toPlainString());
            if (count != liteCount || tokenTrades != liteTokenTrades) {
                ctx.fail("PostgreSQL has " + count + " trades, the SQLite source " + liteCount);
            }
        }
    }

    /** The double as the shortest decimal that reads back to it (what SQLite's value is). */
    private static BigDecimal decimal(double d) {
        return new BigDecimal(ShortestDecimal.toPlainString(d));
    }
}
