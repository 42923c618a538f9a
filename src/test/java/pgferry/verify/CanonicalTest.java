package pgferry.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/** The canonical forms equal PostgreSQL's own output for the same values. */
class CanonicalTest {

    private static String pg(Connection c, String text, String type) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT (?::" + type + ")::text")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void canonicalFormsMatchPostgresOutput() throws Exception {
        try (PgDatabase db = TestDatabases.shared().create(); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            for (String json : List.of("{\"order_id\":\"o-1\",\"venue\":\"XNAS\",\"fee\":0.0012}", "[1, 2.50, -0, 1e2, 1.5E-3]",
                    "{\"bb\":1,\"a\":{\"zz\":[true,false,null],\"y\":\"\\u00e9\\n\\t\\\"q\\\\\"}}", "{\"é\":1,\"z\":2,\"ab\":3}",
                    "{}", "[]", "\"text\"", "{\"a\":\"\\u0001\"}", "{\"k\":\"/slash\"}", "123.4500")) {
                assertThat(Canonical.of(Canonical.Kind.JSON, json)).as(json).isEqualTo(pg(c, json, "jsonb"));
            }
            for (String n : List.of("0.1", "272.521882", "100", "-0.0", "1.50", "0.000", "12345678901234567890.123")) {
                assertThat(Canonical.of(Canonical.Kind.NUMERIC, n))
                        .isEqualTo(Canonical.of(Canonical.Kind.NUMERIC, pg(c, n, "numeric(40,10)")))
                        .isEqualTo(Canonical.of(Canonical.Kind.NUMERIC, pg(c, n, "numeric")));
            }
            for (String ts : List.of("2024-03-01 08:00:00+00", "2024-03-01T08:00:00.123Z", "2024-03-01 10:00:00+02",
                    "2024-03-01 08:00:00.5+05:30", "2023-11-14 22:13:23.424+00")) {
                assertThat(Canonical.of(Canonical.Kind.TIMESTAMPTZ, ts)).as(ts).isEqualTo(pg(c, ts, "timestamptz"));
            }
            assertThat(Canonical.of(Canonical.Kind.BOOLEAN, "true")).isEqualTo(Canonical.of(Canonical.Kind.BOOLEAN, pg(c, "1", "boolean")));
            assertThat(Canonical.of(Canonical.Kind.INTEGER, "007")).isEqualTo("7");
        }
    }

    @Test
    void differentValuesStayDifferent() {
        assertThat(Canonical.of(Canonical.Kind.NUMERIC, "0.1")).isNotEqualTo(Canonical.of(Canonical.Kind.NUMERIC, "0.10000000000000001"));
        assertThat(Canonical.of(Canonical.Kind.JSON, "{\"a\":1}")).isNotEqualTo(Canonical.of(Canonical.Kind.JSON, "{\"a\":\"1\"}"));
        assertThat(Canonical.of(Canonical.Kind.TIMESTAMPTZ, "2024-03-01 08:00:00+00"))
                .isNotEqualTo(Canonical.of(Canonical.Kind.TIMESTAMPTZ, "2024-03-01 08:00:00+01"));
    }
}
