package pgferry.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL side of one entity. Every method works inside the caller's connection and
 * transaction; the caller commits. {@link #upsert} is keyed by the natural key and must leave the row
 * unchanged when it already holds the same values (so replaying a write changes nothing).
 */
public interface PgRepository<T> {

    void upsert(Connection connection, T value) throws SQLException;

    /** Deletes the row with this natural key; no row is not an error. */
    void delete(Connection connection, String key) throws SQLException;

    Optional<T> find(Connection connection, String key) throws SQLException;

    /** Every row, in the repository's natural order. */
    List<T> findAll(Connection connection) throws SQLException;
}
