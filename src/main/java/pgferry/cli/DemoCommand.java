package pgferry.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.demo.Demo;
import pgferry.demo.DemoOptions;
import pgferry.demo.DemoResult;

/** {@code pgferry demo}: the five seed systems generated, migrated, verified and exercised, with a report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the five seed systems (atlas, arb, prescient, metagauge, aitrader), migrate each into its "
                + "PostgreSQL schema in its own database pgferry_demo_<system> (dropped and recreated), verify it, and show "
                + "what it moved to PostgreSQL for. Exit status 1 unless every system verifies with 0 differences.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "URL",
            description = "PostgreSQL to use (default: DATABASE_URL, else the local service if it runs, else an embedded "
                    + "PostgreSQL started for this run).")
    String target;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "" + DemoOptions.DEFAULT_SCALE,
            description = "Rows of each system's biggest table (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DemoOptions.DEFAULT_SEED,
            description = "Generators' seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/demo-report",
            description = "Report (demo-report.md, demo-report.json), generated sources and rejects (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--keep", description = "Leave the embedded PostgreSQL the demo started running at the end.")
    boolean keep;

    @Option(names = "--systems", split = ",", paramLabel = "NAME", description = "Only these systems (default: all five).")
    List<String> systems;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DemoOptions options = new DemoOptions(target, scale, seed, out, keep, systems == null ? List.of() : systems, System.getenv());
        DemoResult result = Demo.run(options, spec.commandLine().getOut());
        return result.ok() ? 0 : 1;
    }
}
