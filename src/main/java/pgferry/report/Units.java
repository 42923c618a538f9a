package pgferry.report;

import java.util.Locale;

/** Human units for the report: bytes as kB/MB/GB, durations as ms/s/min. */
final class Units {
    private Units() {
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.2f GB", b / 1073741824.0);
    }

    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60000, (ms / 1000) % 60);
    }
}
