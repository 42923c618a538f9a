package pgferry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collection kept in a JSON file and in PostgreSQL at once, following seed 002's three steps
 * (see {@link StoreFlags}).
 *
 * <p><b>Writes</b> (stages PARALLEL_WRITE and SWITCH_READS), all under the collection's lock:
 * <ol>
 *   <li>append the intent to the {@link Outbox} and fsync it (write-ahead);</li>
 *   <li>write the JSON file atomically (the primary; its failure is the caller's failure);</li>
 *   <li>write PostgreSQL in one transaction; on commit mark the intent done. On failure the intent
 *       stays pending, the failure is logged, and the caller goes on: JSON has the write.</li>
 * </ol>
 * A process killed at any point loses nothing that was acknowledged: an acknowledged write is in the
 * JSON file and either in PostgreSQL or pending in the outbox. Pending intents are replayed when the
 * store opens, before a PostgreSQL read, on the next write once PostgreSQL answers again, or by
 * {@link #replayPending()}. A replay does not trust the intent's payload: it makes PostgreSQL's row
 * for each pending key equal to what the JSON file holds for that key now (upsert, or delete when the
 * key is gone), so replaying twice, or replaying a write PostgreSQL already has, changes nothing.
 *
 * <p>While PostgreSQL fails, writes stop trying it for {@code retryInterval} after each failure (a
 * breaker), so the application runs at JSON speed and the outbox fills.
 *
 * <p><b>Reads</b> come from the JSON file in stages JSON_ONLY and PARALLEL_WRITE. In SWITCH_READS
 * they come from PostgreSQL once its outbox backlog is replayed, and fall back to the JSON file when
 * PostgreSQL fails or is behind. In POSTGRES_ONLY (fallback off) such a failure is a
 * {@link StoreUnavailableException}, and writes go to PostgreSQL only.
 */
public final class DualWriteStore<T> {

    private static final Logger LOG = LoggerFactory.getLogger(DualWriteStore.class);

    private final EntityType<T> type;
    private final JsonFileStore json;
    private final Outbox outbox;
    private final PgRepository<T> pg;
    private final DataSource dataSource;
    private final StoreFlags flags;
    private final long retryNanos;

    private volatile long breakerOpenUntil;
    private volatile String lastFailure;
    private volatile boolean down;

    private DualWriteStore(Builder<T> b) {
        this.type = Objects.requireNonNull(b.type, "type");
        this.json = Objects.requireNonNull(b.json, "json store");
        this.outbox = Outbox.beside(json.file());
        this.flags = Objects.requireNonNull(b.flags, "flags");
        this.pg = b.pg;
        this.dataSource = b.dataSource;
        this.retryNanos = b.retryInterval.toNanos();
        if (flags.stage().writesPostgres() && (pg == null || dataSource == null)) {
            throw new IllegalArgumentException(flags + " needs a DataSource and a PgRepository for " + type.name());
        }
    }

    public static <T> Builder<T> builder(EntityType<T> type) {
        return new Builder<>(type);
    }

    /** Builds a {@link DualWriteStore}; {@link #open()} replays what a previous run left pending. */
    public static final class Builder<T> {
        private final EntityType<T> type;
        private JsonFileStore json;
        private PgRepository<T> pg;
        private DataSource dataSource;
        private StoreFlags flags = StoreFlags.fromEnvironment();
        private Duration retryInterval = Duration.ofSeconds(5);

        private Builder(EntityType<T> type) {
            this.type = type;
        }

        public Builder<T> json(JsonFileStore json) {
            this.json = json;
            return this;
        }

        public Builder<T> postgres(DataSource dataSource, PgRepository<T> repository) {
            this.dataSource = dataSource;
            this.pg = repository;
            return this;
        }

        /** The flags; by default read from the environment. */
        public Builder<T> flags(StoreFlags flags) {
            this.flags = flags;
            return this;
        }

        /** How long writes skip PostgreSQL after it failed (default 5 s); zero tries it on every write. */
        public Builder<T> retryInterval(Duration interval) {
            this.retryInterval = interval;
            return this;
        }

        /** Opens the store and replays pending outbox entries when PostgreSQL is written (failures keep them pending). */
        public DualWriteStore<T> open() {
            DualWriteStore<T> store = new DualWriteStore<>(this);
            if (store.flags.stage().writesPostgres() && !store.outbox.isEmpty()) {
                try {
                    ReplayResult r = store.replayPending();
                    LOG.info("{}: replayed {} outbox entries on open, {} still pending", type.name(), r.entriesDone(), r.pendingLeft());
                } catch (StoreUnavailableException e) {
                    LOG.warn("{}: PostgreSQL unavailable on open, {} stays pending: {}", type.name(), store.outbox.file(), e.getMessage());
                }
            }
            return store;
        }
    }

    public StoreFlags flags() {
        return flags;
    }

    public EntityType<T> type() {
        return type;
    }

    public JsonFileStore jsonStore() {
        return json;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Entries PostgreSQL has not confirmed yet. */
    public int pendingCount() {
        return json.locked(() -> outbox.pending().size());
    }

    /** The last PostgreSQL failure seen by this store, or null. */
    public String lastPostgresFailure() {
        return lastFailure;
    }

    // ---------------------------------------------------------------- writes

    /** Inserts or replaces the value with this natural key. */
    public void save(T value) {
        String key = type.keyOf(value);
        ObjectNode node = type.toJson(value);
        write(Outbox.Op.UPSERT, key, node, () -> jsonUpsert(key, node), c -> pg.upsert(c, value));
    }

    /** Removes the value with this natural key (no such value is not an error). */
    public void delete(String key) {
        write(Outbox.Op.DELETE, key, null, () -> jsonDelete(key), c -> pg.delete(c, key));
    }

    private void write(Outbox.Op op, String key, ObjectNode payload, Runnable jsonWrite, SqlWork pgWrite) {
        switch (flags.stage()) {
            case JSON_ONLY -> json.locked(() -> {
                jsonWrite.run();
                return null;
            });
            case POSTGRES_ONLY -> postgresOnlyWrite(op, key, pgWrite);
            default -> dualWrite(op, key, payload, jsonWrite, pgWrite);
        }
    }

    private void dualWrite(Outbox.Op op, String key, ObjectNode payload, Runnable jsonWrite, SqlWork pgWrite) {
        json.locked(() -> {
            boolean backlog = !outbox.isEmpty();
            Outbox.Entry entry = outbox.append(op, type.name(), key, payload);
            jsonWrite.run();
            if (breakerOpen()) {
                return null; // PostgreSQL failed a moment ago: the intent waits in the outbox
            }
            try {
                if (backlog) {
                    replayLocked();
                } else {
                    inTransaction(pgWrite);
                    outbox.markDone(List.of(entry.id()));
                }
                breakerClose();
            } catch (SQLException e) {
                failed(e, "write of " + type.name() + " " + key + " kept in the outbox");
            } catch (RuntimeException e) {
                lastFailure = String.valueOf(e);
                LOG.error("{}: PostgreSQL write of {} failed, kept in the outbox", type.name(), key, e);
            }
            return null;
        });
    }

    private void postgresOnlyWrite(Outbox.Op op, String key, SqlWork pgWrite) {
        requireCaughtUp("write " + type.name() + " " + key);
        try {
            inTransaction(pgWrite);
            breakerClose();
        } catch (SQLException e) {
            failed(e, "write of " + type.name() + " " + key + " refused");
            throw unavailable(op.name().toLowerCase() + " " + type.name() + " " + key + " (nothing was written)", e);
        }
    }

    // ---------------------------------------------------------------- reads

    /** Every value: from PostgreSQL or the JSON file depending on the stage (see the class comment). */
    public List<T> findAll() {
        return read("read " + type.name(), c -> pg.findAll(c), this::jsonAll);
    }

    /** The value with this natural key. */
    public Optional<T> find(String key) {
        return read("read " + type.name() + " " + key, c -> pg.find(c, key), () -> jsonFind(key));
    }

    /** Values as the JSON file holds them now, whatever the stage. */
    public List<T> findAllInJson() {
        return jsonAll();
    }

    private <R> R read(String what, SqlQuery<R> fromPg, Supplier<R> fromJson) {
        if (!flags.stage().readsPostgres()) {
            return fromJson.get();
        }
        try {
            if (breakerOpen()) {
                throw new SQLException("PostgreSQL failed " + Duration.ofNanos(retryNanos).toSeconds()
                        + " s ago or less (" + lastFailure + ")", "08000");
            }
            if (!outbox.isEmpty() && !replayPending().complete()) {
                throw new SQLException("PostgreSQL is behind the JSON file: " + type.name()
                        + " outbox entries could not be replayed (" + lastFailure + ")");
            }
            try (Connection c = dataSource.getConnection()) {
                R result = fromPg.run(c);
                breakerClose();
                return result;
            }
        } catch (SQLException e) {
            if (isConnectionFailure(e)) {
                failed(e, what + " failed");
            }
            if (flags.fallbackToJson()) {
                LOG.debug("{}: {} from PostgreSQL failed, read from {} instead: {}", type.name(), what, json.file(), e.getMessage());
                return fromJson.get();
            }
            throw unavailable(what, e);
        } catch (StoreUnavailableException e) {
            if (flags.fallbackToJson()) {
                LOG.debug("{}: {} from PostgreSQL failed, read from {} instead: {}", type.name(), what, json.file(), e.getMessage());
                return fromJson.get();
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- replay

    /**
     * Replays the outbox now: for every pending key, PostgreSQL's row is made equal to the JSON file's
     * value (or deleted when the JSON file no longer holds the key); entries are marked done after the
     * commit. Keys PostgreSQL refuses stay pending and are listed in the result.
     *
     * @throws StoreUnavailableException when PostgreSQL cannot be reached (everything stays pending)
     */
    public ReplayResult replayPending() {
        if (!flags.stage().writesPostgres() && pg == null) {
            return ReplayResult.NOTHING;
        }
        return json.locked(() -> {
            try {
                ReplayResult r = replayLocked();
                breakerClose();
                return r;
            } catch (SQLException e) {
                failed(e, "replay of " + outbox.file() + " failed");
                throw unavailable("replay " + type.name() + " outbox", e);
            }
        });
    }

    private ReplayResult replayLocked() throws SQLException {
        List<Outbox.Entry> pending = outbox.pending();
        if (pending.isEmpty()) {
            return ReplayResult.NOTHING;
        }
        Map<String, List<String>> idsByKey = new LinkedHashMap<>();
        for (Outbox.Entry e : pending) {
            idsByKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.id());
        }
        Map<String, ObjectNode> current = jsonByKey();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String key : idsByKey.keySet()) {
                    sync(c, key, current.get(key));
                }
                c.commit();
                outbox.markDone(pending.stream().map(Outbox.Entry::id).toList());
                return new ReplayResult(pending.size(), idsByKey.size(), List.of(), 0);
            } catch (SQLException batchFailure) {
                rollbackQuietly(c);
                if (isConnectionFailure(batchFailure)) {
                    throw batchFailure;
                }
            }
            // one key refused: go key by key so the others get through
            List<String> done = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            int synced = 0;
            for (Map.Entry<String, List<String>> k : idsByKey.entrySet()) {
                try {
                    sync(c, k.getKey(), current.get(k.getKey()));
                    c.commit();
                    done.addAll(k.getValue());
                    synced++;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (isConnectionFailure(e)) {
                        outbox.markDone(done);
                        throw e;
                    }
                    failures.add(type.name() + " " + k.getKey() + ": " + firstLine(e.getMessage()));
                }
            }
            outbox.markDone(done);
            failures.forEach(f -> LOG.error("replay refused by PostgreSQL, entry stays pending: {}", f));
            if (!failures.isEmpty()) {
                lastFailure = failures.get(0);
            }
            return new ReplayResult(done.size(), synced, List.copyOf(failures), pending.size() - done.size());
        }
    }

    private void sync(Connection c, String key, ObjectNode jsonValue) throws SQLException {
        if (jsonValue == null) {
            pg.delete(c, key);
        } else {
            pg.upsert(c, type.fromJson(jsonValue));
        }
    }

    private void requireCaughtUp(String what) {
        if (outbox.isEmpty()) {
            return;
        }
        ReplayResult r = replayPending();
        if (!r.complete()) {
            throw new StoreUnavailableException("cannot " + what + ": " + r.pendingLeft() + " earlier writes in "
                    + outbox.file() + " are refused by PostgreSQL (" + r.failures().get(0) + "); fix them and replay", null);
        }
    }

    // ---------------------------------------------------------------- JSON side

    private void jsonUpsert(String key, ObjectNode node) {
        if (json.shape() == JsonFileStore.Shape.OBJECT) {
            ObjectNode merged = json.readObject().map(ObjectNode::deepCopy).orElseGet(() -> StoreJson.mapper().createObjectNode());
            merged.setAll(node);
            json.write(merged);
            return;
        }
        ArrayNode all = json.readArray();
        for (int i = 0; i < all.size(); i++) {
            ObjectNode existing = (ObjectNode) all.get(i);
            if (key.equals(type.keyOf(existing))) {
                ObjectNode merged = existing.deepCopy();
                merged.setAll(node); // fields this type does not know stay as they were
                all.set(i, merged);
                json.writeArray(all);
                return;
            }
        }
        all.add(node);
        json.writeArray(all);
    }

    private void jsonDelete(String key) {
        if (json.shape() == JsonFileStore.Shape.OBJECT) {
            if (json.readObject().filter(o -> key.equals(type.keyOf(o))).isPresent()) {
                json.delete();
            }
            return;
        }
        ArrayNode all = json.readArray();
        ArrayNode kept = StoreJson.mapper().createArrayNode();
        for (JsonNode n : all) {
            if (!key.equals(type.keyOf((ObjectNode) n))) {
                kept.add(n);
            }
        }
        if (kept.size() != all.size()) {
            json.writeArray(kept);
        }
    }

    private List<T> jsonAll() {
        if (json.shape() == JsonFileStore.Shape.OBJECT) {
            return json.readObject().map(type::fromJson).map(List::of).orElse(List.of());
        }
        List<T> out = new ArrayList<>();
        for (JsonNode n : json.readArray()) {
            out.add(type.fromJson((ObjectNode) n));
        }
        return out;
    }

    private Optional<T> jsonFind(String key) {
        return Optional.ofNullable(jsonByKey().get(key)).map(type::fromJson);
    }

    private Map<String, ObjectNode> jsonByKey() {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        if (json.shape() == JsonFileStore.Shape.OBJECT) {
            json.readObject().ifPresent(o -> byKey.put(type.keyOf(o), o));
        } else {
            for (JsonNode n : json.readArray()) {
                byKey.put(type.keyOf((ObjectNode) n), (ObjectNode) n);
            }
        }
        return byKey;
    }

    // ---------------------------------------------------------------- PostgreSQL plumbing

    private void inTransaction(SqlWork work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private boolean breakerOpen() {
        long until = breakerOpenUntil;
        return until != 0 && System.nanoTime() - until < 0;
    }

    private void breakerClose() {
        breakerOpenUntil = 0;
        if (down) {
            down = false;
            LOG.warn("{}: PostgreSQL answers again; the outbox {} is replayed", type.name(), outbox.file());
        }
    }

    /** Logs the first failure of an outage as a warning, the rest of it at debug level (one line per write would flood). */
    private void failed(SQLException e, String what) {
        lastFailure = firstLine(e.getMessage());
        if (isConnectionFailure(e)) {
            breakerOpenUntil = System.nanoTime() + retryNanos;
            if (down) {
                LOG.debug("{}: PostgreSQL {}: {}", type.name(), what, lastFailure);
                return;
            }
            down = true;
        }
        LOG.warn("{}: PostgreSQL {}: {}", type.name(), what, lastFailure);
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        String hint = flags.fallbackToJson()
                ? "start PostgreSQL, or fix the refused value"
                : "start PostgreSQL, or set " + StoreFlags.DATABASE_FALLBACK_TO_JSON + "=true to use the JSON files meanwhile";
        return new StoreUnavailableException("cannot " + what + ": PostgreSQL failed (" + firstLine(e.getMessage())
                + ") and " + flags + "; " + hint, e);
    }

    /** Connection refused, closed, timed out, server shutting down: worth retrying later, not a data error. */
    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is gone; the transaction went with it
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlQuery<R> {
        R run(Connection c) throws SQLException;
    }
}
