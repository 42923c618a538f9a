package pgferry.systems.aitrader.repo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pgferry.systems.repo.Database;
import pgferry.systems.repo.JdbcRepository;
import pgferry.systems.repo.Json;
import pgferry.systems.repo.Row;
import pgferry.systems.repo.TimeForm;

/**
 * The AI trader's data access (seed 004), one implementation for its SQLAlchemy SQLite file and the
 * PostgreSQL schema: predictions, trades (open positions, by execution mode and broker, P&amp;L), the
 * agent's command queue (PENDING → PROCESSING → COMPLETED/FAILED) and circuit breaker events.
 * Times on SQLite keep SQLAlchemy's naive UTC form {@code 2025-02-03 04:05:06.789012}.
 */
public final class AitraderRepository extends JdbcRepository {

    public static final Path DEFAULT_SQLITE_FILE = Path.of("aitrader.db");
    private static final TimeForm TIME = TimeForm.SQL_MICROS;

    public AitraderRepository(Database db) {
        super("aitrader", db);
    }

    public static Database database(Map<String, String> env) {
        return Database.fromEnvironment(env, DEFAULT_SQLITE_FILE);
    }

    public record Prediction(Long id, Instant timestamp, String symbol, String timeframe, String prediction,
                             BigDecimal confidence, BigDecimal predictedPrice, BigDecimal currentPrice, String modelVersion,
                             Json features, boolean usedByAgent, Long agentCycleNumber, boolean shouldTrade, Instant createdAt) {
    }

    /** A trade to open (status OPEN). */
    public record NewTrade(Long predictionId, String symbol, String side, BigDecimal quantity, BigDecimal entryPrice,
                           BigDecimal stopLoss, BigDecimal takeProfit, Instant entryTime, String executionMode, String broker,
                           Long mt5Ticket, Long explanationId, Instant createdAt) {
    }

    public record Trade(long id, Long predictionId, String symbol, String side, BigDecimal quantity, BigDecimal entryPrice,
                        BigDecimal exitPrice, BigDecimal stopLoss, BigDecimal takeProfit, Instant entryTime, Instant exitTime,
                        String status, BigDecimal pnl, BigDecimal pnlPercent, String executionMode, String broker,
                        Long mt5Ticket, Long explanationId, Instant createdAt) {
    }

    public record ModePnl(String executionMode, String broker, long trades, long winners, BigDecimal totalPnl) {
    }

    public record Command(long id, String command, Json parameters, String status, Instant createdAt, Instant processedAt,
                          Json result, String errorMessage) {
    }

    public record BreakerEvent(long id, String breakerType, Instant triggeredAt, BigDecimal threshold, BigDecimal actualValue,
                               String actionTaken, Json details, Instant resolvedAt) {
    }

    // ---- predictions -------------------------------------------------------------------------------

    /** Saves a prediction (its id is ignored); returns the new id. */
    public long savePrediction(Prediction p) {
        return one("prediction-insert", b -> b.instant(p.timestamp(), TIME).text(p.symbol()).text(p.timeframe())
                .text(p.prediction()).decimal(p.confidence()).decimal(p.predictedPrice()).decimal(p.currentPrice())
                .text(p.modelVersion()).json(p.features()).bool(p.usedByAgent()).integer(p.agentCycleNumber())
                .bool(p.shouldTrade()).instant(p.createdAt(), TIME), r -> r.count("id")).orElseThrow();
    }

    public List<Prediction> recentPredictions(String symbol, int limit) {
        return list("predictions-recent", b -> b.text(symbol).integer(limit), AitraderRepository::prediction);
    }

    /** The agent used the prediction in {@code cycle}. */
    public boolean markUsed(long predictionId, long cycle) {
        return update("prediction-used", b -> b.bool(true).integer(cycle).integer(predictionId)) == 1;
    }

    // ---- trades ------------------------------------------------------------------------------------

    public long openTrade(NewTrade t) {
        return one("trade-open", b -> b.integer(t.predictionId()).text(t.symbol()).text(t.side()).decimal(t.quantity())
                .decimal(t.entryPrice()).decimal(t.stopLoss()).decimal(t.takeProfit()).instant(t.entryTime(), TIME)
                .text(t.executionMode()).text(t.broker()).integer(t.mt5Ticket()).integer(t.explanationId())
                .instant(t.createdAt(), TIME), r -> r.count("id")).orElseThrow();
    }

