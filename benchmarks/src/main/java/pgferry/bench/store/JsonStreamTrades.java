package pgferry.bench.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pgferry.bench.Answer;
import pgferry.bench.data.Times;
import pgferry.bench.data.Trade;

/**
 * The best honest use of the same paper_trades.json: Jackson's streaming parser, no tree, only the fields a query
 * needs; a point lookup stops at the match (trade_id is each record's first field, so other records are skipped
 * unread); an append writes the new record over the closing bracket instead of rewriting the file. No index: a
 * JSON file has none.
 */
public final class JsonStreamTrades implements TradeStore {
    private static final DefaultPrettyPrinter PYTHON_INDENT_2 = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    private final Path file;

    public JsonStreamTrades(Path file) {
        this.file = file;
    }

    @Override
    public Answer tradeById(String tradeId) {
        try (JsonParser p = JsonFiles.openArray(file)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                p.nextToken();                       // first field name
                String name = p.currentName();
                p.nextToken();
                if ("trade_id".equals(name) && !tradeId.equals(p.getText())) {
                    JsonFiles.skipRestOfObject(p);
                    continue;
                }
                ObjectNode record = JsonFiles.MAPPER.createObjectNode();
                record.set(name, JsonFiles.MAPPER.readTree(p));
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    record.set(f, JsonFiles.MAPPER.readTree(p));
                }
                if (tradeId.equals(record.path("trade_id").asText())) {
                    return TradeAnswers.one(Trade.of(record));
                }
            }
            return Answer.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public Answer marketWindow(String marketId, Instant from, Instant to) {
        List<List<Object>> rows = new ArrayList<>();
        try (JsonParser p = JsonFiles.openArray(file)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String id = null;
                String ts = null;
                String market = null;
                BigDecimal amount = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (f) {
                        case "trade_id" -> id = p.getText();
                        case "timestamp" -> ts = p.getText();
                        case "market_id" -> market = p.getText();
                        case "amount" -> amount = p.getDecimalValue();
                        default -> {
                            if (v.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
                if (marketId.equals(market)) {
                    Instant t = Times.parse(ts);
                    if (!t.isBefore(from) && t.isBefore(to)) {
                        rows.add(TradeAnswers.windowRow(id, t, amount));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return TradeAnswers.window(rows);
    }

    @Override
    public Answer pnlPerMarket() {
        TradeAnswers.PnlTotals totals = new TradeAnswers.PnlTotals();
        try (JsonParser p = JsonFiles.openArray(file)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String market = null;
                BigDecimal amount = null;
                BigDecimal pnl = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (f) {
                        case "market_id" -> market = p.getText();
                        case "amount" -> amount = p.getDecimalValue();
                        case "realized_pnl" -> pnl = v == JsonToken.VALUE_NULL ? null : p.getDecimalValue();
                        default -> {
                            if (v.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
                totals.add(market, amount, pnl);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return totals.answer();
    }

    @Override
    public void append(Trade trade) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            long pos = end - 1;
            int c;
            while (pos >= 0) {                      // the closing bracket, past any trailing whitespace
                f.seek(pos);
                c = f.read();
                if (c == ']') {
                    break;
                }
                if (!Character.isWhitespace(c)) {
                    throw new IllegalStateException(file + " does not end with ']'");
                }
                pos--;
            }
            long before = pos - 1;                   // is the array empty?
            while (before >= 0) {
                f.seek(before);
                c = f.read();
                if (!Character.isWhitespace(c)) {
                    break;
                }
                before--;
            }
            f.seek(before);
            boolean empty = f.read() == '[';
            String record = JsonFiles.MAPPER.writer(PYTHON_INDENT_2).writeValueAsString(trade.toJson())
                    .replace("\n", "\n  ");
            String tail = (empty ? "\n  " : ",\n  ") + record + "\n]";
            f.seek(before + 1);
            f.write(tail.getBytes(StandardCharsets.UTF_8));
            f.setLength(f.getFilePointer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    @Override
    public void close() {
    }
}
