package pgferry.systems.atlas;

import java.util.SplittableRandom;

/** atlas's bot strategy payload (compact JSON as its editor saved it), from the atlas generator itself. */
public final class BotPayloads {
    private BotPayloads() {
    }

    public static String payload(SplittableRandom r, String symbol) {
        return AtlasSystem.payload(r, symbol);
    }
}
