package pgferry.source.sqlite;

/** SQLite's storage class of one stored value, as {@code typeof()} reports it. */
public enum StorageClass {
    NULL, INTEGER, REAL, TEXT, BLOB;

    private static final StorageClass[] BY_CODE = values();

    /** From the code the row query returns (0 null, 1 integer, 2 real, 3 text, 4 blob). */
    static StorageClass ofCode(int code) {
        return BY_CODE[code];
    }

    /** The name typeof() returns: "null", "integer", "real", "text", "blob". */
    public String typeofName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
