package pgferry.load;

/**
 * An identity column to move past the loaded maximum (and past SQLite's recorded AUTOINCREMENT
 * value, which exceeds the maximum when the last rows were deleted).
 *
 * @param schema         target schema
 * @param table          target table
 * @param column         the identity column
 * @param sourceSequence the highest value SQLite ever handed out, or null when unknown
 */
public record IdentityRestart(String schema, String table, String column, Long sourceSequence) {
}
