package pgferry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void snakeCase() {
        assertThat(Identifiers.snakeCase("OrderQty")).isEqualTo("order_qty");
        assertThat(Identifiers.snakeCase("orderID")).isEqualTo("order_id");
        assertThat(Identifiers.snakeCase("HTTPServer")).isEqualTo("http_server");
        assertThat(Identifiers.snakeCase("volume24hr")).isEqualTo("volume24hr");
        assertThat(Identifiers.snakeCase("Volume24Hr")).isEqualTo("volume24_hr");
        assertThat(Identifiers.snakeCase("already_snake")).isEqualTo("already_snake");
        assertThat(Identifiers.snakeCase("Order")).isEqualTo("order");
        assertThat(Identifiers.snakeCase("Account Name")).isNull();
        assertThat(Identifiers.snakeCase("say \"hi\"")).isNull();
        assertThat(Identifiers.snakeCase("prix_€")).isNull();
    }

    @Test
    void ambiguousNamesAreKeptAsIs() {
        Map<String, String> m = Identifiers.map(List.of("OrderQty", "order_qty", "Price", "Account Name", "select"));
        assertThat(m).containsEntry("OrderQty", "OrderQty").containsEntry("order_qty", "order_qty")
                .containsEntry("Price", "price").containsEntry("Account Name", "Account Name")
                .containsEntry("select", "select");
    }

    @Test
    void longNamesAreShortenedNotTruncatedByTheServer() {
        String longName = "a".repeat(70);
        Map<String, String> m = Identifiers.map(List.of(longName, "b".repeat(63)));
        assertThat(Identifiers.utf8Length(m.get(longName))).isLessThanOrEqualTo(63);
        assertThat(m.get(longName)).startsWith("a".repeat(54) + "_");
        assertThat(m.get("b".repeat(63))).isEqualTo("b".repeat(63));
        String multibyte = "ü".repeat(40); // 80 bytes
        assertThat(Identifiers.utf8Length(Identifiers.map(List.of(multibyte)).get(multibyte))).isLessThanOrEqualTo(63);
    }

    @Test
    void quoting() {
        assertThat(Identifiers.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Identifiers.quote("order")).isEqualTo("\"order\"");
    }

    @Test
    void namespaceHandsOutUniqueNames() {
        Identifiers.Namespace ns = new Identifiers.Namespace();
        ns.reserve("trades");
        assertThat(ns.claim("trades")).isEqualTo("trades_2");
        assertThat(ns.claim("trades_pkey")).isEqualTo("trades_pkey");
        assertThat(ns.claim("trades_pkey")).isEqualTo("trades_pkey_2");
        assertThat(Identifiers.utf8Length(ns.claim("x".repeat(80)))).isLessThanOrEqualTo(63);
    }
}
