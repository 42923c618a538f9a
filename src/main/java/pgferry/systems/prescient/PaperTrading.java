package pgferry.systems.prescient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import pgferry.systems.jsonfiles.AppTimestamps;
import pgferry.systems.jsonfiles.SampleRandom;
import pgferry.systems.prescient.PolymarketWorld.Market;

/**
 * Prescient's paper trades and the signals behind them, rebuilt from the trade's index alone. The bot runs
 * a cycle every 6 hours: signals are generated at the start of the cycle, the executed ones become trades
 * over the following hours. Trade {@code i} belongs to cycle {@code i*C/T}. Amounts are dollars with 2
 * decimals, prices 3 to 5 decimals, confidences 2 or 4 decimals; all exact decimals.
 */
final class PaperTrading {
    static final long KIND_TRADE = 3;
    static final long KIND_DAY = 4;
    static final BigDecimal INITIAL_BALANCE = new BigDecimal("10000.00");
    private static final long CYCLE_MICROS = 6L * 3600 * 1_000_000;
    private static final BigDecimal[] ROUND_AMOUNTS = {bd("10"), bd("20"), bd("25"), bd("50"), bd("75"), bd("100"),
            bd("150"), bd("200"), bd("250")};

    final long seed;
    final int trades;
    final int cycles;
    final int days;
    final int openTail;
    final LocalDateTime start;
    final LocalDateTime now;
    final LocalDateTime awareFrom;
    final PolymarketWorld world;

