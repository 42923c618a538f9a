package pgferry.load;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in PostgreSQL's COPY text format (tab-separated, newline-terminated, {@code \N} for
 * NULL; backslash, tab, newline and carriage return escaped) straight into UTF-8 bytes, and hands
 * them to a COPY in large batches. Memory is one fixed buffer, whatever the number of rows.
 * Not thread-safe: one encoder per COPY.
 */
public final class CopyEncoder {

    /** Where encoded bytes go (a {@link CopyIn} in production). */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] bytes, int offset, int length) throws SQLException;
    }

    private static final int DEFAULT_BATCH = 1 << 20;

    private final Sink sink;
    private final byte[] buffer;
    private int length;
    private boolean rowStarted;
    private long bytesWritten;

    public CopyEncoder(Sink sink) {
        this(sink, DEFAULT_BATCH);
    }

    public CopyEncoder(Sink sink, int batchBytes) {
        this.sink = sink;
        this.buffer = new byte[Math.max(batchBytes, 64)];
    }

    /** An encoder writing into an open COPY ... FROM STDIN. */
    public static CopyEncoder into(CopyIn copyIn) {
        return new CopyEncoder(copyIn::writeToCopy);
    }

    /** Appends a NULL field. */
    public void nullField() throws SQLException {
        separator();
        ensure(2);
        buffer[length++] = '\\';
        buffer[length++] = 'N';
    }

    /** Appends a field; {@code null} means SQL NULL. The text may hold any character but NUL. */
    public void field(CharSequence text) throws SQLException {
        if (text == null) {
            nullField();
            return;
        }
        separator();
        int n = text.length();
        int i = 0;
        if (text instanceof String s && length + n <= buffer.length) {
            i = asciiRun(s, n);
        }
        encode(text, i, n);
    }

    /**
     * Fast path: copies the leading run of printable ASCII other than backslash (bytes that COPY takes
     * as they are) straight into the buffer, which has room for all {@code n} chars; returns where the
     * run stopped. The general loop encodes the rest.
     */
    private int asciiRun(String s, int n) {
        byte[] buf = buffer;
        int at = length;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '\\') {
                break;
            }
            buf[at++] = (byte) c;
            i++;
        }
        length = at;
        return i;
    }

    /** The general path: chars {@code from..n-1} escaped and UTF-8 encoded, flushing as the buffer fills. */
    private void encode(CharSequence text, int from, int n) throws SQLException {
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (length + 8 > buffer.length) {
                flush();
            }
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { buffer[length++] = '\\'; buffer[length++] = '\\'; }
                    case '\t' -> { buffer[length++] = '\\'; buffer[length++] = 't'; }
                    case '\n' -> { buffer[length++] = '\\'; buffer[length++] = 'n'; }
                    case '\r' -> { buffer[length++] = '\\'; buffer[length++] = 'r'; }
                    case 0 -> throw new IllegalArgumentException("NUL character cannot be sent to PostgreSQL");
                    default -> buffer[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | (c >> 6));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                buffer[length++] = (byte) (0xF0 | (cp >> 18));
                buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate cannot be encoded as UTF-8");
            } else {
                buffer[length++] = (byte) (0xE0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** Ends the current row. */
    public void endRow() throws SQLException {
        ensure(1);
        buffer[length++] = '\n';
        rowStarted = false;
    }

    /** Sends what is buffered. */
    public void flush() throws SQLException {
        if (length > 0) {
            sink.write(buffer, 0, length);
            bytesWritten += length;
            length = 0;
        }
    }

    /** Bytes handed to the sink so far (after {@link #flush()}, all bytes encoded). */
    public long bytesWritten() {
        return bytesWritten;
    }

    private void separator() throws SQLException {
        if (rowStarted) {
            ensure(1);
            buffer[length++] = '\t';
        }
        rowStarted = true;
    }

    private void ensure(int n) throws SQLException {
        if (length + n > buffer.length) {
            flush();
        }
    }
}
