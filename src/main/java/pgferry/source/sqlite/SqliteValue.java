package pgferry.source.sqlite;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One raw value as SQLite stored it, with its storage class. SQLite does not check UTF-8, so a TEXT
 * value may hold invalid UTF-8 or NUL bytes: a TEXT value is either valid UTF-8 (then available as
 * a String without copying, {@link #textOrNull()}) or kept as its raw bytes. Nothing has been
 * converted. Immutable.
 */
public final class SqliteValue {

    public static final SqliteValue NULL = new SqliteValue(StorageClass.NULL, 0, 0, null);

    private final StorageClass storageClass;
    private final long integer;
    private final double real;
    private byte[] bytes;
    /** For TEXT known to be valid UTF-8 (may contain NUL characters); else null. */
    private final String text;

    private SqliteValue(StorageClass storageClass, long integer, double real, byte[] bytes) {
        this(storageClass, integer, real, bytes, null);
    }

    private SqliteValue(StorageClass storageClass, long integer, double real, byte[] bytes, String text) {
        this.storageClass = storageClass;
        this.integer = integer;
        this.real = real;
        this.bytes = bytes;
        this.text = text;
    }

    public static SqliteValue ofInteger(long value) {
        return new SqliteValue(StorageClass.INTEGER, value, 0, null);
    }

    public static SqliteValue ofReal(double value) {
        return new SqliteValue(StorageClass.REAL, 0, value, null);
    }

    /** A TEXT value from its raw stored bytes (not copied: do not modify them afterwards). */
    public static SqliteValue ofTextBytes(byte[] utf8) {
        return new SqliteValue(StorageClass.TEXT, 0, 0, utf8);
    }

    /** A TEXT value whose stored bytes are the valid UTF-8 encoding of {@code text}. */
    public static SqliteValue ofText(String text) {
        return new SqliteValue(StorageClass.TEXT, 0, 0, null, text);
    }

    /** A BLOB value (not copied: do not modify it afterwards). */
    public static SqliteValue ofBlob(byte[] blob) {
        return new SqliteValue(StorageClass.BLOB, 0, 0, blob);
    }

    /** Roughly the heap this value holds beyond its object header, in bytes (for read-ahead bounds). */
    public int heapEstimate() {
        int n = 16;
        if (bytes != null) {
            n += bytes.length;
        }
        if (text != null) {
            n += 2 * text.length();
        }
        return n;
    }

    public StorageClass storageClass() {
        return storageClass;
    }

    public boolean isNull() {
        return storageClass == StorageClass.NULL;
    }

    /** The INTEGER value; only for storage class INTEGER. */
    public long integer() {
        check(StorageClass.INTEGER);
        return integer;
    }

    /** The REAL value; only for storage class REAL. */
    public double real() {
        check(StorageClass.REAL);
        return real;
    }

    /** The raw bytes of a TEXT or BLOB value (shared, do not modify). */
    public byte[] bytes() {
        if (bytes == null && text != null) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes == null) {
            throw new IllegalStateException("a " + storageClass + " value has no bytes");
        }
        return bytes;
    }

    /** The TEXT value decoded as strict UTF-8, or null when its bytes are not valid UTF-8. */
    public String textOrNull() {
        check(StorageClass.TEXT);
        if (text != null) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void check(StorageClass expected) {
        if (storageClass != expected) {
            throw new IllegalStateException("value is " + storageClass + ", not " + expected);
        }
    }

    /**
     * A readable, faithful rendering for messages and rejects files: integers and reals as Java
     * prints them, TEXT as its string (invalid UTF-8 as {@code hex:...} of the raw bytes), BLOB as
     * {@code X'..'}, NULL as {@code NULL}.
     */
    public String display() {
        return switch (storageClass) {
            case NULL -> "NULL";
            case INTEGER -> Long.toString(integer);
            case REAL -> Double.toString(real);
            case TEXT -> {
                String s = textOrNull();
                yield s != null ? s : "hex:" + HexFormat.of().formatHex(bytes);
            }
            case BLOB -> "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
        };
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SqliteValue v) || v.storageClass != storageClass || v.integer != integer
                || Double.compare(v.real, real) != 0) {
            return false;
        }
        return storageClass != StorageClass.TEXT && storageClass != StorageClass.BLOB || Arrays.equals(v.bytes(), bytes());
    }

    @Override
    public int hashCode() {
        return storageClass.hashCode() * 31 + Long.hashCode(integer) + Double.hashCode(real)
                + (storageClass == StorageClass.TEXT || storageClass == StorageClass.BLOB ? Arrays.hashCode(bytes()) : 0);
    }

    @Override
    public String toString() {
        return storageClass.typeofName() + ":" + display();
    }
}
