package pgferry.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.UserError;

class CastsTest {

    @TempDir
    Path dir;

    @Test
    void parsesOverridesAndTypes() {
        Casts c = Casts.parse(List.of("trades.price=numeric(18,6)", "Trades.Flag = boolean",
                "\"my.table\".\"a=b\"=varchar(10)"));
        assertThat(c.lookup("TRADES", "PRICE")).contains(TargetType.numeric(18, 6));
        assertThat(c.lookup("trades", "flag")).contains(TargetType.BOOLEAN);
        assertThat(c.lookup("my.table", "a=b")).map(TargetType::sql).contains("varchar(10)");
        assertThat(c.lookup("trades", "qty")).isEmpty();
        assertThat(TargetType.parse("DOUBLE  PRECISION").sql()).isEqualTo("double precision");
        assertThat(TargetType.parse("decimal(5)").sql()).isEqualTo("numeric(5,0)");
    }

    @Test
    void badOverridesAreUserErrorsNamingThem() {
        assertThatThrownBy(() -> Casts.parse(List.of("trades.price")))
                .isInstanceOf(UserError.class).hasMessage("--cast trades.price: expected table.column=TYPE, e.g. trades.price=numeric(18,6)");
        assertThatThrownBy(() -> Casts.parse(List.of("price=numeric")))
                .isInstanceOf(UserError.class).hasMessageContaining("expected table.column=TYPE");
        assertThatThrownBy(() -> Casts.parse(List.of("trades.price=money")))
                .isInstanceOf(UserError.class).hasMessageStartingWith("--cast trades.price=money: unknown type 'money'");
        assertThatThrownBy(() -> Casts.parse(List.of("trades.price=numeric(2,5)")))
                .isInstanceOf(UserError.class).hasMessageContaining("numeric scale must be 0..2");
        assertThatThrownBy(() -> Casts.parse(List.of("trades.price=text(5)")))
                .isInstanceOf(UserError.class).hasMessageContaining("takes no (arguments)");
    }

    @Test
    void mappingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("casts.json"), "{\"trades.price\": \"numeric(18,6)\", \"t.c\": \"jsonb\"}");
        Casts c = Casts.fromFile(file).and(Casts.parse(List.of("t.c=text")));
        assertThat(c.lookup("trades", "price")).contains(TargetType.numeric(18, 6));
        assertThat(c.lookup("t", "c")).contains(TargetType.TEXT);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"trades.price\": 5}");
        assertThatThrownBy(() -> Casts.fromFile(bad)).isInstanceOf(UserError.class)
                .hasMessageContaining("entry \"trades.price\": the type must be a string");
        Path notJson = Files.writeString(dir.resolve("nope.json"), "trades.price=numeric");
        assertThatThrownBy(() -> Casts.fromFile(notJson)).isInstanceOf(UserError.class)
                .hasMessageContaining("is not valid JSON").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> Casts.fromFile(dir.resolve("missing.json"))).isInstanceOf(UserError.class)
                .hasMessageContaining("does not exist");
    }
}
