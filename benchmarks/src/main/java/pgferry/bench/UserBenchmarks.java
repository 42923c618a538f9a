package pgferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import pgferry.bench.data.Datasets;
import pgferry.bench.data.Fixtures;
import pgferry.bench.store.JsonFiles;
import pgferry.bench.store.JsonUsers;
import pgferry.bench.store.SqlStores;
import pgferry.bench.store.UserStore;
import pgferry.systems.metagauge.MetagaugeSystem;

/** metagauge's findByEmail (seed 003, "10-100x faster"): users.json read whole vs streamed vs indexed SQLite vs indexed PostgreSQL. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UserBenchmarks {
    private static final String MIDDLE = "middle user";

    @Param({"1000", "10000", "100000"})
    public int size;

    @Param({"json_file", "json_stream", "sqlite", "postgres"})
    public String store;

    private Path work;
    private UserStore s;
    private String email;

    /**
     * Opens the store on the fixtures made once per data set (reference answer, SQLite file, PostgreSQL schema) and
     * checks its answer against the reference before anything is timed.
     */
    @Setup(Level.Trial)
    public void setup() {
        Path source = Datasets.fromSystemProperty().users(size, Datasets.SEED);
        // the middle user, found by reading users.json whole; emails are unique, so that record is the answer
        Answer expected = Fixtures.reference(source, "users", Fixtures.code(JsonUsers.class), () -> {
            JsonNode middle = JsonFiles.readWhole(source).get(size / 2);
            return Map.of(MIDDLE, JsonUsers.answer(middle));
        }).get(MIDDLE);
        email = (String) expected.rows().get(0).get(1);
        work = Work.newDir("users-" + store + "-" + size + "-");
        s = switch (store) {
            case "json_file" -> JsonUsers.whole(source);            // read only: the cached file itself
            case "json_stream" -> JsonUsers.streaming(source);
            case "sqlite" -> SqlStores.sqliteUsers(source, work);
            case "postgres" -> SqlStores.postgresUsers(size, source, new MetagaugeSystem().flywayLocation());
            default -> throw new IllegalArgumentException("unknown store " + store);
        };
        AnswerCheck.requireSame("point lookup (email = " + email + ")", "json_file", expected, store, s.userByEmail(email));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (s != null) {
            s.close();
        }
        Work.delete(work);
    }

    @Benchmark
    public Answer findByEmail() {
        return s.userByEmail(email);
    }
}
