package pgferry.bench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import pgferry.bench.Answer;

/**
 * What a trial needs besides the data file, built once per data set and reused by every later trial (each JMH trial is
 * a fresh JVM, so "once" means on disk, next to the cached data file):
 * <ul>
 *   <li>the data file's SHA-256 ({@link #sha256}), the key every derived fixture is stored under;</li>
 *   <li>the reference answers ({@link #reference}): the JSON file read whole, as the application read it, and each
 *       query answered in memory; stored with the file's hash and recomputed when the hash differs;</li>
 *   <li>a loaded, indexed, ANALYZEd SQLite file ({@link #sqlite}) keyed by the file's hash and the loader's SQL;
 *       trials use a private copy of it, so the fixture itself is never written to.</li>
 * </ul>
 * Every entry is written to a temporary file and renamed into place, so a half-written entry is never used.
 * The PostgreSQL counterpart (a schema keyed the same way) is {@code pgferry.bench.store.Postgres#fixture}.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** SHA-256 of {@code file} in hex; remembered in {@code FILE.sha256} together with the file's size and mtime. */
    public static String sha256(Path file) {
        try {
            Path side = file.resolveSibling(file.getFileName() + ".sha256");
            String stamp = Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
            if (Files.isRegularFile(side)) {
                String[] kept = Files.readString(side).strip().split(" ");
                if (kept.length == 3 && (kept[0] + " " + kept[1]).equals(stamp)) {
                    return kept[2];
                }
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(md.digest());
            writeAtomically(side, tmp -> Files.writeString(tmp, stamp + " " + hex + "\n"));
            return hex;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a text (e.g. a loader's SQL), in hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 of the compiled classes that turn a data file into a store (their {@code .class} bytes), so a fixture
     * made by an older loader is not taken for the current one; part of every fixture key with the loader's SQL.
     */
    public static String code(Class<?>... loaders) {
        StringBuilder all = new StringBuilder();
        for (Class<?> c : loaders) {
            try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getPackageName().length() + 1) + ".class")) {
                if (in == null) {
                    throw new IllegalStateException("cannot read the class file of " + c.getName());
                }
                all.append(c.getName()).append(' ').append(HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()))).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return sha256(all.toString());
    }

    /**
     * The reference answers for {@code data} under {@code name}: read from {@code DATA.NAME.reference} when it was made
     * from a file with the same SHA-256 by the same {@code code} (see {@link #code}), else {@code compute}d (which
     * reads the JSON file) and stored.
     */
    public static Map<String, Answer> reference(Path data, String name, String code, Supplier<Map<String, Answer>> compute) {
        String hash = sha256(data) + " " + code;
        Path file = data.resolveSibling(data.getFileName() + "." + name + ".reference");
        if (Files.isRegularFile(file)) {
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
                if (hash.equals(in.readUTF())) {
                    @SuppressWarnings("unchecked")
                    Map<String, List<List<Object>>> rows = (Map<String, List<List<Object>>>) in.readObject();
                    Map<String, Answer> out = new LinkedHashMap<>();
                    rows.forEach((k, v) -> out.put(k, Answer.of(v)));
                    return out;
                }
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                // unreadable or from another version: made again below
            }
        }
        Map<String, Answer> answers = compute.get();
        LinkedHashMap<String, ArrayList<ArrayList<Object>>> rows = new LinkedHashMap<>();
        answers.forEach((k, a) -> {
            ArrayList<ArrayList<Object>> copy = new ArrayList<>();
            a.rows().forEach(r -> copy.add(new ArrayList<>(r)));
            rows.put(k, copy);
        });
        writeAtomically(file, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp); ObjectOutputStream out = new ObjectOutputStream(os)) {
                out.writeUTF(hash);
                out.writeObject(rows);
            }
        });
        return answers;
    }

    /**
     * A SQLite file loaded from {@code data} by {@code build(db, data)}, kept as {@code DATA.NAME-KEY.db} where KEY covers
     * the data file's hash and {@code loaderText} (the loader's SQL): a changed file or loader makes a new one.
     * Callers copy it before use ({@link #copy}); the fixture is never opened for writing after it is built.
     */
    public static Path sqlite(Path data, String name, String loaderText, BiConsumer<Path, Path> build) {
        String key = sha256(sha256(data) + "\n" + loaderText).substring(0, 16);
        Path db = data.resolveSibling(data.getFileName() + "." + name + "-" + key + ".db");
        if (Files.isRegularFile(db)) {
            return db;
        }
        writeAtomically(db, tmp -> {
            Files.delete(tmp);                      // SQLite creates the file itself
            build.accept(tmp, data);
        });
        return db;
    }

    /** A private copy of {@code file} in {@code dir}. */
    public static Path copy(Path file, Path dir, String name) {
        try {
            return Files.copy(file, dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file, e);
        }
    }

    interface Writer {
        void write(Path tmp) throws IOException;
    }

    private static void writeAtomically(Path target, Writer writer) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray .tmp file is never read
                }
            }
        }
    }
}
