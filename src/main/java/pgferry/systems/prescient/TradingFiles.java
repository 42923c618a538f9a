package pgferry.systems.prescient;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import pgferry.systems.jsonfiles.AppTimestamps;
import pgferry.systems.jsonfiles.JsonFileStyle;
import pgferry.systems.jsonfiles.SampleRandom;
import pgferry.systems.prescient.PaperTrading.Signal;
import pgferry.systems.prescient.PaperTrading.Trade;

/**
 * Writes {@code data/trades/} (paper_trades.json, current_signals.json, portfolio.json) and
 * {@code data/history/} (portfolio_history.json, signals_archive_YYYY-MM.json) in one pass over the trades,
 * keeping only running totals in memory.
 */
final class TradingFiles {
    private static final JsonFileStyle PY = JsonFileStyle.PYTHON;
    private final PaperTrading t;

    // running totals, in cents
    private long realizedCents;
    private long investedCents;
    private long unrealizedCents;
    private int openPositions;
    private int tradesDone;

    TradingFiles(PaperTrading trading) {
        this.t = trading;
    }

    void write(Path data) throws IOException {
        Path history = data.resolve("history");
        try (JsonGenerator trades = PY.open(data.resolve("trades/paper_trades.json"));
             JsonGenerator daily = PY.open(history.resolve("portfolio_history.json"))) {
            trades.writeStartArray();
            daily.writeStartArray();
            JsonGenerator archive = null;
            String archiveMonth = null;
            int day = 0;
            for (int k = 0; k < t.cycles; k++) {
                while (day < k / 4) {
                    writeDailySnapshot(daily, day++);
                }
                JsonGenerator signals;
                if (k < t.cycles - 1) {
                    LocalDateTime archivedAt = t.archivedAt(k);
                    String month = AppTimestamps.yearMonth(archivedAt.toLocalDate());
                    if (!month.equals(archiveMonth)) {
                        if (archive != null) {
                            archive.writeEndArray();
                            archive.close();
                        }
                        archive = PY.open(history.resolve("signals_archive_" + month + ".json"));
                        archive.writeStartArray();
                        archiveMonth = month;
                    }
                    archive.writeStartObject();
                    archive.writeStringField("archived_at", t.pythonTime(archivedAt));
                    archive.writeNumberField("signals_count", t.signalsInCycle(k));
                    archive.writeArrayFieldStart("signals");
                    signals = archive;
                } else {
                    if (archive != null) {
                        archive.writeEndArray();
                        archive.close();
                        archive = null;
                    }
                    signals = PY.open(data.resolve("trades/current_signals.json"));
                    signals.writeStartObject();
                    signals.writeStringField("generated_at", t.pythonTime(t.cycleStart(k).plusSeconds(30)));
                    signals.writeNumberField("total_signals", t.signalsInCycle(k));
                    signals.writeArrayFieldStart("signals");
                }
                for (int i = t.firstOfCycle(k); i < t.firstOfCycle(k + 1); i++) {
                    Trade trade = t.trade(i);
                    writeSignal(signals, trade.signal());
                    if (trade.extraSignal() != null) {
                        writeSignal(signals, trade.extraSignal());
                    }
                    writeTrade(trades, trade);
                    count(trade);
                }
                signals.writeEndArray();
                signals.writeEndObject();
                if (signals != archive) {
                    signals.close();
                }
            }
            while (day < t.days) {
                writeDailySnapshot(daily, day++);
            }
            trades.writeEndArray();
            daily.writeEndArray();
        }
        writePortfolio(data.resolve("trades/portfolio.json"));
    }

    private void count(Trade trade) {
        tradesDone++;
        if (trade.open()) {
            openPositions++;
            investedCents += cents(trade.amount());
            if (trade.currentPnl() != null) {
                unrealizedCents += cents(trade.currentPnl());
            }
        } else {
            realizedCents += cents(trade.realizedPnl());
        }
    }

