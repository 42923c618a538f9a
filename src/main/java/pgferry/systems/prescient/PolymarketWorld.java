package pgferry.systems.prescient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import pgferry.systems.jsonfiles.AppTimestamps;
import pgferry.systems.jsonfiles.SampleRandom;

/**
 * The Polymarket events and markets prescient traded, rebuilt from their index alone (event {@code e} holds
 * markets {@code 2e} and {@code 2e+1}), so no list of them is ever kept in memory. Prices are decimals of
 * up to 6 places (USDC has 6 decimals), liquidity and volume come with up to 6 decimals as the API sends them.
 */
final class PolymarketWorld {

    static final long KIND_EVENT = 1;
    static final long KIND_MARKET = 2;
    static final BigDecimal MIN_LIQUIDITY = new BigDecimal("5000");
    static final BigDecimal MIN_MARKET_LIQUIDITY = new BigDecimal("1000");
    static final int MAX_DAYS_UNTIL_END = 180;

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final String[] TEAMS = {"Real Madrid", "FC Bayern München", "Atlético Madrid", "Arsenal",
            "Paris Saint-Germain", "Inter", "Boston Celtics", "Los Angeles Lakers", "Fenerbahçe", "Borussia Dortmund"};
    private static final String[] CANDIDATES = {"José Antonio Kast", "Jeannette Jara", "Rafał Trzaskowski",
            "Karol Nawrocki", "Rodrigo Paz", "Jorge Quiroga"};
    private static final String[] COUNTRIES = {"Chile", "Chile", "Poland", "Poland", "Bolivia", "Bolivia"};
    private static final String[] CITIES = {"São Paulo", "Zürich", "London", "New York", "Tokyo", "Seoul"};
    private static final String[] COMPANIES = {"NVIDIA", "Apple", "Microsoft", "Alphabet", "Amazon"};

    private final long seed;
    final int events;
    final LocalDateTime start;
    final LocalDateTime now;

    PolymarketWorld(long seed, int events, LocalDateTime start, LocalDateTime now) {
        this.seed = seed;
        this.events = events;
        this.start = start;
        this.now = now;
    }

    int markets() {
        return events * 2;
    }

    record Tag(String id, String label, String slug) {
    }

    record Event(int index, String id, String slug, String title, String description, LocalDateTime creationDate,
                 String creationText, LocalDateTime startDate, String startText, LocalDateTime endDate, String endText,
                 BigDecimal liquidity, BigDecimal volume, BigDecimal volume24hr, boolean hasVolume24hr,
                 int commentCount, Tag tag, int topic, int p0, int p1, boolean closed, long daysUntilEnd) {

        boolean filtered() {
            return !closed && liquidity.compareTo(MIN_LIQUIDITY) >= 0 && daysUntilEnd >= 1 && daysUntilEnd <= MAX_DAYS_UNTIL_END;
        }
    }

    record Market(int index, String id, Event event, String question, String slug, String conditionId,
                  BigDecimal liquidity, BigDecimal volume, BigDecimal volume24hr, BigDecimal yes, BigDecimal no,
                  BigDecimal bestBid, BigDecimal bestAsk, BigDecimal spread, String yesToken, String noToken,
                  LocalDateTime startDate, String startText) {

        boolean filtered() {
            return event.filtered() && liquidity.compareTo(MIN_MARKET_LIQUIDITY) >= 0;
        }

        /** How far the market leans: |yes - no|. */
        BigDecimal conviction() {
            return yes.subtract(no).abs();
        }
    }

    Event event(int e) {
        SampleRandom r = SampleRandom.of(seed, KIND_EVENT, e);
        int topic = r.between(0, 6);
        LocalDateTime created = start.minusDays(r.between(1, 60)).plusNanos(r.between(0L, 86_399_999L) * 1_000_000L);
        LocalDateTime startDate = created.plusMinutes(r.between(1, 600));
        long spanDays = ChronoUnit.DAYS.between(start, now);
        LocalDateTime endDay = start.plusDays(r.between(7L, spanDays + 200)).truncatedTo(ChronoUnit.DAYS);
        LocalDateTime end;
        String endText;
        if (r.percent(70)) {
            end = endDay.plusHours(12);
            endText = AppTimestamps.isoSecondsZ(end);
        } else {
            end = endDay.plusHours(r.between(0, 23)).plusMinutes(r.between(0, 59)).plusNanos(r.between(0, 999) * 1_000_000L);
            endText = AppTimestamps.jsIso(end);
        }
        BigDecimal liquidity = r.perMille(15) ? BigDecimal.ZERO : r.decimal(0, 2_500_000_000_000L, 6);
        if (r.percent(40)) {
            liquidity = liquidity.setScale(4, RoundingMode.DOWN);
        }
        BigDecimal volume = liquidity.add(r.decimal(0, 40_000_000_000_000L, 6));
        boolean hasVolume24hr = !r.percent(5);
        BigDecimal volume24hr = r.percent(3) ? BigDecimal.ZERO : r.decimal(0, 900_000_000_000L, 6);
        int p0 = r.between(0, 1000);
        int p1 = r.between(0, 1000);
        if (p1 == p0) {
            p1 = (p0 + 1) % 1001;
        }
        boolean closed = !end.isAfter(now);
        long daysUntilEnd = ChronoUnit.DAYS.between(now, end);
        String id = Integer.toString(16_000 + e * 3);
        String dateText = monthDay(endDay);
        String title;
        String tagLabel;
        switch (topic) {
            case 0 -> { title = "Bitcoin above ___ on " + dateText + "?"; tagLabel = "Crypto"; }
            case 1 -> { title = "What price will Ethereum hit in " + MONTHS[endDay.getMonthValue() - 1] + "?"; tagLabel = "Crypto"; }
            case 2 -> { title = "Fed decision in " + MONTHS[endDay.getMonthValue() - 1] + " " + endDay.getYear() + "?"; tagLabel = "Economy"; }
            case 3 -> { title = TEAMS[p0 % TEAMS.length] + " vs. " + TEAMS[(p0 % TEAMS.length + 1 + p1 % (TEAMS.length - 1)) % TEAMS.length]; tagLabel = "Sports"; }
            case 4 -> { title = COUNTRIES[p0 % COUNTRIES.length] + " Presidential Election"; tagLabel = "Politics"; }
            case 5 -> { title = "Largest company end of " + endDay.getYear() + "?"; tagLabel = "Business"; }
            default -> { title = "Highest temperature in " + CITIES[p0 % CITIES.length] + " on " + dateText + "?"; tagLabel = "Weather"; }
        }
        String slug = slug(title) + "-" + e;
        String description = "This market will resolve according to the listed rules.\n"
                + "Resolution source: the official result published after " + dateText + ", " + endDay.getYear() + "."
                + (r.percent(10) ? " 🚀 Highlighted market." : "");
        Tag tag = new Tag(Integer.toString(tagLabel.length() * 7 + topic), tagLabel, slug(tagLabel));
        return new Event(e, id, slug, title, description, created, AppTimestamps.jsIso(created), startDate,
                AppTimestamps.jsIso(startDate), end, endText, liquidity, volume, volume24hr, hasVolume24hr,
                r.between(0, 4000), tag, topic, p0, p1, closed, daysUntilEnd);
    }

