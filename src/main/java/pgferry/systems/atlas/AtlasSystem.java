package pgferry.systems.atlas;

import static pgferry.systems.SampleFormats.between;
import static pgferry.systems.SampleFormats.isoDate;
import static pgferry.systems.SampleFormats.isoMillisZ;
import static pgferry.systems.SampleFormats.plain;
import static pgferry.systems.SampleFormats.real;
import static pgferry.systems.SampleFormats.sqlDateTime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import pgferry.UserError;
import pgferry.systems.SampleSystem;
import pgferry.systems.SqliteSampleWriter;
import pgferry.systems.SqliteSampleWriter.Rows;

/**
 * Atlas (seed 000): users, strategy bots with a JSON payload and backtest statistics, their daily
 * equity curves, watchlists (drizzle over SQLite, {@code atlas.db}), and {@code admin-data.json}
 * beside it (app config, treasury, user balances) written as the Node app wrote it
 * ({@code JSON.stringify(data, null, 2)}).
 *
 * <p>{@code scale} is the number of equity-curve points; there is one bot per 250 of them (at least 4).
 */
public final class AtlasSystem implements SampleSystem {

    static final String SCHEMA = "pgferry/systems/atlas/sqlite/schema.sql";
    /** The admin file's name, beside atlas.db. */
    public static final String ADMIN_FILE = "admin-data.json";

    private static final String ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";
    private static final String[] SYMBOLS = {"SPY", "QQQ", "AAPL", "TSLA", "NVDA", "MSFT", "AMZN", "META", "GOOGL", "AMD", "IWM", "GLD", "TLT", "BTC-USD", "ETH-USD"};
    private static final String[] STYLES = {"Mean Reversion", "Momentum", "Trend Rider", "Breakout", "Swing", "Dip Buyer", "Volatility Squeeze", "Golden Cross", "Scalper", "Rotation"};
    private static final String[] TIMEFRAMES = {"1d", "1d", "1d", "4h", "1h"};
    /** 2019-01-02, the first trading day of 2019. */
    private static final long FIRST_DAY = LocalDate.of(2019, 1, 2).toEpochDay();
    /** 2019-01-01T00:00:00Z in seconds. */
    private static final long EPOCH_2019 = 1_546_300_800L;

    @Override
    public String name() {
        return "atlas";
    }

    @Override
    public String description() {
        return "strategy bots with JSON payloads, equity curves, Nexus leaderboard (drizzle/SQLite) + admin-data.json";
    }

    @Override
    public SourceKind sourceKind() {
        return SourceKind.SQLITE;
    }

    @Override
    public String flywayLocation() {
        return "classpath:pgferry/systems/atlas/postgres";
    }

    private record User(String id, long createdAt) {
    }

