package pgferry.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pgferry.UserError;

/**
 * How many connections to keep, from the environment (seed 004's table: no persistent connections
 * on a serverless platform, a small pool for a long-running process).
 * <pre>
 *   PGFERRY_POOL=none            one connection at most, none kept idle (serverless, one-shot jobs)
 *   PGFERRY_POOL=pool            a pool (the default)
 *   PGFERRY_POOL_SIZE=N          pool size 1..1000 (default 5); DATABASE_POOL_SIZE is read when it is unset
 * </pre>
 * Without {@code PGFERRY_POOL} or a size, a serverless platform is recognised by
 * {@code AWS_LAMBDA_FUNCTION_NAME}, {@code FUNCTION_TARGET} (Google Cloud Functions), {@code VERCEL}
 * or {@code RAILWAY_ENVIRONMENT} (seed 004 runs Railway without a pool) and gets {@code none}.
 *
 * @param mode            pooled or not
 * @param maximumPoolSize connections open at most (HikariCP {@code maximumPoolSize})
 * @param minimumIdle     connections kept open while idle (HikariCP {@code minimumIdle})
 * @param idleTimeout     how long an idle connection above {@code minimumIdle} stays (HikariCP {@code idleTimeout})
 * @param maxLifetime     how long any connection lives (HikariCP {@code maxLifetime})
 * @param reason          which variable decided it, for the log
 */
public record PoolSettings(Mode mode, int maximumPoolSize, int minimumIdle, Duration idleTimeout,
                           Duration maxLifetime, String reason) {

    public enum Mode { NONE, POOLED }

    public static final int DEFAULT_SIZE = 5;
    public static final int MAX_SIZE = 1000;

    /** Variables that mark a serverless platform. */
    public static final List<String> SERVERLESS_MARKERS = List.of("AWS_LAMBDA_FUNCTION_NAME", "FUNCTION_TARGET", "VERCEL", "RAILWAY_ENVIRONMENT");

    /** One connection, opened when needed, closed after 10 s idle (HikariCP's shortest idle timeout). */
    public static PoolSettings none(String reason) {
        return new PoolSettings(Mode.NONE, 1, 0, Duration.ofSeconds(10), Duration.ofSeconds(30), reason);
    }

    /** A fixed-size pool (HikariCP's advice: minimumIdle = maximumPoolSize). */
    public static PoolSettings pooled(int size, String reason) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("pool size " + size);
        }
        return new PoolSettings(Mode.POOLED, size, size, Duration.ofMinutes(10), Duration.ofMinutes(30), reason);
    }

    public static PoolSettings fromEnvironment(Map<String, String> env) {
        String pool = blankToNull(env.get("PGFERRY_POOL"));
        String sizeVariable = blankToNull(env.get("PGFERRY_POOL_SIZE")) != null ? "PGFERRY_POOL_SIZE"
                : blankToNull(env.get("DATABASE_POOL_SIZE")) != null ? "DATABASE_POOL_SIZE" : null;
        Integer size = sizeVariable == null ? null : size(sizeVariable, env.get(sizeVariable).strip());
        if (pool != null) {
            switch (pool.toLowerCase(Locale.ROOT)) {
                case "none", "off", "serverless", "null" -> {
                    if (size != null && size != 1) {
                        throw new UserError("PGFERRY_POOL=" + pool + " and " + sizeVariable + "=" + size
                                + " disagree; remove " + sizeVariable + " (no pool) or set PGFERRY_POOL=pool");
                    }
                    return none("PGFERRY_POOL=" + pool);
                }
                case "pool", "pooled", "on", "queue" -> {
                    return size == null ? pooled(DEFAULT_SIZE, "PGFERRY_POOL=" + pool + ", default size")
                            : pooled(size, sizeVariable + "=" + size);
                }
                default -> throw new UserError("PGFERRY_POOL=\"" + pool + "\" is not none or pool; write PGFERRY_POOL=none"
                        + " (serverless: no idle connections) or PGFERRY_POOL=pool (long-running process)");
            }
        }
        if (size != null) {
            return pooled(size, sizeVariable + "=" + size);
        }
        for (String marker : SERVERLESS_MARKERS) {
            if (blankToNull(env.get(marker)) != null) {
                return none(marker + " is set (serverless)");
            }
        }
        return pooled(DEFAULT_SIZE, "default");
    }

    private static Integer size(String variable, String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9') || value.length() > 7) {
            throw new UserError(variable + "=\"" + value + "\" is not a whole number; set it to a pool size from 1 to "
                    + MAX_SIZE + " (default " + DEFAULT_SIZE + "), or PGFERRY_POOL=none for no pool");
        }
        int n = Integer.parseInt(value);
        if (n < 1 || n > MAX_SIZE) {
            throw new UserError(variable + "=" + value + " is out of range; set a pool size from 1 to " + MAX_SIZE
                    + " (PostgreSQL allows 100 connections by default), or PGFERRY_POOL=none for no pool");
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
