package pgferry.store;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.postgresql.ds.PGSimpleDataSource;
import pgferry.store.prescient.PortfolioState;
import pgferry.store.prescient.PrescientStore;

/**
 * Child process of {@link KillTest}: dual-writes trades (and the portfolio every fifth trade) and
 * prints {@code ACK <trade id>} once each save has returned. Args: data dir, JDBC URL, id prefix.
 * Runs until killed.
 */
public final class DualWriteChildMain {
    public static void main(String[] args) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[1]);
        ds.setConnectTimeout(2);
        PrescientStore store = PrescientStore.open(Path.of(args[0]), ds, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE),
                Duration.ofMillis(20));
        OffsetDateTime t0 = OffsetDateTime.of(2025, 10, 27, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; ; i++) {
            String id = args[2] + i;
            store.trades().save(TestTrades.trade(id, i));
            if (i % 5 == 4) {
                store.portfolio().save(new PortfolioState(new BigDecimal("10000.00").subtract(BigDecimal.valueOf(i)),
                        BigDecimal.valueOf(i), BigDecimal.ZERO, i + 1, t0, t0.plusSeconds(i)));
            }
            System.out.println("ACK " + id);
            System.out.flush();
        }
    }
}