    @Override
    public Path generate(int scale, long seed, Path outDir) {
        SplittableRandom r = new SplittableRandom(seed);
        int botCount = Math.max(4, (scale + 249) / 250);
        int userCount = Math.max(2, botCount / 3);
        Path db;
        List<User> users = new ArrayList<>(userCount);
        List<String> nexusBots = new ArrayList<>();
        try (SqliteSampleWriter w = SqliteSampleWriter.create(outDir, "atlas.db", SCHEMA)) {
            Rows userRows = w.rows("users", "id", "email", "display_name", "role", "is_admin", "created_at", "last_login_at");
            Rows botRows = w.rows("bots", "id", "owner_id", "name", "description", "payload", "visibility", "symbol", "cagr",
                    "sharpe", "max_drawdown", "total_return", "backtest_start", "backtest_end", "is_featured", "created_at", "updated_at");
            Rows equityRows = w.rows("equity_curves", "id", "bot_id", "date", "equity");
            Rows watchlistRows = w.rows("watchlists", "id", "user_id", "name", "symbols", "created_at");

            for (int u = 0; u < userCount; u++) {
                String id = nanoid(r);
                long created = EPOCH_2019 + between(r, 0, 4L * 365 * 86_400);
                String role = u == 0 ? "admin" : r.nextInt(5) == 0 ? "pro" : "user";
                userRows.add(id, "trader" + (u + 1) + "@example.com", r.nextInt(8) == 0 ? null : "Trader " + (u + 1), role,
                        u == 0 ? 1L : 0L, created, r.nextInt(4) == 0 ? null : created + between(r, 60, 400L * 86_400));
                users.add(new User(id, created));
            }

            long equityId = 0;
            long watchId = 0;
            for (int b = 0; b < botCount; b++) {
                String id = nanoid(r);
                User owner = users.get(r.nextInt(userCount));
                String visibility = b == 0 ? "nexus" : switch (r.nextInt(10)) {
                    case 0, 1, 2 -> "nexus";
                    case 3, 4 -> "atlas";
                    default -> "private";
                };
                String symbol = SYMBOLS[r.nextInt(SYMBOLS.length)];
                int points = scale / botCount + (b < scale % botCount ? 1 : 0);
                long startDay = tradingDayOnOrAfter(FIRST_DAY + between(r, 0, 90));
                // The whale bot carries a huge balance so the equity column sees 15 significant digits.
                long cents = b == 1 ? 9_000_000_000_000_00L : (r.nextBoolean() ? 10_000_00L : 100_000_00L);
                long startCents = cents;
                long peak = cents;
                long maxDrawdownBp = 0;
                int driftBp = (int) between(r, -3, 9);
                long day = startDay;
                for (int p = 0; p < points; p++) {
                    if (p > 0) {
                        day = tradingDayOnOrAfter(day + 1);
                        long move = cents * (driftBp + between(r, -180, 180)) / 10_000L;
                        cents = Math.max(1, cents + move);
                    }
                    peak = Math.max(peak, cents);
                    maxDrawdownBp = Math.max(maxDrawdownBp, (peak - cents) * 10_000L / peak);
                    equityRows.add(++equityId, id, isoDate(day), real(cents, 2));
                }
                boolean backtested = points > 0 && !(visibility.equals("private") && r.nextInt(20) == 0);
                Double cagr = null;
                Double totalReturn = null;
                if (backtested) {
                    double growth = (double) cents / startCents;
                    totalReturn = real(Math.round((growth - 1) * 10_000), 4);
                    double years = Math.max(points, 1) / 252.0;
                    double c = StrictMath.pow(growth, 1 / years) - 1;
                    cagr = real(Math.max(-9999L, Math.min(99_990_000L, Math.round(c * 10_000))), 4);
                }
                if (b == 2) {
                    cagr = 0.1; // the value a double cannot hold exactly
                }
                long createdMs = (owner.createdAt + between(r, 3_600, 200L * 86_400)) * 1000 + r.nextInt(1000);
                botRows.add(id, b == 3 ? null : owner.id, symbol + " " + STYLES[r.nextInt(STYLES.length)],
                        r.nextInt(3) == 0 ? null : "Backtested on " + symbol + " daily bars.",
                        r.nextInt(50) == 0 ? null : payload(r, symbol),
                        visibility, symbol, cagr,
                        backtested ? real(between(r, -1500, 3500), 3) : null,
                        backtested ? real(maxDrawdownBp, 4) : null,
                        totalReturn,
                        backtested ? isoDate(startDay) : null,
                        backtested ? isoDate(day) : null,
                        visibility.equals("nexus") && r.nextInt(10) == 0 ? 1L : 0L,
                        createdMs,
                        r.nextInt(3) == 0 ? null : createdMs + between(r, 1000, 90L * 86_400_000));
                if (visibility.equals("nexus")) {
                    nexusBots.add(id);
                }
            }

            for (User u : users) {
                int lists = r.nextInt(3);
                for (int l = 0; l < lists; l++) {
                    StringBuilder symbols = new StringBuilder("[");
                    int k = r.nextInt(6);
                    for (int i = 0; i < k; i++) {
                        symbols.append(i == 0 ? "\"" : ",\"").append(SYMBOLS[r.nextInt(SYMBOLS.length)]).append('"');
                    }
                    symbols.append(']');
                    watchlistRows.add(++watchId, u.id, l == 0 ? "Watchlist" : "Ideas " + l, symbols.toString(),
                            sqlDateTime(u.createdAt + between(r, 60, 300L * 86_400)));
                }
            }
            db = w.finish();
        }
        writeAdminData(r, users, nexusBots, outDir.resolve(ADMIN_FILE));
        return db;
    }

