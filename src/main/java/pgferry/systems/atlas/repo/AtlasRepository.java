package pgferry.systems.atlas.repo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pgferry.systems.repo.Database;
import pgferry.systems.repo.JdbcRepository;
import pgferry.systems.repo.Json;
import pgferry.systems.repo.Row;
import pgferry.systems.repo.TimeForm;

/**
 * Atlas's data access (seed 000), one implementation for SQLite ({@code ./data/atlas.db}, drizzle's
 * columns) and PostgreSQL (the Flyway schema): users, bots CRUD, the Nexus leaderboard, "bots using
 * indicator X" over the JSON payload, equity curves and Nexus correlations.
 *
 * <p>Time columns keep drizzle's forms on SQLite: {@code users.created_at} in epoch seconds, bots'
 * times and {@code nexus_correlations.computed_at} in epoch milliseconds (and are cut to that precision
 * on PostgreSQL too, so both engines hold the same instant).
 */
public final class AtlasRepository extends JdbcRepository {

    /** Where the Node app kept its SQLite file. */
    public static final Path DEFAULT_SQLITE_FILE = Path.of("data", "atlas.db");

    public AtlasRepository(Database db) {
        super("atlas", db);
    }

    /** On {@code DATABASE_URL}'s PostgreSQL, else on {@code SQLITE_PATH} or {@code ./data/atlas.db}. */
    public static Database database(Map<String, String> env) {
        return Database.fromEnvironment(env, DEFAULT_SQLITE_FILE);
    }

    public record User(String id, String email, String displayName, String role, boolean admin, Instant createdAt,
                       Instant lastLoginAt) {
    }

    public record Bot(String id, String ownerId, String name, String description, Json payload, String visibility,
                      String symbol, BigDecimal cagr, BigDecimal sharpe, BigDecimal maxDrawdown, BigDecimal totalReturn,
                      LocalDate backtestStart, LocalDate backtestEnd, boolean featured, Instant createdAt, Instant updatedAt) {
    }

    /** One row of the Nexus leaderboard. */
    public record Ranked(String id, String name, String symbol, BigDecimal cagr, BigDecimal sharpe, BigDecimal maxDrawdown,
                         BigDecimal totalReturn) {
    }

    /** A bot found by a payload search. */
    public record BotRef(String id, String name, String symbol, String visibility) {
    }

    public record VisibilityCount(String visibility, long bots, long featured) {
    }

    public record EquityPoint(LocalDate date, BigDecimal equity) {
    }

    public record EquitySummary(String botId, long points, LocalDate firstDay, LocalDate lastDay, BigDecimal low,
                                BigDecimal high, BigDecimal equitySum) {
    }

    public record Correlation(String bot1Id, String bot2Id, double correlation, String period, Instant computedAt) {
    }

    /** Creates what the app adds to an older SQLite file (nexus_correlations); checks it on PostgreSQL. */
    public void ensureTables() {
        withConnection(c -> {
            try (Statement st = c.createStatement()) {
                return st.execute(sql.get("ensure-tables"));
            }
        });
    }

    // ---- users -------------------------------------------------------------------------------------

    public void saveUser(User u) {
        update("user-upsert", p -> p.text(u.id()).text(u.email()).text(u.displayName()).text(u.role()).bool(u.admin())
                .instant(u.createdAt(), TimeForm.EPOCH_SECONDS).instant(u.lastLoginAt(), TimeForm.EPOCH_SECONDS));
    }

    // ---- bots --------------------------------------------------------------------------------------

    /** Inserts the bot, or updates all but its owner and creation time. */
    public void saveBot(Bot b) {
        update("bot-upsert", p -> p.text(b.id()).text(b.ownerId()).text(b.name()).text(b.description()).json(b.payload())
                .text(b.visibility()).text(b.symbol()).decimal(b.cagr()).decimal(b.sharpe()).decimal(b.maxDrawdown())
                .decimal(b.totalReturn()).date(b.backtestStart()).date(b.backtestEnd()).bool(b.featured())
                .instant(b.createdAt(), TimeForm.EPOCH_MILLIS).instant(b.updatedAt(), TimeForm.EPOCH_MILLIS));
    }

