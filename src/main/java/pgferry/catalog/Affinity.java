package pgferry.catalog;

import java.util.Locale;

/**
 * SQLite's column affinity, decided from the declared type name by the five ordered rules of
 * <a href="https://sqlite.org/datatype3.html">sqlite.org/datatype3.html</a> §3.1. Sources without
 * affinities (JSON) use the affinity that best describes the values they hold.
 */
public enum Affinity {
    INTEGER, TEXT, BLOB, REAL, NUMERIC;

    /**
     * The affinity of a declared type name, by SQLite's rules in order:
     * 1. contains "INT" → INTEGER; 2. contains "CHAR", "CLOB" or "TEXT" → TEXT;
     * 3. contains "BLOB" or no type at all → BLOB; 4. contains "REAL", "FLOA" or "DOUB" → REAL;
     * 5. otherwise NUMERIC.
     *
     * @param declaredType the declared type as written, may be null or blank
     */
    public static Affinity of(String declaredType) {
        if (declaredType == null || declaredType.isBlank()) {
            return BLOB;
        }
        String t = declaredType.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.contains("BLOB")) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }
}
