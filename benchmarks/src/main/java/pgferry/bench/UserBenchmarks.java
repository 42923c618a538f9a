package pgferry.bench;

import java.nio.file.Path;
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
import pgferry.bench.store.JsonFiles;
import pgferry.bench.store.JsonUsers;
import pgferry.bench.store.Postgres;
import pgferry.bench.store.SqlStores;
import pgferry.bench.store.UserStore;
import pgferry.systems.metagauge.MetagaugeSystem;

/** metagauge's findByEmail (seed 003, "10-100x faster"): users.json read whole vs streamed vs indexed SQLite vs indexed PostgreSQL. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UserBenchmarks {
    @Param({"1000", "10000", "100000"})
    public int size;

    @Param({"json_file", "json_stream", "sqlite", "postgres"})
    public String store;

    private Path work;
    private UserStore s;
    private String email;

    @Setup(Level.Trial)
    public void setup() {
        Path source = Datasets.fromSystemProperty().users(size, Datasets.SEED);
        work = Work.newDir("users-" + store + "-" + size + "-");
        Path file = Work.copy(source, work);
        com.fasterxml.jackson.databind.JsonNode middle = JsonFiles.readWhole(file).get(size / 2);  // the middle user
        email = middle.path("email").asText();
        Answer expected = JsonUsers.answer(middle);                 // emails are unique: the middle record is the answer
        s = switch (store) {
            case "json_file" -> JsonUsers.whole(file);
            case "json_stream" -> JsonUsers.streaming(file);
            case "sqlite" -> SqlStores.sqliteUsers(work.resolve("users.db"), file);
            case "postgres" -> SqlStores.postgresUsers(file, new MetagaugeSystem().flywayLocation());
            default -> throw new IllegalArgumentException("unknown store " + store);
        };
        AnswerCheck.requireSame("point lookup (email = " + email + ")", "json_file", expected, store, s.userByEmail(email));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (s != null) {
            s.close();
        }
        if ("postgres".equals(store)) {
            Postgres.dropSchema(SqlStores.USERS_SCHEMA);
        }
        Work.delete(work);
    }

    @Benchmark
    public Answer findByEmail() {
        return s.userByEmail(email);
    }
}
