package pgferry.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import pgferry.catalog.Column;
import pgferry.load.ColumnLoad;
import pgferry.load.LoadSql;
import pgferry.load.TableLoad;
import pgferry.load.Target;
import pgferry.plan.Converted;
import pgferry.source.RowSource;
import pgferry.source.SourceRows;
import pgferry.source.sqlite.SqliteSource;

/**
 * Compares one table on both sides, data-diff style, in two streaming passes:
 * <ol>
 * <li>Both sides are read at once (source through the plan's converters, target as PostgreSQL's text
 *     output), every value is put in {@link Canonical} form, and each row's 64-bit hash is added into
 *     its key range's checksum (integer keys: {@value #BUCKETS} equal ranges between the target's
 *     min and max; other keys: {@value #BUCKETS} hash ranges of the key). Equal checksums and counts
 *     in every range: the table matches.</li>
 * <li>Only when ranges differ, the rows of the first differing ranges are read again on both sides
 *     (the target with a key-range query) and compared row by row, listing each differing row with
 *     both sides' values.</li>
 * </ol>
 * Memory is two arrays of {@value #BUCKETS} longs per side, plus the rows of the inspected ranges.
 * Source rows the migration rejected (by rowid, from the rejects file) or that fail conversion now
 * are left out and counted apart.
 */
public final class TableVerifier {

    static final int BUCKETS = 4096;
    private static final long NULL_MARK = 0x1FFFFL;
    private static final long SEPARATOR = 0x1FFFEL;

    private final RowSource.Opener sources;
    private final Target target;
    private final int maxDiffs;

    public TableVerifier(Path sourceFile, Target target, int maxDiffs) {
        this(() -> SqliteSource.open(sourceFile), target, maxDiffs);
    }

    public TableVerifier(RowSource.Opener sources, Target target, int maxDiffs) {
        this.sources = sources;
        this.target = target;
        this.maxDiffs = maxDiffs;
    }

    /** Per-side accumulation. */
    private static final class Side {
        final long[] count = new long[BUCKETS];
        final long[] sum = new long[BUCKETS];
        long rows;
        long rejected;
        long unrecorded;
    }

    /**
     * How rows fall into ranges, and which row hash the checksums use: {@link RowHash} (md5, which
     * PostgreSQL computes itself for the target side) or the JVM-only FNV hash of {@link #hash}.
     */
    private record Layout(int[] keyIdx, boolean intKey, long min, long width, boolean md5) {
        int bucket(String[] canon) {
            if (intKey) {
                String k = canon[keyIdx[0]];
                long v;
                try {
                    v = Long.parseLong(k);
                } catch (NumberFormatException e) {
                    return 0;
                }
                long b = Math.floorDiv(v - min, width);
                return (int) Math.max(0, Math.min(BUCKETS - 1, b));
            }
            long h = keyIdx.length == 0 ? hash(canon, null) : hash(canon, keyIdx);
            return (int) Long.remainderUnsigned(h, BUCKETS);
        }

        long[] range(int bucket) {
            long lo = min + bucket * width;
            return new long[]{bucket == 0 ? Long.MIN_VALUE : lo, bucket == BUCKETS - 1 ? Long.MAX_VALUE : lo + width - 1};
        }
    }

