package pgferry.systems.aitrader;

import static pgferry.systems.SampleFormats.between;
import static pgferry.systems.SampleFormats.plain;
import static pgferry.systems.SampleFormats.pyFloat;
import static pgferry.systems.SampleFormats.real;
import static pgferry.systems.SampleFormats.sqlDateTime;
import static pgferry.systems.SampleFormats.sqlDateTimeMicros;

import java.nio.file.Path;
import java.util.SplittableRandom;
import pgferry.systems.SampleSystem;
import pgferry.systems.SqliteSampleWriter;
import pgferry.systems.SqliteSampleWriter.Rows;

/**
 * The AI Trader (seed 004): model predictions for FX and metals, the trades the agent took from them
 * (simulation, paper or live through MetaTrader 5), LLM trade explanations, the agent's command
 * queue and state snapshots, and circuit-breaker events (SQLAlchemy over SQLite).
 *
 * <p>{@code scale} is the number of predictions; about one in six becomes a trade.
 */
public final class AitraderSystem implements SampleSystem {

    static final String SCHEMA = "pgferry/systems/aitrader/sqlite/schema.sql";

    private static final String[] SYMBOLS = {"EURUSD", "GBPUSD", "USDJPY", "AUDUSD", "USDCHF", "XAUUSD", "BTCUSD"};
    /** Quote decimals per symbol, as the broker prices them. */
    private static final int[] DIGITS = {5, 5, 3, 5, 5, 2, 2};
    /** Starting quotes in units of the last digit. */
    private static final long[] START = {108_345L, 127_112L, 151_204L, 65_843L, 88_120L, 203_551L, 4_301_250L};
    /** Account-currency value of one unit of the last digit for one lot (approximate, USD). */
    private static final double[] UNIT_VALUE = {1.0, 1.0, 0.66, 1.0, 1.13, 1.0, 0.01};
    private static final String[] TIMEFRAMES = {"M15", "H1", "H1", "H4"};
    private static final String[] MODELS = {"lstm-v2.3.1", "xgb-ensemble-1.4", "transformer-0.9.2"};
    /** 2025-01-06T00:00:00Z (a Monday) in microseconds. */
    private static final long START_MICROS = 1_736_121_600_000_000L;
    private static final double BALANCE = 10_000.0;

    @Override
    public String name() {
        return "aitrader";
    }

    @Override
    public String description() {
        return "AI FX trader: predictions, MT5 trades, agent commands/state, LLM explanations (SQLAlchemy/SQLite)";
    }

    @Override
    public SourceKind sourceKind() {
        return SourceKind.SQLITE;
    }

    @Override
    public String flywayLocation() {
        return "classpath:pgferry/systems/aitrader/postgres";
    }