    PaperTrading(long seed, int trades, int targetDays, LocalDateTime start) {
        this.seed = seed;
        this.trades = trades;
        this.cycles = Math.min(4 * targetDays, trades);
        this.days = (cycles + 3) / 4;
        this.openTail = Math.min(trades, Math.max(1, Math.min(200, trades / 50)));
        this.start = start;
        this.now = start.plusDays(days).plusMinutes(5);
        this.awareFrom = start.plusDays(days * 3L / 5);
        this.world = new PolymarketWorld(seed, Math.max(2, trades / 100), start, now);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    record Signal(String timeText, Market market, String action, BigDecimal targetPrice, BigDecimal amount,
                  BigDecimal confidence, String reason, BigDecimal yesPrice, boolean withEvent, Trade trade) {
    }

    record Trade(int index, String id, LocalDateTime time, String timeText, Market market, String action,
                 BigDecimal amount, BigDecimal entryPrice, BigDecimal confidence, String reason, boolean open,
                 boolean withEvent, BigDecimal currentPnl, boolean currentPnlNegativeZero, BigDecimal realizedPnl,
                 BigDecimal exitPrice, String exitText, Signal signal, Signal extraSignal) {
    }

    int cycleOf(int i) {
        return (int) ((long) i * cycles / trades);
    }

    int firstOfCycle(int k) {
        return (int) (((long) k * trades + cycles - 1) / cycles);
    }

    LocalDateTime cycleStart(int k) {
        return start.plus(k * CYCLE_MICROS, ChronoUnit.MICROS);
    }

    /** When cycle {@code k}'s signals were moved into the monthly archive: just before the next cycle. */
    LocalDateTime archivedAt(int k) {
        return cycleStart(k + 1).plusSeconds(10).plus(SampleRandom.of(seed, KIND_DAY, 100_000 + k).between(0, 999_999), ChronoUnit.MICROS);
    }

    String pythonTime(LocalDateTime t) {
        return t.isBefore(awareFrom) ? AppTimestamps.pythonNaive(t) : AppTimestamps.pythonUtc(t);
    }

    /** Whether trade {@code i}'s cycle also produced a signal that was not executed (the first draw of its stream). */
    boolean hasExtraSignal(int i) {
        return SampleRandom.of(seed, KIND_TRADE, i).percent(20);
    }

    int signalsInCycle(int k) {
        int n = 0;
        for (int i = firstOfCycle(k); i < firstOfCycle(k + 1); i++) {
            n += hasExtraSignal(i) ? 2 : 1;
        }
        return n;
    }

    Trade trade(int i) {
        SampleRandom r = SampleRandom.of(seed, KIND_TRADE, i);
        boolean extra = r.percent(20);
        int k = cycleOf(i);
        int first = firstOfCycle(k);
        int n = firstOfCycle(k + 1) - first;
        int j = i - first;
        long slot = (CYCLE_MICROS - 5L * 60 * 1_000_000) / n;
        LocalDateTime time = cycleStart(k).plus(120_000_000L + j * slot + r.between(0L, Math.max(1, slot / 2)), ChronoUnit.MICROS);
        if (i % 1009 == 7) {
            time = time.truncatedTo(ChronoUnit.SECONDS);      // isoformat() then has no fraction at all
        }
        LocalDateTime signalTime = cycleStart(k).plus(30_000_000L + j * (60_000_000L / n) + r.between(0, 999), ChronoUnit.MICROS);
        Market market = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            market = world.market(r.between(0, world.markets() - 1));
            if (market.event().endDate().isAfter(time)) {
                break;
            }
        }
        String action = r.percent(62) ? "buy_yes" : "buy_no";
        BigDecimal yesNow = clamp(market.yes().add(BigDecimal.valueOf(r.between(-60, 60), 3)), "0.020", "0.980").setScale(3, RoundingMode.HALF_EVEN);
        BigDecimal entry = action.equals("buy_yes") ? yesNow : BigDecimal.ONE.subtract(yesNow);
        BigDecimal amount;
        if (r.perMille(4)) {
            amount = new BigDecimal("1.00");
        } else if (r.percent(35)) {
            amount = r.pick(ROUND_AMOUNTS);
        } else {
            amount = r.decimal(500, 25_000, 2);
        }
        BigDecimal confidence;
        if (r.perMille(3)) {
            confidence = BigDecimal.ONE;
        } else if (r.percent(20)) {
            confidence = r.decimal(55, 95, 2);
        } else {
            confidence = r.decimal(5_500, 9_500, 4);
        }
        BigDecimal edge = r.decimal(30, 150, 3);
        BigDecimal model = entry.add(edge).min(new BigDecimal("0.999"));
        String reason = r.perMille(30) ? null
                : "Model probability " + model.toPlainString() + " vs market " + entry.toPlainString() + " (" + action
                + "); edge " + edge.toPlainString() + (r.perMille(10) ? "\nNote: thin order book, sized down" : "");
        boolean withEvent = i >= trades / 20;
        boolean open = i >= trades - openTail && !r.percent(10);
        BigDecimal currentPnl = null;
        boolean negativeZero = false;
        BigDecimal realized = null;
        BigDecimal exitPrice = null;
        String exitText = null;
        if (open) {
            BigDecimal mark = clamp(entry.add(BigDecimal.valueOf(r.between(-80, 80), 3)), "0.001", "0.999");
            if (!r.perMille(50)) {
                BigDecimal exact = amount.multiply(mark).divide(entry, 10, RoundingMode.HALF_EVEN).subtract(amount);
                currentPnl = exact.setScale(2, RoundingMode.HALF_EVEN);
                negativeZero = currentPnl.signum() == 0 && exact.signum() < 0;
            }
        } else {
            int u = r.between(0, 999);
            int winBelow = Math.min(980, entry.movePointRight(3).intValue() + 80) * 900 / 1000;
            if (u >= 900) {
                exitPrice = clamp(entry.add(BigDecimal.valueOf(r.between(-200, 200), 3)), "0.001", "0.999");
            } else {
                exitPrice = u < winBelow ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            realized = amount.multiply(exitPrice).divide(entry, 2, RoundingMode.HALF_EVEN).subtract(amount);
            LocalDateTime exit = time.plusMinutes(r.between(30, 28_800)).plus(r.between(0, 999_999), ChronoUnit.MICROS);
            if (!exit.isBefore(now)) {
                exit = time.plus(Duration.between(time, now).dividedBy(2));
            }
            exitText = pythonTime(exit);
        }
        String id = "trade_" + AppTimestamps.date(time.toLocalDate()).replace("-", "") + "_" + pad6(i + 1);
        String timeText = pythonTime(time);
        Trade trade = new Trade(i, id, time, timeText, market, action, amount, entry, confidence, reason, open,
                withEvent, currentPnl, negativeZero, realized, exitPrice, exitText, null, null);
        Signal executed = new Signal(pythonTime(signalTime), market, action, entry, amount, confidence, reason, yesNow,
                withEvent, trade);
        Signal skipped = null;
        if (extra) {
            Market other = world.market(r.between(0, world.markets() - 1));
            String otherAction = r.percent(50) ? "buy_yes" : "buy_no";
            BigDecimal otherYes = clamp(other.yes(), "0.020", "0.980").setScale(3, RoundingMode.HALF_EVEN);
            BigDecimal target = otherAction.equals("buy_yes") ? otherYes : BigDecimal.ONE.subtract(otherYes);
            BigDecimal low = r.decimal(5_000, 6_499, 4);
            skipped = new Signal(pythonTime(signalTime.plusNanos(500_000_000L)), other, otherAction, target,
                    r.decimal(500, 10_000, 2), low, "Confidence " + low.toPlainString() + " below threshold 0.65",
                    otherYes, withEvent, null);
        }
        return new Trade(i, id, time, timeText, market, action, amount, entry, confidence, reason, open, withEvent,
                currentPnl, negativeZero, realized, exitPrice, exitText, executed, skipped);
    }

    private static BigDecimal clamp(BigDecimal v, String low, String high) {
        BigDecimal lo = new BigDecimal(low);
        BigDecimal hi = new BigDecimal(high);
        return v.compareTo(lo) < 0 ? lo : v.compareTo(hi) > 0 ? hi : v;
    }

    private static String pad6(int n) {
        String s = Integer.toString(n);
        return "000000".substring(Math.min(6, s.length())) + s;
    }
}
