package pgferry.bench.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pgferry.bench.Answer;
import pgferry.bench.data.Trade;
import pgferry.systems.jsonfiles.JsonFileStyle;

/**
 * paper_trades.json as prescient used it: every call reads and parses the whole file into a tree, then filters
 * in memory; an append reads the whole file, adds the record and writes the whole file back ({@code json.dump(indent=2)}).
 */
public final class JsonTreeTrades implements TradeStore {
    private final Path file;

    public JsonTreeTrades(Path file) {
        this.file = file;
    }

    @Override
    public Answer tradeById(String tradeId) {
        return tradeById(JsonFiles.readWhole(file), tradeId);
    }

    @Override
    public Answer marketWindow(String marketId, Instant from, Instant to) {
        return marketWindow(JsonFiles.readWhole(file), marketId, from, to);
    }

    @Override
    public Answer pnlPerMarket() {
        return pnlPerMarket(JsonFiles.readWhole(file));
    }

    /** The point lookup on an already parsed file (the setup's reference answers parse the file once). */
    public static Answer tradeById(JsonNode all, String tradeId) {
        for (JsonNode t : all) {
            if (tradeId.equals(t.path("trade_id").asText())) {
                return TradeAnswers.one(Trade.of(t));
            }
        }
        return Answer.empty();
    }

    public static Answer marketWindow(JsonNode all, String marketId, Instant from, Instant to) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode n : all) {
            if (marketId.equals(n.path("market_id").asText())) {
                Trade t = Trade.of(n);
                if (!t.timestamp().isBefore(from) && t.timestamp().isBefore(to)) {
                    rows.add(TradeAnswers.windowRow(t.tradeId(), t.timestamp(), t.amount()));
                }
            }
        }
        return TradeAnswers.window(rows);
    }

    public static Answer pnlPerMarket(JsonNode all) {
        TradeAnswers.PnlTotals totals = new TradeAnswers.PnlTotals();
        for (JsonNode n : all) {
            JsonNode pnl = n.path("realized_pnl");
            totals.add(n.path("market_id").asText(), n.path("amount").decimalValue(), pnl.isNumber() ? pnl.decimalValue() : null);
        }
        return totals.answer();
    }

    @Override
    public void append(Trade trade) {
        ArrayNode all = (ArrayNode) JsonFiles.readWhole(file);
        all.add(trade.toJson());
        try (JsonGenerator g = JsonFileStyle.PYTHON.open(file)) {
            JsonFiles.MAPPER.writeTree(g, all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
    }
}
