package pgferry.systems.metagauge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import pgferry.UserError;
import pgferry.systems.SampleSystem;
import pgferry.systems.jsonfiles.DataFolder;

/**
 * MetaGauge (seed 003): a Node.js smart-contract analytics service keeping users, contract configs and
 * analyses in three JSON files under {@code data/} (layout in {@code pgferry/systems/metagauge/json/LAYOUT.md}),
 * moving to 10 normalized tables. Scale = number of analyses.
 */
public final class MetagaugeSystem implements SampleSystem {

    @Override
    public String name() {
        return "metagauge";
    }

    @Override
    public String description() {
        return "Smart-contract analytics (Node.js): users/contracts/analyses JSON -> 10 tables (seed 003)";
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
        try {
            new MetagaugeFiles(seed, scale).write(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + data, e);
        }
        return data;
    }

    @Override
    public String flywayLocation() {
        return "classpath:pgferry/systems/metagauge/postgres";
    }
}