    /** A bot's strategy as the editor saved it: compact JSON, JavaScript number forms. */
    static String payload(SplittableRandom r, String symbol) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"version\":2,\"symbol\":\"").append(symbol).append("\",\"timeframe\":\"")
                .append(TIMEFRAMES[r.nextInt(TIMEFRAMES.length)]).append("\",\"conditions\":[");
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"c").append(i + 1).append("\",");
            switch (i == 0 && r.nextInt(5) < 2 ? 0 : r.nextInt(7)) {
                case 0 -> b.append("\"text\":\"RSI\",\"indicator\":{\"name\":\"RSI\",\"period\":").append(new int[]{14, 14, 7, 21}[r.nextInt(4)])
                        .append("},\"operator\":\"").append(r.nextBoolean() ? "<" : ">").append("\",\"value\":").append(between(r, 20, 80));
                case 1 -> b.append("\"text\":\"MACD\",\"indicator\":{\"name\":\"MACD\",\"fast\":12,\"slow\":26,\"signal\":9},\"operator\":\"crosses_above\",\"value\":0");
                case 2 -> b.append("\"text\":\"SMA\",\"indicator\":{\"name\":\"SMA\",\"period\":").append(new int[]{20, 50, 200}[r.nextInt(3)])
                        .append("},\"operator\":\"price_above\",\"value\":null");
                case 3 -> b.append("\"text\":\"EMA\",\"indicator\":{\"name\":\"EMA\",\"period\":").append(new int[]{9, 21}[r.nextInt(2)])
                        .append("},\"operator\":\"crosses_above\",\"value\":null");
                case 4 -> b.append("\"text\":\"BBANDS\",\"indicator\":{\"name\":\"BBANDS\",\"period\":20,\"stdDev\":").append(r.nextBoolean() ? "2" : "2.5")
                        .append("},\"operator\":\"price_below_lower\",\"value\":null");
                case 5 -> b.append("\"text\":\"ATR\",\"indicator\":{\"name\":\"ATR\",\"period\":14},\"operator\":\">\",\"value\":")
                        .append(plain(between(r, 1, 500), 2));
                default -> b.append("\"text\":\"VOLUME\",\"indicator\":{\"name\":\"VOLUME\",\"lookback\":20},\"operator\":\">\",\"value\":")
                        .append(plain(between(r, 10, 30), 1));
            }
            b.append('}');
        }
        b.append("],\"logic\":\"").append(r.nextInt(4) == 0 ? "OR" : "AND")
                .append("\",\"actions\":[{\"type\":\"buy\",\"sizing\":{\"mode\":\"percent\",\"value\":").append(plain(between(r, 1, 10), 1))
                .append("}}],\"risk\":{\"stopLoss\":").append(plain(between(r, 1, 15), 2))
                .append(",\"takeProfit\":").append(plain(between(r, 3, 60), 2))
                .append(",\"trailing\":").append(r.nextBoolean()).append("}}");
        return b.toString();
    }

    /** admin-data.json as {@code JSON.stringify(data, null, 2)} wrote it; money in dollars with cents. */
    private static void writeAdminData(SplittableRandom r, List<User> users, List<String> nexusBots, Path file) {
        long updatedMs = 1_735_689_600_000L + between(r, 0, 30L * 86_400_000); // January 2025
        StringBuilder b = new StringBuilder(256 + users.size() * 256);
        b.append("{\n  \"config\": {\n");
        b.append("    \"maintenanceMode\": false,\n");
        b.append("    \"nexusEnabled\": true,\n");
        b.append("    \"platformFeePercent\": 0.5,\n");
        b.append("    \"performanceFeePercent\": 20,\n");
        b.append("    \"minInvestment\": 100,\n");
        b.append("    \"nexusMinCagr\": 0.1,\n");
        b.append("    \"announcement\": null,\n");
        b.append("    \"featuredBotIds\": [");
        int featured = Math.min(3, nexusBots.size());
        for (int i = 0; i < featured; i++) {
            b.append(i == 0 ? "\n" : ",\n").append("      \"").append(nexusBots.get(i)).append('"');
        }
        b.append(featured == 0 ? "]" : "\n    ]").append(",\n");
        b.append("    \"riskLimits\": {\n      \"maxLeverage\": 2,\n      \"maxPositionPercent\": 0.25\n    }\n  },\n");
        b.append("  \"treasury\": {\n    \"balance\": ").append(plain(between(r, 100_000_00L, 5_000_000_00L), 2))
                .append(",\n    \"updatedAt\": \"").append(isoMillisZ(updatedMs)).append("\"\n  },\n");
        b.append("  \"userBalances\": {");
        for (int i = 0; i < users.size(); i++) {
            long atlas;
            long nexus;
            long priv;
            if (i == 0) {
                atlas = 0; nexus = 0; priv = 0; // a user who never invested
            } else if (i == 1) {
                atlas = 10; nexus = 20; priv = 0; // 0.1 + 0.2, summed exactly in cents
            } else {
                atlas = r.nextInt(3) == 0 ? 0 : between(r, 100_00L, 250_000_00L);
                nexus = r.nextInt(3) == 0 ? 0 : between(r, 100_00L, 250_000_00L);
                priv = r.nextInt(2) == 0 ? 0 : between(r, 1L, 1_000_000_00L);
            }
            long invested = atlas + nexus + priv;
            long value = i == 1 ? 30 : invested + invested * between(r, -300, 900) / 1000;
            b.append(i == 0 ? "\n" : ",\n").append("    \"").append(users.get(i).id).append("\": {\n");
            b.append("      \"totalValue\": ").append(plain(value, 2)).append(",\n");
            b.append("      \"totalInvested\": ").append(plain(invested, 2)).append(",\n");
            b.append("      \"investedAtlas\": ").append(plain(atlas, 2)).append(",\n");
            b.append("      \"investedNexus\": ").append(plain(nexus, 2)).append(",\n");
            b.append("      \"investedPrivate\": ").append(plain(priv, 2)).append(",\n");
            b.append("      \"updatedAt\": \"").append(isoMillisZ(updatedMs - between(r, 0, 90L * 86_400_000))).append("\"\n    }");
        }
        b.append(users.isEmpty() ? "}" : "\n  }").append("\n}\n");
        Path temp = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(temp, b, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage() + "; choose another --out folder", e);
        }
    }

    /** A 21-character nanoid (the ids drizzle apps commonly use). */
    private static String nanoid(SplittableRandom r) {
        char[] c = new char[21];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET.charAt(r.nextInt(64));
        }
        return new String(c);
    }

    private static long tradingDayOnOrAfter(long epochDay) {
        long d = epochDay;
        while (true) {
            DayOfWeek w = LocalDate.ofEpochDay(d).getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                return d;
            }
            d++;
        }
    }
}
