package pgferry.systems.prescient;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import pgferry.systems.jsonfiles.AppTimestamps;
import pgferry.systems.jsonfiles.JsonFileStyle;
import pgferry.systems.prescient.PolymarketWorld.Event;
import pgferry.systems.prescient.PolymarketWorld.Market;

/**
 * Writes {@code data/events/raw_events_backup.json}, {@code data/events/filtered_events.json} and
 * {@code data/markets/filtered_markets.json} as prescient's controllers did: the Polymarket API objects
 * (camelCase, market numbers partly as strings, outcome lists as JSON-encoded strings) wrapped in the
 * app's own snake_case envelope.
 */
final class MarketFiles {
    private static final JsonFileStyle PY = JsonFileStyle.PYTHON;
    private final PolymarketWorld world;

    MarketFiles(PolymarketWorld world) {
        this.world = world;
    }

    void write(Path data) throws IOException {
        writeRawEvents(data.resolve("events/raw_events_backup.json"));
        writeFilteredEvents(data.resolve("events/filtered_events.json"));
        writeFilteredMarkets(data.resolve("markets/filtered_markets.json"));
    }

    private void writeRawEvents(Path file) throws IOException {
        try (JsonGenerator g = PY.open(file)) {
            g.writeStartObject();
            g.writeStringField("export_timestamp", AppTimestamps.pythonNaive(world.now.minusMinutes(42).plusNanos(123_456_000L)));
            g.writeNumberField("total_events", world.events);
            g.writeArrayFieldStart("events");
            for (int e = 0; e < world.events; e++) {
                writeEvent(g, world.event(e), false);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void writeFilteredEvents(Path file) throws IOException {
        int count = 0;
        for (int e = 0; e < world.events; e++) {
            if (world.event(e).filtered()) {
                count++;
            }
        }
        try (JsonGenerator g = PY.open(file)) {
            g.writeStartObject();
            g.writeStringField("filter_timestamp", AppTimestamps.pythonNaive(world.now.minusMinutes(40).plusNanos(654_321_000L)));
            g.writeObjectFieldStart("criteria");
            g.writeNumberField("min_liquidity", PolymarketWorld.MIN_LIQUIDITY.intValueExact());
            g.writeNumberField("min_days_until_end", 1);
            g.writeNumberField("max_days_until_end", PolymarketWorld.MAX_DAYS_UNTIL_END);
            g.writeArrayFieldStart("exclude_tags");
            g.writeEndArray();
            g.writeEndObject();
            g.writeNumberField("total_events", count);
            g.writeArrayFieldStart("events");
            for (int e = 0; e < world.events; e++) {
                Event ev = world.event(e);
                if (ev.filtered()) {
                    writeEvent(g, ev, true);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** One event as the Gamma API returned it; the filter adds {@code days_until_end}. */
    private void writeEvent(JsonGenerator g, Event ev, boolean filtered) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", ev.id());
        g.writeStringField("ticker", ev.slug());
        g.writeStringField("slug", ev.slug());
        g.writeStringField("title", ev.title());
        g.writeStringField("description", ev.description());
        g.writeStringField("startDate", ev.startText());
        g.writeStringField("creationDate", ev.creationText());
        g.writeStringField("endDate", ev.endText());
        g.writeStringField("image", "https://polymarket-upload.s3.us-east-2.amazonaws.com/" + ev.slug() + ".png");
        g.writeBooleanField("active", true);
        g.writeBooleanField("closed", ev.closed());
        g.writeBooleanField("archived", false);
        g.writeBooleanField("restricted", true);
        g.writeFieldName("liquidity");
        apiNumber(g, ev.liquidity());
        g.writeFieldName("volume");
        apiNumber(g, ev.volume());
        if (ev.hasVolume24hr()) {
            g.writeFieldName("volume24hr");
            apiNumber(g, ev.volume24hr());
        }
        g.writeNumberField("commentCount", ev.commentCount());
        g.writeArrayFieldStart("tags");
        g.writeStartObject();
        g.writeStringField("id", ev.tag().id());
        g.writeStringField("label", ev.tag().label());
        g.writeStringField("slug", ev.tag().slug());
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("markets");
        for (int m = ev.index() * 2; m < ev.index() * 2 + 2; m++) {
            writeApiMarket(g, world.market(m));
        }
        g.writeEndArray();
        if (filtered) {
            g.writeNumberField("days_until_end", ev.daysUntilEnd());
        }
        g.writeEndObject();
    }

    /** A market inside an event, in the API's own shape (liquidity/volume as strings, lists as JSON text). */
    private void writeApiMarket(JsonGenerator g, Market m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("question", m.question());
        g.writeStringField("conditionId", m.conditionId());
        g.writeStringField("slug", m.slug());
        g.writeStringField("endDate", m.event().endText());
        g.writeStringField("startDate", m.startText());
        g.writeStringField("liquidity", m.liquidity().toPlainString());
        g.writeStringField("volume", m.volume().toPlainString());
        g.writeFieldName("liquidityNum");
        apiNumber(g, m.liquidity());
        g.writeFieldName("volumeNum");
        apiNumber(g, m.volume());
        if (m.volume24hr() != null) {
            g.writeFieldName("volume24hr");
            apiNumber(g, m.volume24hr());
        }
        g.writeStringField("outcomes", "[\"Yes\", \"No\"]");
        g.writeStringField("outcomePrices", "[\"" + m.yes().toPlainString() + "\", \"" + m.no().toPlainString() + "\"]");
        g.writeStringField("clobTokenIds", "[\"" + m.yesToken() + "\", \"" + m.noToken() + "\"]");
        g.writeBooleanField("active", true);
        g.writeBooleanField("closed", m.event().closed());
        g.writeFieldName("bestBid");
        PY.number(g, m.bestBid());
        g.writeFieldName("bestAsk");
        PY.number(g, m.bestAsk());
        g.writeFieldName("spread");
        PY.number(g, m.spread());
        g.writeFieldName("orderPriceMinTickSize");
        PY.number(g, new BigDecimal("0.001"));
        g.writeNumberField("orderMinSize", 5);
        g.writeBooleanField("negRisk", m.event().topic() == 4);
        g.writeEndObject();
    }

    private void writeFilteredMarkets(Path file) throws IOException {
        int count = 0;
        for (int m = 0; m < world.markets(); m++) {
            if (world.market(m).filtered()) {
                count++;
            }
        }
        try (JsonGenerator g = PY.open(file)) {
            g.writeStartObject();
            g.writeStringField("timestamp", AppTimestamps.pythonNaive(world.now.minusMinutes(38).plusNanos(5_000L)));
            g.writeNumberField("total_markets", count);
            g.writeArrayFieldStart("markets");
            for (int i = 0; i < world.markets(); i++) {
                Market m = world.market(i);
                if (!m.filtered()) {
                    continue;
                }
                Event ev = m.event();
                g.writeStartObject();
                g.writeStringField("market_id", m.id());
                g.writeStringField("question", m.question());
                g.writeStringField("event_id", ev.id());
                g.writeStringField("event_title", ev.title());
                g.writeStringField("event_slug", ev.slug());
                g.writeStringField("event_end_date", ev.endText());
                g.writeFieldName("liquidity");
                PY.number(g, m.liquidity());
                g.writeFieldName("volume");
                PY.number(g, m.volume());
                g.writeFieldName("volume24hr");
                PY.numberOrNull(g, m.volume24hr());
                g.writeFieldName("yes_price");
                PY.number(g, m.yes());
                g.writeFieldName("no_price");
                PY.number(g, m.no());
                g.writeFieldName("market_conviction");
                PY.number(g, m.conviction());
                g.writeArrayFieldStart("outcomes");
                g.writeString("Yes");
                g.writeString("No");
                g.writeEndArray();
                g.writeArrayFieldStart("clob_token_ids");
                g.writeString(m.yesToken());
                g.writeString(m.noToken());
                g.writeEndArray();
                g.writeStringField("condition_id", m.conditionId());
                g.writeNumberField("days_until_end", ev.daysUntilEnd());
                g.writeArrayFieldStart("tags");
                g.writeString(ev.tag().label());
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** A number the API sent: Python keeps whole numbers as int ({@code 0}) and the rest as float repr. */
    private static void apiNumber(JsonGenerator g, BigDecimal v) throws IOException {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            g.writeNumber(s.toBigIntegerExact().toString());
        } else {
            PY.number(g, s);
        }
    }
}
