package pgferry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.UserError;
import pgferry.systems.SampleSystem;
import pgferry.systems.Systems;

@Command(name = "sample", description = "Write a seed system's source (SQLite file or JSON files) at any scale, deterministically.")
final class SampleCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SYSTEM", description = "atlas, arb, prescient, metagauge or aitrader.")
    String system;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1000", description = "Rows of the biggest table (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}); same seed, same bytes.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ./sample-SYSTEM).")
    Path out;

    @Option(names = "--list", description = "List the systems.")
    boolean list;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (list || system == null) {
            Systems.all().forEach(s -> w.printf("%-10s %-6s %s%n", s.name(), s.sourceKind().name().toLowerCase(), s.description()));
            return 0;
        }
        SampleSystem s = Systems.byName(system).orElseThrow(() -> new UserError("unknown system '" + system + "'; choose one of: "
                + Systems.all().stream().map(SampleSystem::name).collect(Collectors.joining(", "))));
        if (scale < 1) {
            throw new UserError("--scale must be at least 1 (was " + scale + ")");
        }
        Path dir = out != null ? out : Path.of("sample-" + s.name());
        Path source = s.generate(scale, seed, dir);
        w.println("wrote " + s.name() + " (" + s.sourceKind().name().toLowerCase() + ", scale " + scale + ", seed " + seed + ") to " + source);
        return 0;
    }
}
