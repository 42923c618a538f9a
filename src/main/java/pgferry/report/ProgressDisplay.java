package pgferry.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import pgferry.load.ProgressListener;

/**
 * Draws load progress: a progress bar (rows, rows/s, ETA) on a terminal, plain log lines every few
 * seconds otherwise (CI, pipes). Thread-safe.
 */
public final class ProgressDisplay implements ProgressListener {

    private final boolean terminal;
    private final PrintStream log;
    private final long intervalNanos;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile long startNanos;
    private volatile long lastLogNanos;
    private ProgressBar bar;

    public ProgressDisplay(boolean terminal, PrintStream log, Duration logInterval) {
        this.terminal = terminal;
        this.log = log;
        this.intervalNanos = logInterval.toNanos();
    }

    /** A bar when {@code System.console()} is present, log lines to stderr every 5 s otherwise. */
    public static ProgressDisplay forCurrentProcess() {
        return new ProgressDisplay(System.console() != null, System.err, Duration.ofSeconds(5));
    }

    @Override
    public synchronized void start(long totalRows) {
        total = totalRows;
        startNanos = System.nanoTime();
        lastLogNanos = startNanos;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("rows").setInitialMax(totalRows)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .build();
        } else {
            log.printf(Locale.ROOT, "pgferry: loading %d rows%n", totalRows);
        }
    }

    @Override
    public void rows(String table, long rows) {
        long now = done.addAndGet(rows);
        if (terminal) {
            ProgressBar b = bar;
            if (b != null) {
                b.stepTo(now);
            }
            return;
        }
        long t = System.nanoTime();
        if (t - lastLogNanos >= intervalNanos) {
            synchronized (this) {
                if (t - lastLogNanos < intervalNanos) {
                    return;
                }
                lastLogNanos = t;
            }
            log.println(line(now, t));
        }
    }

    /** "412000/1000000 rows (41%), 205000 rows/s, ETA 3 s". */
    String line(long now, long t) {
        double seconds = Math.max(1e-9, (t - startNanos) / 1e9);
        long rate = (long) (now / seconds);
        String eta = rate > 0 && total > now ? ((total - now) / rate) + " s" : "-";
        long pct = total > 0 ? now * 100 / total : 100;
        return String.format(Locale.ROOT, "pgferry: %d/%d rows (%d%%), %d rows/s, ETA %s", now, total, pct, rate, eta);
    }

    @Override
    public synchronized void phase(String message) {
        if (terminal && bar != null) {
            bar.setExtraMessage(" " + message);
        } else {
            log.println("pgferry: " + message);
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.stepTo(done.get());
            bar.close();
            bar = null;
        }
    }
}
