package pgferry.systems;

import java.nio.file.Path;

/**
 * One of the seed systems (atlas, arb, prescient, metagauge, aitrader): its "before" storage, a
 * deterministic generator of that storage at any scale, and its PostgreSQL target schema as Flyway
 * migrations. Same scale and seed, same bytes.
 */
public interface SampleSystem {

    /** How the system kept its data before PostgreSQL. */
    enum SourceKind { SQLITE, JSON }

    /** Short lower-case name used on the command line, e.g. {@code arb}. */
    String name();

    /** One line saying what the system is (shown by {@code pgferry sample --list}). */
    String description();

    SourceKind sourceKind();

    /**
     * Writes the system's source into {@code outDir} (created if needed): a SQLite file for SQLite
     * systems, the data/ folder of JSON files for JSON systems.
     *
     * @param scale roughly the number of rows of the system's biggest table
     * @param seed  the random seed; the same seed and scale give the same bytes
     * @return the source to hand to {@code pgferry plan|migrate}: the SQLite file or the JSON folder
     */
    Path generate(int scale, long seed, Path outDir);

    /** Flyway location of the PostgreSQL target schema, e.g. {@code classpath:pgferry/systems/arb/postgres}. */
    String flywayLocation();
}
