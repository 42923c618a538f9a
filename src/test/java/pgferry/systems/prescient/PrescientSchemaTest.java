package pgferry.systems.prescient;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.systems.Rejections.reject;
import static pgferry.systems.Rejections.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import pgferry.testing.PgTest;

/** The prescient schema accepts the JSON files' rows and refuses what the seed's rules forbid. */
@PgTest(migrations = "classpath:pgferry/systems/prescient/postgres")
class PrescientSchemaTest {

    private static final String TRADE = "INSERT INTO trades (trade_id, \"timestamp\", market_id, market_question, action, amount, "
            + "entry_price, confidence, status) VALUES ('%s', '2025-01-06T14:30:11.123456', '500015', 'Will it?', '%s', %s, 0.635, 0.7234, '%s')";

    @Test
    void aValidTradeAndItsSignalAreStoredExactly(Connection c) throws Exception {
        run(c, TRADE.formatted("trade_20250106_000001", "buy_yes", "77.44", "open"));
        run(c, "INSERT INTO trading_signals (\"timestamp\", market_id, market_question, action, target_price, amount, confidence, "
                + "yes_price, no_price, market_liquidity, executed, trade_id) VALUES ('2025-01-06T14:29:00+00:00', '500015', 'Will it?', "
                + "'buy_yes', 0.635, 77.44, 0.7234, 0.00005, 0.99995, 22562.990312, true, 'trade_20250106_000001')");
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT t.amount::text, s.yes_price::text, s.market_liquidity::text FROM trades t "
                     + "JOIN trading_signals s USING (trade_id)")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("77.44");
            assertThat(rs.getString(2)).isEqualTo("0.000050");
            assertThat(rs.getString(3)).isEqualTo("22562.990312");
        }
    }

    @Test
    void aNegativeAmountIsRefused(Connection c) {
        var r = reject(c, TRADE.formatted("t1", "buy_yes", "-0.01", "open"));
        assertThat(r.sqlState()).isEqualTo("23514");
        assertThat(r.constraint()).isEqualTo("trades_amount_check");
    }

    @Test
    void anUnknownStatusOrActionIsRefused(Connection c) {
        assertThat(reject(c, TRADE.formatted("t1", "buy_yes", "10", "pending")).constraint()).isEqualTo("trades_status_check");
        assertThat(reject(c, TRADE.formatted("t1", "sell_yes", "10", "open")).constraint()).isEqualTo("trades_action_check");
    }

    @Test
    void thereIsOnlyOnePortfolioStateRow(Connection c) throws Exception {
        String row = "INSERT INTO portfolio_state (%s balance, total_invested, total_profit_loss, trade_count, created_at, last_updated) "
                + "VALUES (%s 11518.14, 150.0, 1668.14, 40, '2025-01-06T00:00:00', '2025-01-08T00:02:00.271828+00:00')";
        run(c, row.formatted("", ""));
        var again = reject(c, row.formatted("", ""));
        assertThat(again.sqlState()).isEqualTo("23505");
        var second = reject(c, row.formatted("id,", "2,"));
        assertThat(second.sqlState()).isEqualTo("23514");
        assertThat(second.constraint()).isEqualTo("single_portfolio");
    }

    @Test
    void aSignalCannotNameATradeThatDoesNotExist(Connection c) {
        var r = reject(c, "INSERT INTO trading_signals (\"timestamp\", market_id, market_question, action, target_price, amount, "
                + "confidence, yes_price, no_price, executed, trade_id) VALUES (now(), 'm', 'q', 'buy_no', 0.5, 1, 0.6, 0.5, 0.5, true, 'trade_missing')");
        assertThat(r.sqlState()).isEqualTo("23503");
    }

    @Test
    void pricesOutsideZeroToOneAndExcessDecimalsAreRefused(Connection c) {
        assertThat(reject(c, TRADE.formatted("t1", "buy_yes", "10", "open").replace("0.635", "1.5")).sqlState()).isEqualTo("23514");
        // NUMERIC(15,2) would round 10.005 silently on INSERT; the migration must reject such values before
        // they get here (issue 6), so this only documents PostgreSQL's own behaviour:
        assertThat(reject(c, TRADE.formatted("t1", "buy_yes", "10000000000000.00", "open")).sqlState()).isEqualTo("22003");
    }

    @Test
    void theSeedsMetadataRowsAreThere(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT string_agg(key, ',' ORDER BY key) FROM system_metadata")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("last_event_export,last_market_filter,last_signal_generation,last_trade_execution,schema_version");
        }
    }
}
