package pgferry.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** One prescient paper trade (trades/paper_trades.json; columns of the {@code trades} table). */
public record Trade(String tradeId, Instant timestamp, String timestampText, String marketId, String marketQuestion,
                    String action, BigDecimal amount, BigDecimal entryPrice, BigDecimal confidence, String reason,
                    String status, String eventId, String eventTitle, String eventEndDate, BigDecimal currentPnl,
                    BigDecimal realizedPnl, BigDecimal exitPrice, String exitTimestamp) {

    /** From a record of the file as Jackson read it (numbers must have been read as BigDecimal). */
    public static Trade of(JsonNode n) {
        String ts = text(n, "timestamp");
        return new Trade(text(n, "trade_id"), Times.parse(ts), ts, text(n, "market_id"), text(n, "market_question"),
                text(n, "action"), dec(n, "amount"), dec(n, "entry_price"), dec(n, "confidence"), text(n, "reason"),
                text(n, "status"), text(n, "event_id"), text(n, "event_title"), text(n, "event_end_date"),
                dec(n, "current_pnl"), dec(n, "realized_pnl"), dec(n, "exit_price"), text(n, "exit_timestamp"));
    }

    /** The record as the app appends it to paper_trades.json. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        o.put("trade_id", tradeId);
        o.put("timestamp", timestampText);
        o.put("market_id", marketId);
        o.put("market_question", marketQuestion);
        o.put("action", action);
        o.put("amount", amount);
        o.put("entry_price", entryPrice);
        o.put("confidence", confidence);
        o.put("reason", reason);
        o.put("status", status);
        if (eventId != null) {
            o.put("event_id", eventId);
            o.put("event_title", eventTitle);
            o.put("event_end_date", eventEndDate);
        }
        o.put("current_pnl", currentPnl);
        o.put("realized_pnl", realizedPnl);
        if (exitPrice != null) {
            o.put("exit_price", exitPrice);
            o.put("exit_timestamp", exitTimestamp);
        }
        return o;
    }

    /** A new open trade as the bot would append it, with a fresh id. */
    public Trade asNew(String newId, Instant at) {
        String ts = at.toString().replace("Z", "+00:00");
        return new Trade(newId, at, ts, marketId, marketQuestion, action, amount, entryPrice, confidence, reason, "open",
                eventId, eventTitle, eventEndDate, BigDecimal.ZERO.setScale(2), null, null, null);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static BigDecimal dec(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.decimalValue();
    }
}