    @Override
    public Path generate(int scale, long seed, Path outDir) {
        SplittableRandom r = new SplittableRandom(seed);
        try (SqliteSampleWriter w = SqliteSampleWriter.create(outDir, "aitrader.db", SCHEMA)) {
            Rows predictions = w.rows("predictions", "id", "timestamp", "symbol", "timeframe", "prediction", "confidence",
                    "predicted_price", "current_price", "model_version", "features", "used_by_agent", "agent_cycle_number",
                    "should_trade", "created_at");
            Rows explanations = w.rows("trade_explanations", "id", "symbol", "decision", "summary", "reasoning", "factors",
                    "model_name", "prompt_tokens", "completion_tokens", "created_at");
            Rows trades = w.rows("trades", "id", "prediction_id", "symbol", "side", "quantity", "entry_price", "exit_price",
                    "stop_loss", "take_profit", "entry_time", "exit_time", "status", "pnl", "pnl_percent", "execution_mode",
                    "broker", "mt5_ticket", "explanation_id", "created_at");
            Rows commands = w.rows("agent_commands", "id", "command", "parameters", "status", "created_at", "processed_at",
                    "result", "error_message");
            Rows states = w.rows("agent_state", "id", "status", "mode", "cycle_count", "last_cycle_at", "account_balance",
                    "account_equity", "open_positions", "config", "error_message", "updated_at");
            Rows breakers = w.rows("circuit_breaker_events", "id", "breaker_type", "triggered_at", "threshold", "actual_value",
                    "action_taken", "details", "resolved_at");

            long[] quote = START.clone();
            long t = START_MICROS;
            long cycle = 0;
            long tradeId = 0;
            long explanationId = 0;
            long ticket = 50_118_000L;
            long openFrom = scale - Math.max(3, scale / 1000L);
            for (long id = 1; id <= scale; id++) {
                t += between(r, 5_000_000L, 120_000_000L);
                if (id % 7 == 1) {
                    cycle++;
                }
                int s = r.nextInt(SYMBOLS.length);
                int digits = DIGITS[s];
                quote[s] = Math.max(10, quote[s] + quote[s] * between(r, -12, 12) / 10_000L + between(r, -3, 3));
                String direction = switch (r.nextInt(5)) {
                    case 0, 1 -> "BUY";
                    case 2, 3 -> "SELL";
                    default -> "HOLD";
                };
                long confidence = id == 1 ? 7000 : id == 2 ? 10000 : id == 3 ? 0 : between(r, 3500, 9800);
                boolean shouldTrade = confidence >= 7000 && !"HOLD".equals(direction);
                boolean agentCycle = r.nextInt(10) < 7;
                // the model's price one digit finer than the quote
                long predicted = quote[s] * 10 + ("BUY".equals(direction) ? 1 : -1) * between(r, 0, 400);
                String ts = sqlDateTimeMicros(t);
                predictions.add(id, ts, SYMBOLS[s], TIMEFRAMES[r.nextInt(TIMEFRAMES.length)], direction, real(confidence, 4),
                        r.nextInt(40) == 0 ? null : real(predicted, digits + 1), real(quote[s], digits),
                        MODELS[(int) (id * 3 / (scale + 1))], r.nextInt(50) == 0 ? null : features(r, s),
                        agentCycle ? 1L : 0L, agentCycle ? cycle : null, shouldTrade ? 1L : 0L,
                        sqlDateTimeMicros(t + between(r, 1_000L, 900_000L)));

                if (!shouldTrade || r.nextInt(10) >= 6) {
                    continue;
                }
                tradeId++;
                boolean buy = "BUY".equals(direction);
                long entryMicros = t + between(r, 500_000L, 5_000_000L);
                long lots = r.nextInt(100) == 0 ? 1 : between(r, 1, 200); // hundredths of a lot; 0.01 is the minimum
                long stopDistance = between(r, 150, 900) * (digits == 2 ? 10 : 1);
                long stop = quote[s] + (buy ? -stopDistance : stopDistance);
                long take = quote[s] + (buy ? 2 : -2) * stopDistance;
                String mode = switch (r.nextInt(10)) {
                    case 0 -> "live";
                    case 1, 2, 3 -> "paper";
                    default -> "simulation";
                };
                String status = id >= openFrom ? "OPEN" : r.nextInt(100) == 0 ? "CANCELLED" : "CLOSED";
                Double exitPrice = null;
                String exitTime = null;
                Double pnl = null;
                Double pnlPercent = null;
                if ("CLOSED".equals(status)) {
                    long exit = quote[s] + between(r, -stopDistance, 2 * stopDistance) * (buy ? 1 : -1);
                    exit = Math.max(1, exit);
                    long cents = Math.round((buy ? exit - quote[s] : quote[s] - exit) * UNIT_VALUE[s] * lots);
                    exitPrice = real(exit, digits);
                    exitTime = sqlDateTimeMicros(entryMicros + between(r, 60_000_000L, 36L * 3_600_000_000L));
                    pnl = real(cents, 2);
                    pnlPercent = real(Math.round(cents / BALANCE * 100), 4);
                } else if ("CANCELLED".equals(status)) {
                    pnl = 0.0;
                }
                Long explanation = null;
                if (r.nextInt(10) < 7) {
                    explanation = ++explanationId;
                    explanations.add(explanation, SYMBOLS[s], direction,
                            direction + " " + SYMBOLS[s] + ": model confidence " + plain(confidence / 100, 0) + "% on the "
                                    + TIMEFRAMES[r.nextInt(TIMEFRAMES.length)] + " chart.",
                            r.nextInt(5) == 0 ? null : "Momentum and trend agree; risk/reward is 1:2 with the stop beyond the recent swing.",
                            factors(r), r.nextBoolean() ? "gpt-4o-mini" : "claude-3-5-haiku",
                            between(r, 300, 2400), between(r, 60, 600), sqlDateTimeMicros(entryMicros - between(r, 100_000L, 400_000L)));
                }
                boolean mt5 = !"simulation".equals(mode);
                trades.add(tradeId, r.nextInt(100) == 0 ? null : id, SYMBOLS[s], direction, real(lots, 2), real(quote[s], digits),
                        exitPrice, r.nextInt(20) == 0 ? null : real(stop, digits), r.nextInt(20) == 0 ? null : real(take, digits),
                        sqlDateTimeMicros(entryMicros), exitTime, status, pnl, pnlPercent, mode,
                        mt5 ? "mt5" : "simulator", mt5 ? (Long) (ticket += between(r, 1, 40)) : null, explanation,
                        sqlDateTimeMicros(entryMicros));
            }

            long span = Math.max(1, t - START_MICROS);
            long commandCount = scale / 50L + 5;
            for (long id = 1; id <= commandCount; id++) {
                long at = START_MICROS + span * (id - 1) / commandCount + between(r, 0, 60_000_000L);
                String command = switch ((int) (id % 6)) {
                    case 1 -> "START";
                    case 2 -> "UPDATE_CONFIG";
                    case 3 -> "PAUSE";
                    case 4 -> "RESUME";
                    case 5 -> "CLOSE_ALL";
                    default -> "STOP";
                };
                String status = id > commandCount - 2 ? (id == commandCount ? "PENDING" : "PROCESSING")
                        : r.nextInt(30) == 0 ? "FAILED" : "COMPLETED";
                boolean done = "COMPLETED".equals(status) || "FAILED".equals(status);
                commands.add(id, command,
                        "UPDATE_CONFIG".equals(command) ? "{\"risk_per_trade\": " + pyFloat(between(r, 5, 20), 3)
                                + ", \"max_positions\": " + between(r, 1, 5) + ", \"symbols\": [\"EURUSD\", \"XAUUSD\"]}" : null,
                        status, sqlDateTime(Math.floorDiv(at, 1_000_000L)),
                        done || "PROCESSING".equals(status) ? sqlDateTimeMicros(at + between(r, 200_000L, 5_000_000L)) : null,
                        "COMPLETED".equals(status) ? "{\"ok\": true, \"message\": \"" + command.toLowerCase(java.util.Locale.ROOT) + " done\"}" : null,
                        "FAILED".equals(status) ? "MT5 terminal not connected" : null);
            }

            long stateCount = scale / 10_000L + 3;
            for (long id = 1; id <= stateCount; id++) {
                long at = START_MICROS + span * id / stateCount;
                String status = id == stateCount ? "RUNNING" : switch (r.nextInt(8)) {
                    case 0 -> "PAUSED";
                    case 1 -> "STOPPED";
                    case 2 -> "ERROR";
                    default -> "RUNNING";
                };
                long balance = 1_000_000L + between(r, -150_000L, 400_000L);
                states.add(id, status, id % 3 == 0 ? "paper" : "simulation", cycle * id / stateCount,
                        sqlDateTimeMicros(at - between(r, 1_000_000L, 60_000_000L)), real(balance, 2),
                        real(Math.max(0, balance + between(r, -20_000L, 20_000L)), 2), (long) r.nextInt(6),
                        "{\"confidence_threshold\": 0.7, \"cycle_seconds\": 60, \"max_daily_loss\": " + pyFloat(between(r, 2, 5), 2) + "}",
                        "ERROR".equals(status) ? "prediction service timed out" : null, sqlDateTimeMicros(at));
            }

            long breakerCount = scale / 200L + 2;
            for (long id = 1; id <= breakerCount; id++) {
                long at = START_MICROS + span * (id - 1) / breakerCount + between(r, 0, 3_600_000_000L);
                int kind = r.nextInt(5);
                String type = new String[] {"DAILY_LOSS", "CONSECUTIVE_LOSSES", "MAX_DRAWDOWN", "VOLATILITY", "MANUAL"}[kind];
                double threshold = switch (kind) {
                    case 0 -> 0.03;
                    case 1 -> 5;
                    case 2 -> 0.1;
                    case 3 -> real(25, 4);
                    default -> 0;
                };
                double actual = switch (kind) {
                    case 0 -> real(between(r, 300, 900), 4);
                    case 1 -> between(r, 5, 9);
                    case 2 -> real(between(r, 1000, 2500), 4);
                    case 3 -> real(between(r, 25, 80), 4);
                    default -> 0;
                };
                breakers.add(id, type, sqlDateTimeMicros(at), threshold, actual,
                        new String[] {"PAUSE_TRADING", "CLOSE_POSITIONS", "REDUCE_SIZE", "ALERT_ONLY"}[r.nextInt(4)],
                        "{\"symbol\": \"" + SYMBOLS[r.nextInt(SYMBOLS.length)] + "\", \"open_positions\": " + r.nextInt(4) + "}",
                        id == breakerCount ? null : sqlDateTimeMicros(at + between(r, 60_000_000L, 8L * 3_600_000_000L)));
            }
            return w.finish();
        }
    }

    /** Model features as Python's json.dumps wrote them (", " and ": ", floats like 6.5e-05). */
    private static String features(SplittableRandom r, int s) {
        int digits = DIGITS[s];
        return "{\"rsi_14\": " + pyFloat(between(r, 100, 900), 1)
                + ", \"macd\": " + pyFloat(between(r, -300, 300), digits + 1)
                + ", \"atr_14\": " + pyFloat(between(r, 20, 900), digits + 1)
                + ", \"sma_ratio\": " + pyFloat(between(r, 9_800, 10_200), 4)
                + ", \"volume_zscore\": " + pyFloat(between(r, -250, 400), 2)
                + ", \"hour\": " + r.nextInt(24)
                + ", \"session\": \"" + new String[] {"asia", "london", "new_york"}[r.nextInt(3)] + "\"}";
    }

    private static String factors(SplittableRandom r) {
        return "[{\"name\": \"trend\", \"weight\": " + pyFloat(between(r, 1, 9), 1) + "}, {\"name\": \"momentum\", \"weight\": "
                + pyFloat(between(r, 1, 9), 1) + "}, {\"name\": \"news_sentiment\", \"weight\": " + pyFloat(between(r, 0, 5), 2) + "}]";
    }
}