    public TableVerification verify(TableLoad t, Set<Long> rejectedRowids) {
        long t0 = System.nanoTime();
        String qualified = t.qualified();
        List<ColumnLoad> cols = t.columns();
        Canonical.Kind[] kinds = new Canonical.Kind[cols.size()];
        boolean[] jsonb = new boolean[cols.size()];
        Layout layout;
        try (Connection pg = target.connect()) {
            session(pg);
            Map<String, String> types = targetTypes(pg, qualified);
            if (types.isEmpty()) {
                return failed(t, t0, "target table " + t.schema() + "." + t.target() + " does not exist");
            }
            for (int i = 0; i < cols.size(); i++) {
                String type = types.get(cols.get(i).target());
                if (type == null) {
                    return failed(t, t0, "target table " + t.schema() + "." + t.target() + " has no column "
                            + cols.get(i).target());
                }
                kinds[i] = Canonical.kindOf(type);
                jsonb[i] = type.equalsIgnoreCase("jsonb");
            }
            layout = layout(pg, t, kinds, jsonb);
        } catch (SQLException e) {
            return failed(t, t0, oneLine(e));
        }
        Layout lay = layout;
        CompletableFuture<Side> tgt = CompletableFuture.supplyAsync(() -> lay.md5()
                ? targetSums(t, kinds, jsonb, lay) : targetPass(t, kinds, jsonb, lay, null, null));
        CompletableFuture<Side> src = CompletableFuture.supplyAsync(() -> sourceChecksums(t, kinds, lay, rejectedRowids));
        Side s;
        Side g;
        try {
            s = src.join();
            g = tgt.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        List<Integer> differing = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            if (s.count[b] != g.count[b] || s.sum[b] != g.sum[b]) {
                differing.add(b);
            }
        }
        List<RowDiff> diffs = List.of();
        if (!differing.isEmpty()) {
            diffs = narrow(t, kinds, jsonb, lay, rejectedRowids, differing);
        }
        return new TableVerification(t.source().name(), t.target(), s.rows + s.rejected, s.rejected, s.unrecorded,
                g.rows, differing.isEmpty(), differing.size(), diffs, (System.nanoTime() - t0) / 1_000_000, null);
    }

    private TableVerification failed(TableLoad t, long t0, String error) {
        return new TableVerification(t.source().name(), t.target(), 0, 0, 0, 0, false, 0, List.of(),
                (System.nanoTime() - t0) / 1_000_000, error);
    }

