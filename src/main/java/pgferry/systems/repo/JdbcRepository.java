package pgferry.systems.repo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What every system repository does with JDBC: run a named statement ({@link RepoSql}) with parameters
 * bound through the {@link Dialect}, map rows through it, and group statements in a transaction.
 */
public abstract class JdbcRepository {

    /** Binds a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(Params p) throws SQLException;
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(Row r) throws SQLException;
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    protected static final Binder NONE = p -> { };

    protected final Dialect dialect;
    protected final DataSource dataSource;
    protected final RepoSql sql;

    protected JdbcRepository(String system, Database db) {
        this.dialect = db.dialect();
        this.dataSource = db.dataSource();
        this.sql = new RepoSql(system, dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    protected <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new RepositoryException(e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    protected <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RepositoryException(e);
        }
    }

    protected <T> List<T> list(String statement, Binder binder, Mapper<T> mapper) {
        return withConnection(c -> list(c, statement, binder, mapper));
    }

    protected <T> Optional<T> one(String statement, Binder binder, Mapper<T> mapper) {
        return withConnection(c -> one(c, statement, binder, mapper));
    }

    protected int update(String statement, Binder binder) {
        return withConnection(c -> update(c, statement, binder));
    }

    protected <T> List<T> list(Connection c, String statement, Binder binder, Mapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.get(statement))) {
            binder.bind(dialect.params(ps));
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                Row row = dialect.row(rs);
                while (rs.next()) {
                    out.add(mapper.map(row));
                }
            }
            return out;
        }
    }

    protected <T> Optional<T> one(Connection c, String statement, Binder binder, Mapper<T> mapper) throws SQLException {
        List<T> rows = list(c, statement, binder, mapper);
        if (rows.size() > 1) {
            throw new IllegalStateException(statement + " returned " + rows.size() + " rows where at most one was expected");
        }
        return rows.stream().findFirst();
    }

    protected int update(Connection c, String statement, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.get(statement))) {
            binder.bind(dialect.params(ps));
            return ps.executeUpdate();
        }
    }
}