    Market market(int m) {
        Event ev = event(m / 2);
        SampleRandom r = SampleRandom.of(seed, KIND_MARKET, m);
        int which = m % 2;
        int p = which == 0 ? ev.p0() : ev.p1();
        String dateText = monthDay(ev.endDate());
        String question = switch (ev.topic()) {
            case 0 -> "Will the price of Bitcoin be above $" + thousands(80_000 + (p % 25) * 5_000) + " on " + dateText + "?";
            case 1 -> "Will Ethereum reach $" + thousands(2_000 + (p % 25) * 250) + " in " + MONTHS[ev.endDate().getMonthValue() - 1] + "?";
            case 2 -> which == 0 ? "Will the Fed decrease interest rates by 25 bps after the " + MONTHS[ev.endDate().getMonthValue() - 1] + " meeting?"
                    : "No change in Fed interest rates after the " + MONTHS[ev.endDate().getMonthValue() - 1] + " meeting?";
            case 3 -> "Will " + ev.title().split(" vs\\. ")[which] + " win on " + dateText + "?";
            case 4 -> "Will " + CANDIDATES[(ev.p0() % COUNTRIES.length / 2) * 2 + which] + " win the " + ev.title() + "?";
            case 5 -> "Will " + COMPANIES[p % COMPANIES.length] + " be the largest company in the world by market cap on December 31?";
            default -> "Will the highest temperature in " + ev.title().substring("Highest temperature in ".length(), ev.title().indexOf(" on "))
                    + " be " + (10 + p % 25) + "°C or higher on " + dateText + "?";
        };
        BigDecimal liquidity = ev.liquidity().signum() == 0 ? BigDecimal.ZERO
                : ev.liquidity().multiply(BigDecimal.valueOf(r.between(5, 95), 2)).setScale(6, RoundingMode.DOWN).stripTrailingZeros();
        BigDecimal volume = ev.volume().multiply(BigDecimal.valueOf(r.between(5, 95), 2)).setScale(6, RoundingMode.DOWN).stripTrailingZeros();
        BigDecimal volume24hr = ev.hasVolume24hr() ? ev.volume24hr().multiply(BigDecimal.valueOf(r.between(5, 95), 2)).setScale(6, RoundingMode.DOWN)
                .stripTrailingZeros() : null;
        BigDecimal yes;
        int edge = r.between(0, 99);
        if (edge == 0) {
            yes = new BigDecimal("0.00005");          // Python prints it as 5e-05
        } else if (edge <= 2) {
            yes = new BigDecimal("0.0005");
        } else if (edge <= 4) {
            yes = new BigDecimal("0.9995");
        } else {
            yes = r.decimal(10, 990, 3);
        }
        BigDecimal no = BigDecimal.ONE.subtract(yes);
        BigDecimal spread = BigDecimal.valueOf(r.between(1, 4), 3);
        BigDecimal bestBid = yes.subtract(spread).max(BigDecimal.ZERO).setScale(3, RoundingMode.DOWN);
        BigDecimal bestAsk = bestBid.add(spread).min(BigDecimal.ONE);
        LocalDateTime startDate = ev.startDate().plusSeconds(r.between(0, 3600));
        return new Market(m, Integer.toString(500_000 + m * 5), ev, question, slug(question), "0x" + r.hex(64),
                liquidity, volume, volume24hr, yes, no, bestBid, bestAsk, spread, r.digits(77), r.digits(77),
                startDate, AppTimestamps.jsIso(startDate));
    }

    static String monthDay(LocalDateTime t) {
        return MONTHS[t.getMonthValue() - 1] + " " + t.getDayOfMonth();
    }

    private static String thousands(int n) {
        String s = Integer.toString(n);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(s.charAt(i));
        }
        return b.toString();
    }

    static String slug(String text) {
        StringBuilder b = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
                dash = false;
            } else if (!dash && b.length() > 0) {
                b.append('-');
                dash = true;
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '-') {
            end--;
        }
        return b.substring(0, end);
    }
}
