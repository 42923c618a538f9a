package pgferry.systems.prescient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import pgferry.UserError;
import pgferry.systems.SampleSystem;
import pgferry.systems.jsonfiles.DataFolder;

/**
 * Prescient OS (seed 002): a Python paper-trading bot on Polymarket keeping everything in JSON files under
 * {@code data/} (layout in {@code pgferry/systems/prescient/json/LAYOUT.md}). Scale = number of paper trades;
 * the other files grow with it (markets = scale/50, about 1.2 signals per trade, one history entry a day).
 */
public final class PrescientSystem implements SampleSystem {
    static final LocalDateTime START = LocalDateTime.of(2025, 1, 6, 0, 0);

    @Override
    public String name() {
        return "prescient";
    }

    @Override
    public String description() {
        return "Polymarket paper-trading bot (Python): data/ of JSON files -> 11 tables (seed 002)";
    }

    @Override
    public SourceKind sourceKind() {
        return SourceKind.JSON;
    }

    @Override
    public Path generate(int scale, long seed, Path outDir) {
        if (scale < 1) {
            throw new UserError("--scale must be at least 1 (was " + scale + ")");
        }
        Path data = DataFolder.createEmpty(outDir);
        PaperTrading trading = new PaperTrading(seed, scale, Math.max(2, Math.min(400, scale / 25)), START);
        try {
            new MarketFiles(trading.world).write(data);
            new TradingFiles(trading).write(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + data, e);
        }
        return data;
    }

    @Override
    public String flywayLocation() {
        return "classpath:pgferry/systems/prescient/postgres";
    }
}
