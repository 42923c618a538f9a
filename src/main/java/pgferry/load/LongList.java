package pgferry.load;

import java.util.Arrays;

/** A growable list of primitive longs (8 bytes a value, no boxing). */
final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    long get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }
}
