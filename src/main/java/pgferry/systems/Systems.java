package pgferry.systems;

import java.util.List;
import java.util.Optional;
import pgferry.systems.aitrader.AitraderSystem;
import pgferry.systems.arb.ArbSystem;
import pgferry.systems.atlas.AtlasSystem;
import pgferry.systems.metagauge.MetagaugeSystem;
import pgferry.systems.prescient.PrescientSystem;

/** The registry of the seed systems, in the order of the seeds. */
public final class Systems {

    private static final List<SampleSystem> ALL = List.of(
            new AtlasSystem(),
            new ArbSystem(),
            new PrescientSystem(),
            new MetagaugeSystem(),
            new AitraderSystem()
    );

    private Systems() {
    }

    public static List<SampleSystem> all() {
        return ALL;
    }

    public static Optional<SampleSystem> byName(String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