    private Layout layout(Connection pg, TableLoad t, Canonical.Kind[] kinds, boolean[] jsonb) throws SQLException {
        List<ColumnLoad> cols = t.columns();
        int[] keyIdx = t.keyColumns().stream().mapToInt(k -> {
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).target().equals(k)) {
                    return i;
                }
            }
            return -1;
        }).filter(i -> i >= 0).toArray();
        if (keyIdx.length == 1 && kinds[keyIdx[0]] == Canonical.Kind.INTEGER) {
            String sql = fill("key-bounds.sql", Map.of("key", LoadSql.quote(cols.get(keyIdx[0]).target()),
                    "table", t.qualified()));
            try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                if (rs.getString(1) != null) {
                    long min = Long.parseLong(rs.getString(1));
                    long max = Long.parseLong(rs.getString(2));
                    long width = Math.max(1, (max - min) / BUCKETS + 1);
                    boolean inPostgres = sumsInPostgres(pg, kinds, jsonb) && max - min >= 0; // no overflow
                    return new Layout(keyIdx, true, min, width, inPostgres);
                }
            }
        }
        return new Layout(keyIdx, false, 0, 1, false);
    }

    /** Reads the source; with {@code only} set, collects the rows of those buckets into {@code rows}. */
    private Side sourcePass(TableLoad t, Canonical.Kind[] kinds, Layout lay, Set<Long> rejectedRowids, BitSet only,
                            Map<String, List<String[]>> rows) {
        return sourceShare(t, kinds, lay, rejectedRowids, 0, 1, only, rows);
    }

    /** Rows a reader takes at a time before leaving the next ones to the other readers. */
    private static final int BLOCK_ROWS = 256;

    /**
     * The source side's checksums, read by {@link #hashThreads()} threads at once: each opens its own
     * reader over the whole table (all see the same order), steps over every row but fetches,
     * converts, canonicalizes and hashes only its share (blocks of {@value #BLOCK_ROWS} rows taken in
     * turn), into its own {@link Side}; the sides are summed at the end (checksums are sums, so the
     * order rows are hashed in does not matter). Stepping is cheap next to fetching the values, so
     * the expensive work divides between the threads. Sources other than SQLite files are read by one
     * thread (their readers parse every record anyway).
     */
    private Side sourceChecksums(TableLoad t, Canonical.Kind[] kinds, Layout lay, Set<Long> rejectedRowids) {
        int threads = 1;
        try (RowSource probe = sources.open()) {
            if (probe instanceof SqliteSource && stableOrder(t.source()) && probe.rowCount(t.source()) > 4L * BLOCK_ROWS) {
                threads = hashThreads();
            }
        }
        if (threads == 1) {
            return sourceShare(t, kinds, lay, rejectedRowids, 0, 1, null, null);
        }
        List<CompletableFuture<Side>> shares = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "pgferry-verify-" + t.target());
            th.setDaemon(true);
            return th;
        });
        try {
            for (int k = 0; k < threads; k++) {
                int share = k;
                int of = threads;
                shares.add(CompletableFuture.supplyAsync(() -> sourceShare(t, kinds, lay, rejectedRowids, share, of, null, null), pool));
            }
            Side total = new Side();
            for (CompletableFuture<Side> f : shares) {
                Side p;
                try {
                    p = f.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error er) {
                        throw er;
                    }
                    throw e;
                }
                total.rows += p.rows;
                total.rejected += p.rejected;
                total.unrecorded += p.unrecorded;
                for (int b = 0; b < BUCKETS; b++) {
                    total.count[b] += p.count[b];
                    total.sum[b] += p.sum[b];
                }
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * True when every reader of the table sees its rows in one defined order: by rowid (some name of
     * it not shadowed by a column), or by the primary key of a WITHOUT ROWID table (unique and not
     * NULL there). Only then do readers split the rows by position.
     */
    private static boolean stableOrder(pgferry.catalog.Table table) {
        if (table.withoutRowid()) {
            return table.primaryKey() != null;
        }
        return List.of("rowid", "_rowid_", "oid").stream().anyMatch(n -> table.column(n).isEmpty());
    }

    /** One reader's share of the source pass: the rows of blocks {@code share}, {@code share + of}, ... */
    private Side sourceShare(TableLoad t, Canonical.Kind[] kinds, Layout lay, Set<Long> rejectedRowids, int share, int of,
                             BitSet only, Map<String, List<String[]>> rows) {
        Side side = new Side();
        List<ColumnLoad> cols = t.columns();
        List<Column> sourceCols = cols.stream().map(ColumnLoad::source).toList();
        int n = cols.size();
        boolean[] inKey = new boolean[n];
        for (int k : lay.keyIdx()) {
            inKey[k] = true;
        }
        RowHash md5 = lay.md5() ? new RowHash() : null;
        long ordinal = -1;
        try (RowSource source = sources.open(); SourceRows r = source.rows(t.source(), sourceCols)) {
            String[] canon = new String[n];
            rows:
            while (r.next()) {
                ordinal++;
                if (of > 1 && (ordinal / BLOCK_ROWS) % of != share) {
                    continue;
                }
                if (r.hasRowid() && rejectedRowids.contains(r.rowid())) {
                    side.rejected++;
                    continue;
                }
                if (r.refusal() != null) {
                    side.rejected++;
                    side.unrecorded++;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    Converted c = cols.get(i).converter().convert(r.value(i));
                    if (c instanceof Converted.Value v && !(v.text() == null && inKey[i] && !t.keyIsRowid())) {
                        canon[i] = Canonical.of(kinds[i], v.text());
                    } else {
                        side.rejected++;
                        side.unrecorded++;
                        continue rows;
                    }
                }
                add(side, lay, canon, only, rows, md5);
            }
        }
        return side;
    }

    /** Reading threads per source pass: the machine's cores, at most 4. */
    private static int hashThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private static final java.util.Properties CANONICAL_SQL = new java.util.Properties();

    static {
        try (InputStream in = TableVerifier.class.getResourceAsStream("/pgferry/verify/canonical-exprs.properties")) {
            CANONICAL_SQL.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SQL canonical expression for a column of this kind, or null when only the JVM computes it. */
    static String canonicalSql(Canonical.Kind kind, boolean jsonb) {
        String key = kind == Canonical.Kind.JSON ? (jsonb ? "JSONB" : null) : kind.name();
        return key == null ? null : CANONICAL_SQL.getProperty(key);
    }

    /** True when PostgreSQL can compute this table's target checksums (server and every column kind). */
    static boolean sumsInPostgres(Connection pg, Canonical.Kind[] kinds, boolean[] jsonb) throws SQLException {
        for (int i = 0; i < kinds.length; i++) {
            if (canonicalSql(kinds[i], jsonb[i]) == null) {
                return false;
            }
        }
        try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(load("target-sums-capable.sql"))) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The target side's checksums computed by PostgreSQL (verify/target-sums.sql): 4096 rows come back. */
    private Side targetSums(TableLoad t, Canonical.Kind[] kinds, boolean[] jsonb, Layout lay) {
        Side side = new Side();
        List<ColumnLoad> cols = t.columns();
        StringBuilder values = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            String expr = canonicalSql(kinds[i], jsonb[i]).replace("{c}", LoadSql.quote(cols.get(i).target()));
            values.append(i == 0 ? "" : ", ").append('(').append(expr).append(")::text AS c").append(i);
            row.append(i == 0 ? "" : ", ").append('c').append(i);
        }
        String sql = fill("target-sums.sql", Map.of("values", values.toString(), "row", row.toString(),
                "key", LoadSql.quote(cols.get(lay.keyIdx()[0]).target()), "table", t.qualified(),
                "last_bucket", Integer.toString(BUCKETS - 1)));
        try (Connection pg = target.connect()) {
            session(pg);
            try (PreparedStatement ps = pg.prepareStatement(sql)) {
                ps.setLong(1, lay.min());
                ps.setLong(2, lay.width());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int b = rs.getInt(1);
                        long count = rs.getLong(2);
                        side.count[b] = count;
                        side.sum[b] = new java.math.BigInteger(rs.getString(3)).longValue(); // the sum mod 2^64
                        side.rows += count;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + t.qualified() + " on " + target.display() + ": " + oneLine(e), e);
        }
        return side;
    }

    /** Rows per fetch for a full read of the target: about 16 MB of rows in the driver, 100..20000 rows. */
    private static int fetchRows(Connection pg, TableLoad t) throws SQLException {
        String widths = t.columns().stream()
                .map(c -> "coalesce(octet_length(" + LoadSql.quote(c.target()) + "::text), 0)")
                .collect(Collectors.joining(" + "));
        long width;
        try (Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery(fill("target-row-width.sql", Map.of("widths", widths.isEmpty() ? "0" : widths,
                     "table", t.qualified())))) {
            width = rs.next() ? rs.getLong(1) : 0;
        }
        long perRow = 3 * width + 48L * t.columns().size() + 64;
        return (int) Math.max(100, Math.min(20_000, (16L << 20) / perRow));
    }

    private Side targetPass(TableLoad t, Canonical.Kind[] kinds, boolean[] jsonb, Layout lay, BitSet only,
                            Map<String, List<String[]>> rows) {
        Side side = new Side();
        List<ColumnLoad> cols = t.columns();
        String columns = cols.stream().map(c -> LoadSql.quote(c.target()) + "::text").collect(Collectors.joining(", "));
        try (Connection pg = target.connect()) {
            session(pg);
            pg.setAutoCommit(false);
            if (only != null && lay.intKey()) {
                String sql = fill("target-range.sql", Map.of("columns", columns, "table", t.qualified(),
                        "key", LoadSql.quote(cols.get(lay.keyIdx()[0]).target())));
                try (PreparedStatement ps = pg.prepareStatement(sql)) {
                    for (int b = only.nextSetBit(0); b >= 0; b = only.nextSetBit(b + 1)) {
                        long[] range = lay.range(b);
                        ps.setLong(1, range[0]);
                        ps.setLong(2, range[1]);
                        try (ResultSet rs = ps.executeQuery()) {
                            readTarget(rs, kinds, jsonb, side, lay, only, rows);
                        }
                    }
                }
            } else {
                String sql = fill("target-rows.sql", Map.of("columns", columns, "table", t.qualified()));
                try (Statement st = pg.createStatement()) {
                    st.setFetchSize(fetchRows(pg, t));
                    try (ResultSet rs = st.executeQuery(sql)) {
                        readTarget(rs, kinds, jsonb, side, lay, only, rows);
                    }
                }
            }
            pg.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + t.qualified() + " on " + target.display() + ": " + oneLine(e), e);
        }
        return side;
    }

    private static void readTarget(ResultSet rs, Canonical.Kind[] kinds, boolean[] jsonb, Side side, Layout lay, BitSet only,
                                   Map<String, List<String[]>> rows) throws SQLException {
        int n = kinds.length;
        String[] canon = new String[n];
        while (rs.next()) {
            for (int i = 0; i < n; i++) {
                canon[i] = Canonical.ofTarget(kinds[i], jsonb[i], rs.getString(i + 1));
            }
            add(side, lay, canon, only, rows);
        }
    }

    private static void add(Side side, Layout lay, String[] canon, BitSet only, Map<String, List<String[]>> rows) {
        add(side, lay, canon, only, rows, null);
    }

    private static void add(Side side, Layout lay, String[] canon, BitSet only, Map<String, List<String[]>> rows,
                            RowHash md5) {
        int b = lay.bucket(canon);
        side.rows++;
        if (only == null) {
            side.count[b]++;
            side.sum[b] += lay.md5() ? md5.of(canon) : hash(canon, null);
        } else if (only.get(b)) {
            rows.computeIfAbsent(keyOf(canon, lay), k -> new ArrayList<>()).add(canon.clone());
        }
    }

    private static String keyOf(String[] canon, Layout lay) {
        if (lay.keyIdx().length == 0) {
            return String.join("\u0001", java.util.Arrays.stream(canon).map(String::valueOf).toList());
        }
        StringBuilder b = new StringBuilder();
        for (int k : lay.keyIdx()) {
            b.append(canon[k]).append('\u0001');
        }
        return b.toString();
    }

    /** Second pass over the first differing ranges: the rows that differ, with both sides' values. */
    private List<RowDiff> narrow(TableLoad t, Canonical.Kind[] kinds, boolean[] jsonb, Layout lay, Set<Long> rejectedRowids,
                                 List<Integer> differing) {
        BitSet only = new BitSet(BUCKETS);
        for (int i = 0; i < differing.size() && i < Math.max(1, maxDiffs); i++) {
            only.set(differing.get(i));
        }
        Map<String, List<String[]>> srcRows = new HashMap<>();
        Map<String, List<String[]>> tgtRows = new HashMap<>();
        CompletableFuture<Side> a = CompletableFuture.supplyAsync(() -> sourcePass(t, kinds, lay, rejectedRowids, only, srcRows));
        CompletableFuture<Side> b = CompletableFuture.supplyAsync(() -> targetPass(t, kinds, jsonb, lay, only, tgtRows));
        a.join();
        b.join();
        TreeSet<String> keys = new TreeSet<>(srcRows.keySet());
        keys.addAll(tgtRows.keySet());
        List<RowDiff> diffs = new ArrayList<>();
        TreeMap<Long, String> byIntKey = new TreeMap<>();
        List<String> ordered = new ArrayList<>(keys);
        if (lay.intKey()) {
            for (String k : keys) {
                try {
                    byIntKey.put(Long.parseLong(k.substring(0, k.length() - 1)), k);
                } catch (NumberFormatException e) {
                    byIntKey.put(Long.MIN_VALUE + byIntKey.size(), k);
                }
            }
            ordered = new ArrayList<>(byIntKey.values());
        }
        for (String k : ordered) {
            List<String[]> s = srcRows.getOrDefault(k, List.of());
            List<String[]> g = tgtRows.getOrDefault(k, List.of());
            int m = Math.max(s.size(), g.size());
            for (int i = 0; i < m && diffs.size() < maxDiffs; i++) {
                String[] sr = i < s.size() ? s.get(i) : null;
                String[] gr = i < g.size() ? g.get(i) : null;
                if (sr != null && gr != null && java.util.Arrays.equals(sr, gr)) {
                    continue;
                }
                diffs.add(diff(t, lay, sr, gr));
            }
            if (diffs.size() >= maxDiffs) {
                break;
            }
        }
        return diffs;
    }

    private static RowDiff diff(TableLoad t, Layout lay, String[] s, String[] g) {
        List<ColumnLoad> cols = t.columns();
        String[] any = s != null ? s : g;
        String key;
        if (lay.keyIdx().length == 0) {
            key = "(no key) " + render(cols, any, null);
        } else {
            StringBuilder b = new StringBuilder();
            for (int k : lay.keyIdx()) {
                b.append(b.length() == 0 ? "" : ", ").append(cols.get(k).target()).append('=').append(any[k]);
            }
            key = b.toString();
        }
        String differ = "";
        if (s != null && g != null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                if (!java.util.Objects.equals(s[i], g[i])) {
                    names.add(cols.get(i).target());
                }
            }
            differ = String.join(", ", names);
            java.util.Set<String> only = new java.util.HashSet<>(names);
            return new RowDiff(key, differ, render(cols, s, only), render(cols, g, only));
        }
        return new RowDiff(key, differ, s == null ? null : render(cols, s, null), g == null ? null : render(cols, g, null));
    }

    private static String render(List<ColumnLoad> cols, String[] row, Set<String> onlyColumns) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            if (onlyColumns != null && !onlyColumns.contains(cols.get(i).target())) {
                continue;
            }
            String v = row[i] == null ? "NULL" : row[i];
            if (v.length() > 200) {
                v = v.substring(0, 200) + "...";
            }
            b.append(b.length() == 0 ? "" : ", ").append(cols.get(i).target()).append('=').append(v);
        }
        return b.toString();
    }

    /** FNV-1a over the canonical values (NULL and separators marked apart from any char), then mixed. */
    static long hash(String[] canon, int[] only) {
        long h = 0xcbf29ce484222325L;
        int n = only == null ? canon.length : only.length;
        for (int j = 0; j < n; j++) {
            String v = canon[only == null ? j : only[j]];
            if (v == null) {
                h = (h ^ NULL_MARK) * 0x100000001b3L;
            } else {
                for (int i = 0, len = v.length(); i < len; i++) {
                    h = (h ^ v.charAt(i)) * 0x100000001b3L;
                }
            }
            h = (h ^ SEPARATOR) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static Map<String, String> targetTypes(Connection pg, String qualified) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = pg.prepareStatement(load("target-columns.sql"))) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return types;
    }

    private static void session(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute(load("session.sql"));
        }
    }

    static String oneLine(SQLException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
    }

    private static final Map<String, String> SQL = new java.util.concurrent.ConcurrentHashMap<>();

    static String load(String name) {
        return SQL.computeIfAbsent(name, k -> {
            try (InputStream in = TableVerifier.class.getResourceAsStream("/pgferry/verify/" + k)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String fill(String name, Map<String, String> values) {
        String sql = load(name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            sql = sql.replace("{" + e.getKey() + "}", e.getValue());
        }
        return sql;
    }
}
