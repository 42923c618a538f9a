package pgferry.store;

import java.util.Locale;
import java.util.Map;
import pgferry.UserError;

/**
 * The three switches of the dual-write migration (seed 002), read from the environment or set in code.
 *
 * <table>
 *   <caption>flags and the stage they select</caption>
 *   <tr><th>USE_DATABASE_WRITE</th><th>USE_DATABASE_READ</th><th>DATABASE_FALLBACK_TO_JSON</th><th>stage</th></tr>
 *   <tr><td>false</td><td>false</td><td>any</td><td>{@link Stage#JSON_ONLY}</td></tr>
 *   <tr><td>true</td><td>false</td><td>any</td><td>{@link Stage#PARALLEL_WRITE}</td></tr>
 *   <tr><td>true</td><td>true</td><td>true</td><td>{@link Stage#SWITCH_READS}</td></tr>
 *   <tr><td>true</td><td>true</td><td>false</td><td>{@link Stage#POSTGRES_ONLY}</td></tr>
 *   <tr><td>false</td><td>true</td><td>any</td><td>refused: PostgreSQL would be read without being written</td></tr>
 * </table>
 *
 * <p>Defaults are the seed's starting point: write false, read false, fallback true.
 */
public record StoreFlags(boolean useDatabaseWrite, boolean useDatabaseRead, boolean fallbackToJson) {

    public static final String USE_DATABASE_WRITE = "USE_DATABASE_WRITE";
    public static final String USE_DATABASE_READ = "USE_DATABASE_READ";
    public static final String DATABASE_FALLBACK_TO_JSON = "DATABASE_FALLBACK_TO_JSON";

    /** Where the application is in the seed's three steps. */
    public enum Stage {
        /** Before the migration, or rolled back: JSON files only, PostgreSQL untouched. */
        JSON_ONLY,
        /** Step 1: every write goes to JSON (primary) and to PostgreSQL (outbox on failure); reads from JSON. */
        PARALLEL_WRITE,
        /** Step 2: writes as in step 1; reads from PostgreSQL, falling back to JSON when PostgreSQL fails. */
        SWITCH_READS,
        /** Step 3: PostgreSQL is primary: writes and reads go to PostgreSQL only, a failure is an error. */
        POSTGRES_ONLY;

        /** True when writes go to the JSON files. */
        public boolean writesJson() {
            return this != POSTGRES_ONLY;
        }

        /** True when writes go to PostgreSQL. */
        public boolean writesPostgres() {
            return this != JSON_ONLY;
        }

        /** True when reads are served by PostgreSQL first. */
        public boolean readsPostgres() {
            return this == SWITCH_READS || this == POSTGRES_ONLY;
        }
    }

    public StoreFlags {
        if (useDatabaseRead && !useDatabaseWrite) {
            throw new UserError(USE_DATABASE_READ + "=true needs " + USE_DATABASE_WRITE
                    + "=true (PostgreSQL would be read while writes miss it); set " + USE_DATABASE_WRITE
                    + "=true or " + USE_DATABASE_READ + "=false");
        }
    }

    /** The seed's starting point: JSON only, fallback on. */
    public static StoreFlags defaults() {
        return new StoreFlags(false, false, true);
    }

    public static StoreFlags of(Stage stage) {
        return switch (stage) {
            case JSON_ONLY -> new StoreFlags(false, false, true);
            case PARALLEL_WRITE -> new StoreFlags(true, false, true);
            case SWITCH_READS -> new StoreFlags(true, true, true);
            case POSTGRES_ONLY -> new StoreFlags(true, true, false);
        };
    }

    /** Reads the flags from {@code System.getenv()}. */
    public static StoreFlags fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads the three flags from an environment map. A missing or empty variable takes its default;
     * true/false, 1/0, yes/no and on/off are accepted in any case; anything else is a {@link UserError}.
     */
    public static StoreFlags fromEnvironment(Map<String, String> env) {
        StoreFlags d = defaults();
        return new StoreFlags(
                flag(env, USE_DATABASE_WRITE, d.useDatabaseWrite()),
                flag(env, USE_DATABASE_READ, d.useDatabaseRead()),
                flag(env, DATABASE_FALLBACK_TO_JSON, d.fallbackToJson()));
    }

    public Stage stage() {
        if (!useDatabaseWrite) {
            return Stage.JSON_ONLY;
        }
        if (!useDatabaseRead) {
            return Stage.PARALLEL_WRITE;
        }
        return fallbackToJson ? Stage.SWITCH_READS : Stage.POSTGRES_ONLY;
    }

    @Override
    public String toString() {
        return USE_DATABASE_WRITE + "=" + useDatabaseWrite + " " + USE_DATABASE_READ + "=" + useDatabaseRead
                + " " + DATABASE_FALLBACK_TO_JSON + "=" + fallbackToJson + " (" + stage() + ")";
    }

    private static boolean flag(Map<String, String> env, String name, boolean dflt) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new UserError(name + "=" + raw.trim() + " is not a boolean; set it to true or false");
        };
    }
}
