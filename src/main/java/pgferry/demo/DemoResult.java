package pgferry.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole demo run.
 *
 * @param server        the server used, as printed (password masked)
 * @param serverKind    how it was chosen
 * @param serverStartMillis time to start the embedded server (0 when it was not started by the demo)
 * @param unpackedBinaries  whether this run unpacked the PostgreSQL binaries first
 * @param scale         the scale
 * @param seed          the seed
 * @param systems       per system, in the seeds' order
 * @param wallMillis    the whole run
 * @param markdownReport where the Markdown report went
 * @param jsonReport    where the JSON report went
 */
public record DemoResult(String server, String serverKind, long serverStartMillis, boolean unpackedBinaries, int scale, long seed,
                         List<SystemOutcome> systems, long wallMillis, Path markdownReport, Path jsonReport) {

    public DemoResult {
        systems = List.copyOf(systems);
    }

    /** True when every system verified with zero differences and every exercise held. */
    public boolean ok() {
        return systems.stream().allMatch(SystemOutcome::ok);
    }
}
