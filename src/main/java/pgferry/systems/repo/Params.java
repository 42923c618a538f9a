package pgferry.systems.repo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/** Binds a statement's parameters in order, each kind through {@link Dialect}. */
public final class Params {

    private final Dialect dialect;
    private final PreparedStatement ps;
    private int next = 1;

    Params(Dialect dialect, PreparedStatement ps) {
        this.dialect = dialect;
        this.ps = ps;
    }

    public Params text(String s) throws SQLException {
        if (s == null) {
            ps.setNull(next++, Types.VARCHAR);
        } else {
            ps.setString(next++, s);
        }
        return this;
    }

    public Params integer(Long v) throws SQLException {
        if (v == null) {
            ps.setNull(next++, Types.BIGINT);
        } else {
            ps.setLong(next++, v);
        }
        return this;
    }

    public Params integer(int v) throws SQLException {
        ps.setInt(next++, v);
        return this;
    }

    /** Money and exact amounts. */
    public Params decimal(BigDecimal v) throws SQLException {
        dialect.setDecimal(ps, next++, v);
        return this;
    }

    /** A statistic that is a double on both engines (not money). */
    public Params real(Double v) throws SQLException {
        if (v == null) {
            ps.setNull(next++, Types.DOUBLE);
        } else {
            ps.setDouble(next++, v);
        }
        return this;
    }

    public Params instant(Instant t, TimeForm form) throws SQLException {
        dialect.setInstant(ps, next++, t, form);
        return this;
    }

    public Params date(LocalDate d) throws SQLException {
        dialect.setDate(ps, next++, d);
        return this;
    }

    public Params json(Json j) throws SQLException {
        dialect.setJson(ps, next++, j);
        return this;
    }

    public Params bool(Boolean b) throws SQLException {
        dialect.setBoolean(ps, next++, b);
        return this;
    }

    public Params uint256(BigInteger v) throws SQLException {
        dialect.setUint256(ps, next++, v);
        return this;
    }
}
