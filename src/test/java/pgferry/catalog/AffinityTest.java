package pgferry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AffinityTest {

    @Test
    void theFiveRulesInOrder() {
        // rule 1: INT anywhere wins, even over CHAR ("CHARINT") and in "POINT"
        assertThat(Affinity.of("INTEGER")).isEqualTo(Affinity.INTEGER);
        assertThat(Affinity.of("UNSIGNED BIG INT")).isEqualTo(Affinity.INTEGER);
        assertThat(Affinity.of("CHARINT")).isEqualTo(Affinity.INTEGER);
        assertThat(Affinity.of("FLOATING POINT")).isEqualTo(Affinity.INTEGER);
        // rule 2
        assertThat(Affinity.of("VARCHAR(255)")).isEqualTo(Affinity.TEXT);
        assertThat(Affinity.of("NATIVE CHARACTER(70)")).isEqualTo(Affinity.TEXT);
        assertThat(Affinity.of("clob")).isEqualTo(Affinity.TEXT);
        // rule 3
        assertThat(Affinity.of("BLOB")).isEqualTo(Affinity.BLOB);
        assertThat(Affinity.of("")).isEqualTo(Affinity.BLOB);
        assertThat(Affinity.of(null)).isEqualTo(Affinity.BLOB);
        // rule 4
        assertThat(Affinity.of("DOUBLE PRECISION")).isEqualTo(Affinity.REAL);
        assertThat(Affinity.of("float")).isEqualTo(Affinity.REAL);
        // rule 5
        assertThat(Affinity.of("DECIMAL(10,5)")).isEqualTo(Affinity.NUMERIC);
        assertThat(Affinity.of("BOOLEAN")).isEqualTo(Affinity.NUMERIC);
        assertThat(Affinity.of("DATETIME")).isEqualTo(Affinity.NUMERIC);
        assertThat(Affinity.of("STRING")).isEqualTo(Affinity.NUMERIC);
    }

    @Test
    void recordsCopyTheirListsAndCheckInvariants() {
        java.util.ArrayList<String> cols = new java.util.ArrayList<>(List.of("a"));
        Key k = new Key(null, cols);
        cols.add("b");
        assertThat(k.columns()).containsExactly("a");
        assertThatThrownBy(() -> new Key(null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Index.Term("a", "b", false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ForeignKey.Action.parse("SET NULL")).isEqualTo(ForeignKey.Action.SET_NULL);
        assertThat(ForeignKey.Action.parse("NONE")).isEqualTo(ForeignKey.Action.NO_ACTION);
        assertThatThrownBy(() -> ForeignKey.Action.parse("EXPLODE")).isInstanceOf(IllegalArgumentException.class);
    }
}
