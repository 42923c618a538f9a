package pgferry.systems.arb;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.systems.SystemSql.exec;
import static pgferry.systems.SystemSql.refuses;
import static pgferry.systems.SystemSql.single;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import pgferry.testing.PgTest;

/** arb's PostgreSQL schema: exact amounts, and the CHECKs on directions, statuses and amounts. */
@PgTest(migrations = "classpath:pgferry/systems/arb/postgres")
class ArbPostgresTest {

    private static final String HASH = "'0x" + "ab".repeat(32) + "'";

    private static String trade(String direction, String amount, String status) {
        return "INSERT INTO onchain_trades (tx_hash, log_index, block_number, symbol, direction, onchain_input_symbol,"
                + " onchain_input_amount, onchain_input_amount_raw, onchain_output_symbol, onchain_output_amount, onchain_io_ratio,"
                + " onchain_price_per_share_cents, status) VALUES (" + HASH + ", 0, 1, 'AAPL', '" + direction + "', 'tAAPL', "
                + amount + ", 12345678123456789012345678, 'USDC', 2834779339.105749, 0.0043551, 22961.7143, '" + status + "')";
    }

    @Test
    void eighteenDecimalAmountsAndRawU256AreKeptExactly(Connection c) throws Exception {
        exec(c, trade("SELL", "12345678.123456789012345678", "PENDING"));
        assertThat(single(c, "SELECT onchain_input_amount FROM onchain_trades")).isEqualTo("12345678.123456789012345678");
        assertThat(single(c, "SELECT onchain_input_amount_raw FROM onchain_trades")).isEqualTo("12345678123456789012345678");
        assertThat(single(c, "SELECT id FROM onchain_trades")).as("identity").isEqualTo("1");
        exec(c, "UPDATE onchain_trades SET onchain_input_amount = 0.000000000000000001");
        assertThat(single(c, "SELECT onchain_input_amount FROM onchain_trades")).isEqualTo("0.000000000000000001");
        exec(c, "UPDATE onchain_trades SET onchain_input_amount_raw = 115792089237316195423570985008687907853269984665640564039457584007913129639935");
        assertThat(single(c, "SELECT length(onchain_input_amount_raw::text) FROM onchain_trades")).as("uint256 max fits").isEqualTo("78");
    }

    @Test
    void checksRejectNegativeAmountsUnknownDirectionsAndStatuses(Connection c) throws Exception {
        refuses(c, trade("SELL", "-1.5", "PENDING"), "23514", "onchain_trades_onchain_input_amount_check");
        refuses(c, trade("SELL", "0", "PENDING"), "23514", "onchain_trades_onchain_input_amount_check");
        refuses(c, trade("HOLD", "1.5", "PENDING"), "23514", "onchain_trades_direction_check");
        refuses(c, trade("BUY", "1.5", "LOST"), "23514", "onchain_trades_status_check");
        refuses(c, trade("BUY", "1.5", "PENDING").replace(HASH, "'0xabc'"), "23514", "onchain_trades_tx_hash_check");
        exec(c, trade("BUY", "1.5", "PENDING"));
        refuses(c, trade("BUY", "2.5", "PENDING"), "23505", "onchain_trades_tx_hash_log_index_key");

        refuses(c, "INSERT INTO schwab_executions (symbol, shares, direction) VALUES ('AAPL', -3, 'BUY')", "23514", "schwab_executions_shares_check");
        refuses(c, "INSERT INTO schwab_executions (symbol, shares, direction, status) VALUES ('AAPL', 3, 'BUY', 'DONE')", "23514", "schwab_executions_status_check");
        refuses(c, "INSERT INTO schwab_executions (symbol, shares, direction, order_id, status, executed_at) VALUES ('AAPL', 3, 'BUY', '1', 'FILLED', now())",
                "23514", "schwab_executions_status_fields_check");
        refuses(c, "INSERT INTO schwab_executions (symbol, shares, direction, order_id, schwab_price_per_share_cents, status, executed_at)"
                + " VALUES ('AAPL', 3, 'BUY', '1', -22961.45, 'FILLED', now())", "23514", "schwab_executions_schwab_price_per_share_cents_check");
        exec(c, "INSERT INTO schwab_executions (symbol, shares, direction, order_id, schwab_price_per_share_cents, status, executed_at)"
                + " VALUES ('AAPL', 3, 'BUY', '1004000001', 22961.45, 'FILLED', '2025-01-02T14:32:24.058600+00:00')");
        refuses(c, "INSERT INTO trade_execution_links (onchain_trade_id, schwab_execution_id, executed_amount) SELECT max(id), 99, 1.5 FROM onchain_trades",
                "23503", "trade_execution_links_schwab_execution_id_fkey");
        refuses(c, "INSERT INTO trade_accumulators (symbol, accumulated_long) VALUES ('AAPL', -0.1)", "23514", "trade_accumulators_accumulated_long_check");
        exec(c, "INSERT INTO schwab_auth (id, access_token, access_token_fetched_at, refresh_token, refresh_token_fetched_at) VALUES (1, 'a', now(), 'r', now())");
        refuses(c, "INSERT INTO schwab_auth (id, access_token, access_token_fetched_at, refresh_token, refresh_token_fetched_at) VALUES (2, 'a', now(), 'r', now())",
                "23514", "schwab_auth_id_check");
    }
}
