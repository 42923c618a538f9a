package pgferry.systems.repo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import org.postgresql.util.PGobject;
import pgferry.plan.ShortestDecimal;

/**
 * The engine a repository talks to, and every difference in how a VALUE goes in and comes out, one
 * method per concern. Nothing else in a repository looks at the engine; the statement texts that differ
 * are in {@link RepoSql}'s per-dialect files.
 *
 * <table>
 *   <caption>what each concern stores</caption>
 *   <tr><th>concern</th><th>SQLite (as the apps kept it)</th><th>PostgreSQL</th></tr>
 *   <tr><td>money, amounts</td><td>REAL (a double): written as the double nearest the decimal, read
 *       back as the shortest decimal that reads to that double ({@link ShortestDecimal})</td><td>numeric(p,s),
 *       BigDecimal both ways</td></tr>
 *   <tr><td>statistics</td><td>REAL</td><td>double precision (a double both ways)</td></tr>
 *   <tr><td>time</td><td>text or epoch integers, in the column's {@link TimeForm}</td><td>timestamptz</td></tr>
 *   <tr><td>dates</td><td>'YYYY-MM-DD' text</td><td>date</td></tr>
 *   <tr><td>JSON</td><td>text, read back as written</td><td>jsonb, read back in its normal form</td></tr>
 *   <tr><td>booleans</td><td>0 / 1</td><td>boolean</td></tr>
 *   <tr><td>uint256</td><td>decimal text</td><td>numeric(78,0)</td></tr>
 *   <tr><td>text order</td><td>BINARY (bytes)</td><td>{@code COLLATE "C"} (bytes, whatever the database's locale)</td></tr>
 * </table>
 * Money never passes through arithmetic on doubles here: the only double operations are the
 * conversions SQLite's REAL forces ({@link BigDecimal#doubleValue()}, correctly rounded, and
 * {@link ShortestDecimal}, exact).
 */
public enum Dialect {
    SQLITE("sqlite", "COLLATE BINARY"),
    POSTGRES("postgres", "COLLATE \"C\"");

    private static final DateTimeFormatter SQL_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SQL_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    /** Every datetime text the apps wrote: 'T' or ' ', optional fraction, optional Z / ±hh:mm (none = UTC). */
    private static final DateTimeFormatter READ_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private final String label;
    private final String bytewise;

    Dialect(String label, String bytewise) {
        this.label = label;
        this.bytewise = bytewise;
    }

    public String label() {
        return label;
    }

    /** The collation clause that orders text by its bytes ({@code {bytewise}} in the SQL files). */
    public String bytewiseCollation() {
        return bytewise;
    }

    /** The dialect of an open connection, from its JDBC URL. */
    public static Dialect of(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("not a SQLite or PostgreSQL connection: " + url.replaceAll("password=[^&]*", "password=***"));
    }

    /** Binds values to {@code ps} from position 1 on, in order. */
    public Params params(PreparedStatement ps) {
        return new Params(this, ps);
    }

    /** Reads the current row of {@code rs} by column label. */
    public Row row(ResultSet rs) {
        return new Row(this, rs);
    }

    // ---- money and exact decimals ------------------------------------------------------------------

