package pgferry.systems.jsonfiles;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness for generators. {@link #of(long, long, long)} gives an independent stream per
 * entity (kind, index), so entity {@code i} can be rebuilt anywhere without keeping the others in memory.
 */
public final class SampleRandom {
    private final SplittableRandom r;

    private SampleRandom(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** The stream of one entity: the same (seed, kind, index) always gives the same values. */
    public static SampleRandom of(long seed, long kind, long index) {
        return new SampleRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * (kind + 1)) + index));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public int between(int lowInclusive, int highInclusive) {
        return r.nextInt(lowInclusive, highInclusive + 1);
    }

    public long between(long lowInclusive, long highInclusive) {
        return r.nextLong(lowInclusive, highInclusive + 1);
    }

    /** True with probability {@code percent}/100 (whole percent). */
    public boolean percent(int percent) {
        return r.nextInt(100) < percent;
    }

    /** True with probability {@code perMille}/1000. */
    public boolean perMille(int perMille) {
        return r.nextInt(1000) < perMille;
    }

    public <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    public <T> T pick(T[] items) {
        return items[r.nextInt(items.length)];
    }

    /** A decimal {@code unscaled * 10^-scale} with unscaled in [low, high]: exact, never via double. */
    public BigDecimal decimal(long lowUnscaled, long highUnscaled, int scale) {
        return BigDecimal.valueOf(between(lowUnscaled, highUnscaled), scale);
    }

    /** Lower-case hex digits. */
    public String hex(int digits) {
        StringBuilder b = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            b.append(Character.forDigit(r.nextInt(16), 16));
        }
        return b.toString();
    }

    /** Decimal digits, the first one not 0. */
    public String digits(int count) {
        StringBuilder b = new StringBuilder(count);
        b.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < count; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /** A random (version 4) UUID in its lower-case text form, as {@code crypto.randomUUID()} prints it. */
    public String uuid4() {
        String h = hex(32);
        char variant = "89ab".charAt(r.nextInt(4));
        return h.substring(0, 8) + '-' + h.substring(8, 12) + "-4" + h.substring(13, 16) + '-' + variant
                + h.substring(17, 20) + '-' + h.substring(20, 32);
    }

    /** Letters and digits of the base64 alphabet used by bcrypt hashes. */
    public String bcryptChars(int count) {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
