package pgferry.systems.aitrader;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.systems.SystemSql.column;
import static pgferry.systems.SystemSql.exec;
import static pgferry.systems.SystemSql.explain;
import static pgferry.systems.SystemSql.refuses;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import pgferry.testing.PgTest;

/** aitrader's PostgreSQL schema: SET NULL foreign keys, the CHECKs, the seed's indexes. */
@PgTest(migrations = "classpath:pgferry/systems/aitrader/postgres")
class AitraderPostgresTest {

    private static void prediction(Connection c) throws Exception {
        exec(c, "INSERT INTO predictions (id, timestamp, symbol, timeframe, prediction, confidence, current_price, used_by_agent, should_trade)"
                + " VALUES (1, '2025-01-06 09:00:00.123456+00', 'EURUSD', 'H1', 'BUY', 0.8123, 1.08345, true, true)");
        exec(c, "INSERT INTO trade_explanations (id, symbol, decision, summary) VALUES (1, 'EURUSD', 'BUY', 'trend and momentum agree')");
    }

    private static String trade(String quantity, String status, String mode) {
        return "INSERT INTO trades (prediction_id, explanation_id, symbol, side, quantity, entry_price, entry_time, status, execution_mode, broker, mt5_ticket)"
                + " VALUES (1, 1, 'EURUSD', 'BUY', " + quantity + ", 1.08345, '2025-01-06 09:00:02+00', '" + status + "', '" + mode + "', 'mt5', 50118001)";
    }

    @Test
    void deletingAnExplanationOrAPredictionKeepsTheTradeAndClearsTheLink(Connection c) throws Exception {
        prediction(c);
        exec(c, trade("0.10", "OPEN", "paper"));
        exec(c, "DELETE FROM trade_explanations WHERE id = 1");
        assertThat(column(c, "SELECT coalesce(explanation_id::text, 'null') || ' ' || prediction_id FROM trades")).containsExactly("null 1");
        exec(c, "DELETE FROM predictions WHERE id = 1");
        assertThat(column(c, "SELECT coalesce(prediction_id::text, 'null') || ' ' || quantity FROM trades")).containsExactly("null 0.10");
    }

    @Test
    void checksRejectUnknownValuesAndNegativeAmounts(Connection c) throws Exception {
        prediction(c);
        refuses(c, trade("-0.10", "OPEN", "paper"), "23514", "ck_trades_quantity_positive");
        refuses(c, trade("0.10", "LOST", "paper"), "23514", "tradestatus");
        refuses(c, trade("0.10", "OPEN", "backtest"), "23514", "ck_trades_execution_mode");
        refuses(c, trade("0.10", "CLOSED", "paper"), "23514", "ck_trades_closed_has_exit");
        refuses(c, trade("0.10", "OPEN", "paper").replace("'BUY'", "'LONG'"), "23514", "tradeside");
        refuses(c, "INSERT INTO predictions (timestamp, symbol, timeframe, prediction, confidence, current_price)"
                + " VALUES (now(), 'EURUSD', 'H1', 'BUY', 1.2, 1.08)", "23514", "ck_predictions_confidence_range");
        refuses(c, "INSERT INTO predictions (timestamp, symbol, timeframe, prediction, confidence, current_price)"
                + " VALUES (now(), 'EURUSD', 'H1', 'WAIT', 0.5, 1.08)", "23514", "predictiondirection");
        refuses(c, "INSERT INTO agent_commands (command, status) VALUES ('REBOOT', 'PENDING')", "23514", "agentcommandtype");
        refuses(c, "INSERT INTO agent_commands (command, status) VALUES ('START', 'LOST')", "23514", "commandstatus");
        refuses(c, "INSERT INTO agent_state (status, mode, account_balance) VALUES ('RUNNING', 'paper', -1)", "23514", "agent_state_account_balance_check");
        refuses(c, "INSERT INTO circuit_breaker_events (breaker_type, triggered_at, threshold, actual_value, action_taken)"
                + " VALUES ('SOLAR_FLARE', now(), 1, 2, 'ALERT_ONLY')", "23514", "breakertype");
        refuses(c, trade("0.10", "OPEN", "paper").replace("VALUES (1, 1,", "VALUES (99, 1,"), "23503", "trades_prediction_id_fkey");
    }

    @Test
    void theSeedsIndexesExistAndServeTheirQueries(Connection c) throws Exception {
        assertThat(column(c, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).contains(
                "idx_predictions_timestamp_symbol", "idx_predictions_agent_cycle", "idx_trades_status", "idx_trades_entry_time",
                "idx_trades_execution_mode", "idx_agent_commands_status", "idx_agent_state_updated", "idx_circuit_breaker_triggered");
        exec(c, "SET enable_seqscan = off");
        assertThat(explain(c, "SELECT * FROM trades WHERE status = 'OPEN'")).contains("idx_trades_status");
        assertThat(explain(c, "SELECT * FROM predictions WHERE timestamp > now() - interval '1 day' AND symbol = 'EURUSD'"))
                .contains("idx_predictions_timestamp_symbol");
    }
}
