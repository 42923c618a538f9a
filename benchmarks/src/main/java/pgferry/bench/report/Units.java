package pgferry.bench.report;

import java.util.Locale;

/** Time units and the human forms of times and sizes used in the report. */
public final class Units {
    private Units() {
    }

    public static double toMicros(String unit) {
        String u = unit.contains("/") ? unit.substring(0, unit.indexOf('/')) : unit;
        return switch (u) {
            case "ns" -> 1e-3;
            case "us" -> 1;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    /** 0.042 ms, 3.1 ms, 1.24 s, 85 µs. */
    public static String time(double micros) {
        if (Double.isNaN(micros)) {
            return "n/a";
        }
        if (micros >= 1e6) {
            return sig(micros / 1e6) + " s";
        }
        if (micros >= 1e3) {
            return sig(micros / 1e3) + " ms";
        }
        return sig(micros) + " µs";
    }

    /** Three significant digits, no exponent. */
    public static String sig(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }

    /** 1k, 10k, 100k, 1M, 250. */
    public static String size(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1_000 && n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Long.toString(n);
    }

    /** 380×, 12×, 3.4×, 0.52×. */
    public static String ratio(double r) {
        return (r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : sig(r)) + "×";
    }
}
