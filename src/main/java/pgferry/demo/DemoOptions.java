package pgferry.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run the demo.
 *
 * @param target  a PostgreSQL URL, or null to choose (DATABASE_URL, the local service, embedded)
 * @param scale   rows of each system's biggest table
 * @param seed    the generators' seed (same seed and scale, same sources)
 * @param out     where the report, the generated sources and the rejects files go
 * @param keep    leave an embedded server the demo started running at the end
 * @param systems the systems to run, by name (empty = all five)
 * @param env     the environment (DATABASE_URL, PG*)
 */
public record DemoOptions(String target, int scale, long seed, Path out, boolean keep, List<String> systems,
                          Map<String, String> env) {

    /** A scale at which the whole demo stays well within a minute on two cores, first start included. */
    public static final int DEFAULT_SCALE = 2000;
    public static final long DEFAULT_SEED = 42;
    public static final Path DEFAULT_OUT = Path.of("target", "demo-report");

    public DemoOptions {
        systems = List.copyOf(systems);
        env = Map.copyOf(env);
    }

    public static DemoOptions defaults() {
        return new DemoOptions(null, DEFAULT_SCALE, DEFAULT_SEED, DEFAULT_OUT, false, List.of(), System.getenv());
    }

    public DemoOptions withScale(int s) {
        return new DemoOptions(target, s, seed, out, keep, systems, env);
    }

    public DemoOptions withOut(Path o) {
        return new DemoOptions(target, scale, seed, o, keep, systems, env);
    }

    public DemoOptions withTarget(String t) {
        return new DemoOptions(t, scale, seed, out, keep, systems, env);
    }

    public DemoOptions withEnv(Map<String, String> e) {
        return new DemoOptions(target, scale, seed, out, keep, systems, e);
    }
}
