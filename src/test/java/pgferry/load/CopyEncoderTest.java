package pgferry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/** COPY text format: every character arrives unchanged, NULL stays NULL, tiny batches too. */
class CopyEncoderTest {

    @Test
    void trickyTextRoundTripsThroughCopy() throws Exception {
        List<String> values = Arrays.asList("plain", "tab\there", "new\nline", "cr\rhere", "back\\slash", "\\N", "",
                null, "é ü 漢字 😀", "end\\", "a\tb\nc\\d\re", "x".repeat(5000));
        try (PgDatabase db = TestDatabases.shared().create(); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (n int, v text)");
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY t (n, v) FROM STDIN");
            CopyEncoder enc = new CopyEncoder(in::writeToCopy, 64); // tiny batches: values span flushes
            for (int i = 0; i < values.size(); i++) {
                enc.field(Integer.toString(i));
                enc.field(values.get(i));
                enc.endRow();
            }
            enc.flush();
            assertThat(in.endCopy()).isEqualTo(values.size());
            List<String> back = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT v FROM t ORDER BY n")) {
                while (rs.next()) {
                    back.add(rs.getString(1));
                }
            }
            assertThat(back).isEqualTo(values);
        }
    }

    @Test
    void nulCannotBeEncoded() {
        CopyEncoder enc = new CopyEncoder((b, o, l) -> { });
        assertThatThrownBy(() -> enc.field("a\0b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }
}