    /** Closes an open trade; false when it is not open. */
    public boolean closeTrade(long id, BigDecimal exitPrice, Instant exitTime, BigDecimal pnl, BigDecimal pnlPercent) {
        return update("trade-close", b -> b.decimal(exitPrice).instant(exitTime, TIME).decimal(pnl).decimal(pnlPercent)
                .integer(id)) == 1;
    }

    public List<Trade> openTrades() {
        return list("trades-open", NONE, AitraderRepository::trade);
    }

    /** Trades of one execution mode (simulation/paper/live) and broker ({@code null}: trades without one). */
    public List<Trade> tradesBy(String executionMode, String broker) {
        return list("trades-by-mode", b -> b.text(executionMode).text(broker), AitraderRepository::trade);
    }

    public List<ModePnl> pnlByMode() {
        return list("pnl-by-mode", NONE, r -> new ModePnl(r.text("execution_mode"), r.text("broker"), r.count("trades"),
                r.count("winners"), r.decimal("total_pnl")));
    }

    // ---- agent commands ----------------------------------------------------------------------------

    public long enqueueCommand(String command, Json parameters, Instant at) {
        return one("command-insert", b -> b.text(command).json(parameters).instant(at, TIME), r -> r.count("id")).orElseThrow();
    }

    /** Takes the oldest PENDING command (now PROCESSING), or empty when the queue is empty. */
    public Optional<Command> claimNextCommand(Instant at) {
        return one("command-claim", b -> b.instant(at, TIME), AitraderRepository::command);
    }

    public boolean completeCommand(long id, Json result, Instant at) {
        return update("command-finish", b -> b.text("COMPLETED").instant(at, TIME).json(result).text(null).integer(id)) == 1;
    }

    public boolean failCommand(long id, String error, Instant at) {
        return update("command-finish", b -> b.text("FAILED").instant(at, TIME).json(null).text(error).integer(id)) == 1;
    }

    public List<Command> commandsByStatus(String status) {
        return list("commands-by-status", b -> b.text(status), AitraderRepository::command);
    }

    // ---- circuit breakers --------------------------------------------------------------------------

    public long recordBreaker(String type, Instant at, BigDecimal threshold, BigDecimal actual, String action, Json details) {
        return one("breaker-insert", b -> b.text(type).instant(at, TIME).decimal(threshold).decimal(actual).text(action)
                .json(details), r -> r.count("id")).orElseThrow();
    }

    public boolean resolveBreaker(long id, Instant at) {
        return update("breaker-resolve", b -> b.instant(at, TIME).integer(id)) == 1;
    }

    public List<BreakerEvent> activeBreakers() {
        return list("breakers-active", NONE, AitraderRepository::breaker);
    }

    public List<BreakerEvent> breakersSince(Instant since) {
        return list("breakers-since", b -> b.instant(since, TIME), AitraderRepository::breaker);
    }

    private static Prediction prediction(Row r) throws java.sql.SQLException {
        return new Prediction(r.integer("id"), r.instant("timestamp", TIME), r.text("symbol"), r.text("timeframe"),
                r.text("prediction"), r.decimal("confidence"), r.decimal("predicted_price"), r.decimal("current_price"),
                r.text("model_version"), r.json("features"), r.bool("used_by_agent"), r.integer("agent_cycle_number"),
                r.bool("should_trade"), r.instant("created_at", TIME));
    }

    private static Trade trade(Row r) throws java.sql.SQLException {
        return new Trade(r.count("id"), r.integer("prediction_id"), r.text("symbol"), r.text("side"), r.decimal("quantity"),
                r.decimal("entry_price"), r.decimal("exit_price"), r.decimal("stop_loss"), r.decimal("take_profit"),
                r.instant("entry_time", TIME), r.instant("exit_time", TIME), r.text("status"), r.decimal("pnl"),
                r.decimal("pnl_percent"), r.text("execution_mode"), r.text("broker"), r.integer("mt5_ticket"),
                r.integer("explanation_id"), r.instant("created_at", TIME));
    }

    private static Command command(Row r) throws java.sql.SQLException {
        return new Command(r.count("id"), r.text("command"), r.json("parameters"), r.text("status"),
                r.instant("created_at", TIME), r.instant("processed_at", TIME), r.json("result"), r.text("error_message"));
    }

    private static BreakerEvent breaker(Row r) throws java.sql.SQLException {
        return new BreakerEvent(r.count("id"), r.text("breaker_type"), r.instant("triggered_at", TIME), r.decimal("threshold"),
                r.decimal("actual_value"), r.text("action_taken"), r.json("details"), r.instant("resolved_at", TIME));
    }
}