    private static long cents(BigDecimal v) {
        return v.movePointRight(2).longValueExact();
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private long balanceCents() {
        return cents(PaperTrading.INITIAL_BALANCE) + realizedCents - investedCents;
    }

    private void writeTrade(JsonGenerator g, Trade tr) throws IOException {
        g.writeStartObject();
        g.writeStringField("trade_id", tr.id());
        g.writeStringField("timestamp", tr.timeText());
        g.writeStringField("market_id", tr.market().id());
        g.writeStringField("market_question", tr.market().question());
        g.writeStringField("action", tr.action());
        g.writeFieldName("amount");
        PY.number(g, tr.amount());
        g.writeFieldName("entry_price");
        PY.number(g, tr.entryPrice());
        g.writeFieldName("confidence");
        PY.number(g, tr.confidence());
        g.writeStringField("reason", tr.reason());
        g.writeStringField("status", tr.open() ? "open" : "closed");
        if (tr.withEvent()) {
            g.writeStringField("event_id", tr.market().event().id());
            g.writeStringField("event_title", tr.market().event().title());
            g.writeStringField("event_end_date", tr.market().event().endText());
        }
        g.writeFieldName("current_pnl");
        writePnl(g, tr);
        g.writeFieldName("realized_pnl");
        PY.numberOrNull(g, tr.realizedPnl());
        if (!tr.open()) {
            g.writeFieldName("exit_price");
            PY.number(g, tr.exitPrice());
            g.writeStringField("exit_timestamp", tr.exitText());
        }
        g.writeEndObject();
    }

    /** Python's round() of a tiny loss gives -0.0, and json.dump prints it so. */
    private static void writePnl(JsonGenerator g, Trade tr) throws IOException {
        if (tr.currentPnlNegativeZero()) {
            g.writeNumber("-0.0");
        } else {
            PY.numberOrNull(g, tr.currentPnl());
        }
    }

    private void writeSignal(JsonGenerator g, Signal s) throws IOException {
        g.writeStartObject();
        g.writeStringField("timestamp", s.timeText());
        g.writeStringField("market_id", s.market().id());
        g.writeStringField("market_question", s.market().question());
        g.writeStringField("action", s.action());
        g.writeFieldName("target_price");
        PY.number(g, s.targetPrice());
        g.writeFieldName("amount");
        PY.number(g, s.amount());
        g.writeFieldName("confidence");
        PY.number(g, s.confidence());
        g.writeStringField("reason", s.reason());
        g.writeFieldName("yes_price");
        PY.number(g, s.yesPrice());
        g.writeFieldName("no_price");
        PY.number(g, BigDecimal.ONE.subtract(s.yesPrice()));
        g.writeFieldName("market_liquidity");
        PY.number(g, s.market().liquidity());
        g.writeFieldName("market_volume");
        PY.number(g, s.market().volume());
        if (s.withEvent()) {
            g.writeStringField("event_id", s.market().event().id());
            g.writeStringField("event_title", s.market().event().title());
            g.writeStringField("event_end_date", s.market().event().endText());
        }
        g.writeBooleanField("executed", s.trade() != null);
        g.writeStringField("executed_at", s.trade() != null ? s.trade().timeText() : null);
        g.writeStringField("trade_id", s.trade() != null ? s.trade().id() : null);
        g.writeEndObject();
    }

    private void writeDailySnapshot(JsonGenerator g, int day) throws IOException {
        SampleRandom r = SampleRandom.of(t.seed, PaperTrading.KIND_DAY, day);
        LocalDateTime at = t.start.plusDays(day).plusHours(23).plusMinutes(59).plusSeconds(r.between(0, 58))
                .plus(r.between(0, 999_999), ChronoUnit.MICROS);
        g.writeStartObject();
        g.writeStringField("date", AppTimestamps.date(at.toLocalDate()));
        g.writeStringField("timestamp", t.pythonTime(at));
        writeTotals(g);
        g.writeFieldName("total_value");
        PY.number(g, money(balanceCents() + investedCents + unrealizedCents));
        g.writeNumberField("open_positions", openPositions);
        g.writeNumberField("trade_count", tradesDone);
        g.writeEndObject();
    }

    private void writeTotals(JsonGenerator g) throws IOException {
        g.writeFieldName("balance");
        PY.number(g, money(balanceCents()));
        g.writeFieldName("total_invested");
        PY.number(g, money(investedCents));
        g.writeFieldName("total_profit_loss");
        PY.number(g, money(realizedCents));
    }

    /** {@code portfolio.json}: one object, overwritten on every save, holding the open positions. */
    private void writePortfolio(Path file) throws IOException {
        try (JsonGenerator g = PY.open(file)) {
            g.writeStartObject();
            writeTotals(g);
            g.writeNumberField("trade_count", tradesDone);
            g.writeStringField("created_at", AppTimestamps.pythonNaive(t.start));
            g.writeStringField("last_updated", AppTimestamps.pythonUtc(t.now.minusMinutes(3).plusNanos(271_828_000L)));
            g.writeArrayFieldStart("positions");
            for (int i = t.trades - t.openTail; i < t.trades; i++) {
                Trade tr = t.trade(i);
                if (!tr.open()) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("trade_id", tr.id());
                g.writeStringField("market_id", tr.market().id());
                g.writeStringField("market_question", tr.market().question());
                g.writeStringField("action", tr.action());
                g.writeFieldName("amount");
                PY.number(g, tr.amount());
                g.writeFieldName("entry_price");
                PY.number(g, tr.entryPrice());
                g.writeStringField("entry_timestamp", tr.timeText());
                g.writeStringField("status", "open");
                g.writeFieldName("current_pnl");
                writePnl(g, tr);
                g.writeNullField("realized_pnl");
                g.writeNullField("exit_price");
                g.writeNullField("exit_timestamp");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
