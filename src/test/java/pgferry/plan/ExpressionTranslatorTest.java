package pgferry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pgferry.catalog.Affinity;

class ExpressionTranslatorTest {

    final ExpressionTranslator tr = new ExpressionTranslator("orders",
            Map.of("status", "status", "qty", "qty", "orderqty", "order_qty", "active", "active",
                    "account name", "Account Name", "symbol", "symbol", "note", "note"),
            Set.of("active"));

    String sql(String expr) {
        ExpressionTranslator.Result r = tr.translate(expr);
        assertThat(r.problem()).as(expr).isNull();
        return r.sql();
    }

    String problem(String expr) {
        ExpressionTranslator.Result r = tr.translate(expr);
        assertThat(r.sql()).as(expr).isNull();
        return r.problem();
    }

    @Test
    void columnsAreQuotedAndRenamed() {
        assertThat(sql("OrderQty > 0 AND qty <> 0")).isEqualTo("\"order_qty\" > 0 AND \"qty\" <> 0");
        assertThat(sql("[Account Name] <> ''")).isEqualTo("\"Account Name\" <> ''");
        assertThat(sql("orders.qty == 1")).isEqualTo("\"qty\" = 1");
        assertThat(sql("status IN ('open', 'it''s')")).isEqualTo("\"status\" IN ('open', 'it''s')");
        assertThat(sql("length(symbol) BETWEEN 1 AND 12")).isEqualTo("length(\"symbol\") BETWEEN 1 AND 12");
    }

    @Test
    void sqliteSpecificSyntax() {
        assertThat(sql("symbol LIKE 'A%'")).isEqualTo("\"symbol\" ILIKE 'A%'");
        assertThat(sql("note IS NOT 'x'")).isEqualTo("\"note\" IS DISTINCT FROM 'x'");
        assertThat(sql("note IS NULL OR note IS NOT NULL")).isEqualTo("\"note\" IS NULL OR \"note\" IS NOT NULL");
        assertThat(sql("ifnull(note, \"none\") <> ''")).isEqualTo("coalesce(\"note\", 'none') <> ''");
        assertThat(sql("max(qty, 0) < 0x10")).isEqualTo("greatest(\"qty\", 0) < 16");
        assertThat(sql("active IN (0, 1)")).isEqualTo("\"active\" IN (false, true)");
        assertThat(sql("active = 1 OR 0 == active")).isEqualTo("\"active\" = true OR false = \"active\"");
        assertThat(sql("CAST(qty AS INTEGER) = qty")).isEqualTo("CAST(\"qty\" AS bigint) = \"qty\"");
    }

    @Test
    void untranslatableIsAProblemNotAGuess() {
        assertThat(problem("typeof(qty) = 'integer'")).contains("typeof()");
        assertThat(problem("symbol GLOB '[A-Z]*'")).contains("GLOB");
        assertThat(problem("datetime(note) IS NOT NULL")).contains("function datetime()");
        assertThat(problem("json_valid(note)")).contains("json_valid");
        assertThat(problem("missing_column > 0")).contains("unknown name missing_column");
        assertThat(problem("symbol COLLATE NOCASE = 'x'")).contains("NOCASE");
        assertThat(problem("note ->> '$.a' = 1")).contains("JSON operator");
    }

    @Test
    void defaults() {
        ValueConverter ts = Converters.timestamptz(java.time.ZoneOffset.UTC, null);
        assertThat(DefaultTranslator.translate("CURRENT_TIMESTAMP", TargetType.TIMESTAMPTZ, Affinity.NUMERIC, ts).sql()).isEqualTo("now()");
        assertThat(DefaultTranslator.translate("(datetime('now'))", TargetType.TIMESTAMPTZ, Affinity.NUMERIC, ts).sql()).isEqualTo("now()");
        assertThat(DefaultTranslator.translate("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", TargetType.TIMESTAMPTZ, Affinity.NUMERIC, ts).sql()).isEqualTo("now()");
        assertThat(DefaultTranslator.translate("datetime('now', 'localtime')", TargetType.TIMESTAMPTZ, Affinity.NUMERIC, ts).sql()).isEqualTo("now()");
        assertThat(DefaultTranslator.translate("'2024-01-01 00:00:00'", TargetType.TIMESTAMPTZ, Affinity.NUMERIC, ts).sql())
                .isEqualTo("'2024-01-01 00:00:00+00'");
        DefaultTranslator.Result text = DefaultTranslator.translate("CURRENT_TIMESTAMP", TargetType.TEXT, Affinity.TEXT, Converters.text());
        assertThat(text.sql()).isEqualTo("to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')");
        DefaultTranslator.Result local = DefaultTranslator.translate("datetime('now','localtime')", TargetType.TEXT, Affinity.TEXT, Converters.text());
        assertThat(local.sql()).isNull();
        assertThat(local.warning()).contains("dropped");
        assertThat(DefaultTranslator.translate("1", TargetType.BOOLEAN, Affinity.NUMERIC, Converters.bool()).sql()).isEqualTo("'true'");
        assertThat(DefaultTranslator.translate("FALSE", TargetType.BOOLEAN, Affinity.NUMERIC, Converters.bool()).sql()).isEqualTo("'false'");
        assertThat(DefaultTranslator.translate("-1.5", TargetType.NUMERIC, Affinity.REAL, Converters.numeric(NonFinite.REJECT)).sql()).isEqualTo("'-1.5'");
        assertThat(DefaultTranslator.translate("'open'", TargetType.TEXT, Affinity.TEXT, Converters.text()).sql()).isEqualTo("'open'");
        assertThat(DefaultTranslator.translate("'it''s'", TargetType.TEXT, Affinity.TEXT, Converters.text()).sql()).isEqualTo("'it''s'");
        assertThat(DefaultTranslator.translate("NULL", TargetType.TEXT, Affinity.TEXT, Converters.text()).sql()).isNull();
        assertThat(DefaultTranslator.translate("'{}'", TargetType.JSONB, Affinity.TEXT, Converters.json()).sql()).isEqualTo("'{}'");
        DefaultTranslator.Result bad = DefaultTranslator.translate("2", TargetType.BOOLEAN, Affinity.NUMERIC, Converters.bool());
        assertThat(bad.sql()).isNull();
        assertThat(bad.warning()).isEqualTo("DEFAULT 2 dropped: integer 2 is not a boolean (0 or 1)");
        DefaultTranslator.Result unknown = DefaultTranslator.translate("abs(random())", TargetType.BIGINT, Affinity.INTEGER,
                Converters.integer(Long.MIN_VALUE, Long.MAX_VALUE, "bigint"));
        assertThat(unknown.warning()).isEqualTo("DEFAULT abs(random()) dropped: no PostgreSQL translation");
        assertThat(DefaultTranslator.translate("strftime('%s','now')", TargetType.BIGINT, Affinity.INTEGER,
                Converters.integer(Long.MIN_VALUE, Long.MAX_VALUE, "bigint")).sql()).isEqualTo("floor(extract(epoch FROM now()))::bigint");
    }
}
