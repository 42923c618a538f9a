package pgferry.systems.repo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** Reads the current row of a result by column label, each kind through {@link Dialect}. */
public final class Row {

    private final Dialect dialect;
    private final ResultSet rs;

    Row(Dialect dialect, ResultSet rs) {
        this.dialect = dialect;
        this.rs = rs;
    }

    public String text(String column) throws SQLException {
        return rs.getString(column);
    }

    public Long integer(String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public long count(String column) throws SQLException {
        return rs.getLong(column);
    }

    public BigDecimal decimal(String column) throws SQLException {
        return dialect.getDecimal(rs, column);
    }

    public Double real(String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public Instant instant(String column, TimeForm form) throws SQLException {
        return dialect.getInstant(rs, column, form);
    }

    public LocalDate date(String column) throws SQLException {
        return dialect.getDate(rs, column);
    }

    public Json json(String column) throws SQLException {
        return dialect.getJson(rs, column);
    }

    public Boolean bool(String column) throws SQLException {
        return dialect.getBoolean(rs, column);
    }

    public BigInteger uint256(String column) throws SQLException {
        return dialect.getUint256(rs, column);
    }
}
