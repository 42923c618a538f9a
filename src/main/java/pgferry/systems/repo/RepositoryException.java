package pgferry.systems.repo;

import java.sql.SQLException;

/** A database error inside a repository call, with the engine's SQLSTATE kept. */
public final class RepositoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RepositoryException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE (PostgreSQL) or SQLite result code name, when the engine gave one. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