    void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
        if (v == null) {
            ps.setNull(i, this == SQLITE ? Types.REAL : Types.NUMERIC);
        } else if (this == SQLITE) {
            ps.setDouble(i, v.doubleValue()); // what a REAL column can hold: the nearest double
        } else {
            ps.setBigDecimal(i, v);
        }
    }

    BigDecimal getDecimal(ResultSet rs, String column) throws SQLException {
        if (this == POSTGRES) {
            return rs.getBigDecimal(column);
        }
        Object o = rs.getObject(column);
        if (o == null) {
            return null;
        }
        if (o instanceof Double d) {
            return ShortestDecimal.of(d).toBigDecimal();
        }
        if (o instanceof Float f) {
            return ShortestDecimal.of(f.doubleValue()).toBigDecimal();
        }
        if (o instanceof Long || o instanceof Integer || o instanceof Short) {
            return BigDecimal.valueOf(((Number) o).longValue());
        }
        return new BigDecimal(o.toString().strip());
    }

    // ---- time --------------------------------------------------------------------------------------

    void setInstant(PreparedStatement ps, int i, Instant t, TimeForm form) throws SQLException {
        if (t == null) {
            ps.setNull(i, this == POSTGRES ? Types.TIMESTAMP_WITH_TIMEZONE
                    : form == TimeForm.EPOCH_MILLIS || form == TimeForm.EPOCH_SECONDS ? Types.BIGINT : Types.VARCHAR);
            return;
        }
        Instant v = form.truncate(t);
        if (this == POSTGRES) {
            ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
            return;
        }
        LocalDateTime utc = LocalDateTime.ofInstant(v, ZoneOffset.UTC);
        switch (form) {
            case EPOCH_SECONDS -> ps.setLong(i, v.getEpochSecond());
            case EPOCH_MILLIS -> ps.setLong(i, v.toEpochMilli());
            case SQL_SECONDS -> ps.setString(i, SQL_SECONDS.format(utc));
            case SQL_MICROS -> ps.setString(i, SQL_MICROS.format(utc));
            case RFC3339 -> ps.setString(i, (v.getNano() == 0 ? SQL_SECONDS : SQL_MICROS).format(utc).replace(' ', 'T') + "+00:00");
        }
    }

    Instant getInstant(ResultSet rs, String column, TimeForm form) throws SQLException {
        if (this == POSTGRES) {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
        Object o = rs.getObject(column);
        if (o == null) {
            return null;
        }
        if (o instanceof Number n) {
            long x = n.longValue();
            return form == TimeForm.EPOCH_SECONDS ? Instant.ofEpochSecond(x) : Instant.ofEpochMilli(x);
        }
        return parseText(o.toString(), column);
    }

    /** Datetime text as the SQLite apps wrote it; text without an offset is UTC (they all wrote UTC). */
    static Instant parseText(String text, String column) {
        try {
            var parsed = READ_TEXT.parse(text.strip());
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
                    java.time.LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
                            parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
                            parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return local.toInstant(offset);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("column " + column + " holds '" + text + "', which is not a datetime");
        }
    }

    // ---- dates -------------------------------------------------------------------------------------

    void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, this == POSTGRES ? Types.DATE : Types.VARCHAR);
        } else if (this == POSTGRES) {
            ps.setObject(i, d);
        } else {
            ps.setString(i, d.toString());
        }
    }

    LocalDate getDate(ResultSet rs, String column) throws SQLException {
        if (this == POSTGRES) {
            return rs.getObject(column, LocalDate.class);
        }
        String s = rs.getString(column);
        return s == null ? null : LocalDate.parse(s.strip());
    }

    // ---- JSON --------------------------------------------------------------------------------------

    void setJson(PreparedStatement ps, int i, Json j) throws SQLException {
        if (this == SQLITE) {
            ps.setString(i, j == null ? null : j.text());
            return;
        }
        PGobject o = new PGobject();
        o.setType("jsonb");
        o.setValue(j == null ? null : j.text());
        ps.setObject(i, o);
    }

    Json getJson(ResultSet rs, String column) throws SQLException {
        return Json.of(rs.getString(column));
    }

    // ---- booleans ----------------------------------------------------------------------------------

    void setBoolean(PreparedStatement ps, int i, Boolean b) throws SQLException {
        if (b == null) {
            ps.setNull(i, this == POSTGRES ? Types.BOOLEAN : Types.INTEGER);
        } else if (this == SQLITE) {
            ps.setInt(i, b ? 1 : 0);
        } else {
            ps.setBoolean(i, b);
        }
    }

    Boolean getBoolean(ResultSet rs, String column) throws SQLException {
        boolean b = rs.getBoolean(column); // PgJDBC: boolean; sqlite-jdbc: the integer is not 0
        return rs.wasNull() ? null : b;
    }

    // ---- uint256 -----------------------------------------------------------------------------------

    void setUint256(PreparedStatement ps, int i, BigInteger v) throws SQLException {
        if (v == null) {
            ps.setNull(i, this == POSTGRES ? Types.NUMERIC : Types.VARCHAR);
        } else if (this == SQLITE) {
            ps.setString(i, v.toString());
        } else {
            ps.setBigDecimal(i, new BigDecimal(v));
        }
    }

    BigInteger getUint256(ResultSet rs, String column) throws SQLException {
        if (this == POSTGRES) {
            BigDecimal d = rs.getBigDecimal(column);
            return d == null ? null : d.toBigIntegerExact();
        }
        String s = rs.getString(column);
        return s == null ? null : new BigInteger(s.strip());
    }
}