    public Optional<Bot> findBot(String id) {
        return one("bot-by-id", p -> p.text(id), AtlasRepository::bot);
    }

    /** A user's bots, newest first. */
    public List<Bot> botsOf(String ownerId) {
        return list("bots-by-owner", p -> p.text(ownerId), AtlasRepository::bot);
    }

    /** Deletes the bot and its equity curve; false when there was none. */
    public boolean deleteBot(String id) {
        return update("bot-delete", p -> p.text(id)) == 1;
    }

    /** The top {@code n} Nexus bots by CAGR (ties by id), bots without a backtest left out. */
    public List<Ranked> leaderboard(int n) {
        return list("leaderboard", p -> p.integer(n), r -> new Ranked(r.text("id"), r.text("name"), r.text("symbol"),
                r.decimal("cagr"), r.decimal("sharpe"), r.decimal("max_drawdown"), r.decimal("total_return")));
    }

    /** Bots whose payload has a condition with {@code "text": text} (e.g. "RSI"), by id. */
    public List<BotRef> botsWithCondition(String text) {
        return list("bots-with-condition", p -> p.text(text),
                r -> new BotRef(r.text("id"), r.text("name"), r.text("symbol"), r.text("visibility")));
    }

    public List<VisibilityCount> visibilityCounts() {
        return list("visibility-counts", NONE, r -> new VisibilityCount(r.text("visibility"), r.count("bots"), r.count("featured")));
    }

    // ---- equity curves -----------------------------------------------------------------------------

    /** Sets the bot's equity on {@code date} (a re-run backtest overwrites it). */
    public void saveEquity(String botId, LocalDate date, BigDecimal equity) {
        update("equity-upsert", p -> p.text(botId).date(date).decimal(equity));
    }

    public List<EquityPoint> equityCurve(String botId) {
        return list("equity-curve", p -> p.text(botId), r -> new EquityPoint(r.date("date"), r.decimal("equity")));
    }

    public List<EquitySummary> equitySummaries() {
        return list("equity-summary", NONE, r -> new EquitySummary(r.text("bot_id"), r.count("points"), r.date("first_day"),
                r.date("last_day"), r.decimal("low"), r.decimal("high"), r.decimal("equity_sum")));
    }

    // ---- correlations ------------------------------------------------------------------------------

    /** Stores the cron's correlation for a pair and period, replacing an earlier one. */
    public void saveCorrelation(Correlation c) {
        update("correlation-upsert", p -> p.text(c.bot1Id()).text(c.bot2Id()).real(c.correlation()).text(c.period())
                .instant(c.computedAt(), TimeForm.EPOCH_MILLIS));
    }

    /** The bot's correlations in a period, most correlated first. */
    public List<Correlation> correlationsOf(String botId, String period) {
        return list("correlations-of", p -> p.text(botId).text(botId).text(period), r -> new Correlation(r.text("bot1_id"),
                r.text("bot2_id"), r.real("correlation"), r.text("period"), r.instant("computed_at", TimeForm.EPOCH_MILLIS)));
    }

    private static Bot bot(Row r) throws java.sql.SQLException {
        return new Bot(r.text("id"), r.text("owner_id"), r.text("name"), r.text("description"), r.json("payload"),
                r.text("visibility"), r.text("symbol"), r.decimal("cagr"), r.decimal("sharpe"), r.decimal("max_drawdown"),
                r.decimal("total_return"), r.date("backtest_start"), r.date("backtest_end"), r.bool("is_featured"),
                r.instant("created_at", TimeForm.EPOCH_MILLIS), r.instant("updated_at", TimeForm.EPOCH_MILLIS));
    }
}
