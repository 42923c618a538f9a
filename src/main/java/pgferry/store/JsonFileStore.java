package pgferry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import pgferry.UserError;

/**
 * One JSON file holding a collection: either an array of objects ({@code paper_trades.json}) or a
 * single object ({@code portfolio.json}).
 *
 * <p><b>Atomic writes.</b> A write goes to a temporary file in the same folder, is fsynced, renamed
 * over the file in one atomic step, and the folder is fsynced so the rename itself survives a crash.
 * A reader (in any process) therefore sees the old file or the new one, never half of either.
 *
 * <p><b>Concurrent writers.</b> Every write, and every read-modify-write given to {@link #locked}, runs
 * under two locks: an in-JVM lock per file (threads of this JVM) and an exclusive {@link FileLock} on
 * the sibling {@code <file>.lock} (other processes). The locks are re-entrant for the holding thread.
 *
 * <p><b>Numbers.</b> Parsed as {@link java.math.BigDecimal} with their scale, never through double; see
 * {@link StoreJson}.
 */
public final class JsonFileStore {

    /** Whether the file holds an array of objects or one object. */
    public enum Shape { ARRAY, OBJECT }

    private static final ConcurrentHashMap<Path, FileMutex> MUTEXES = new ConcurrentHashMap<>();

    private final Path file;
    private final Shape shape;
    private final String arrayField;
    private final String countField;
    private final FileMutex mutex;

    private JsonFileStore(Path file, Shape shape, String arrayField, String countField) {
        this.file = file.toAbsolutePath().normalize();
        this.shape = shape;
        this.arrayField = arrayField;
        this.countField = countField;
        this.mutex = MUTEXES.computeIfAbsent(this.file, f -> new FileMutex(lockFileOf(f)));
    }

    /** A file holding a JSON array of objects; a missing file reads as an empty array. */
    public static JsonFileStore array(Path file) {
        return new JsonFileStore(file, Shape.ARRAY, null, null);
    }

    /**
     * A file holding a JSON object whose field {@code field} is the array of objects, as in
     * {@code {"timestamp": "...", "signals": [...]}}; the object's other fields are kept on every write.
     * A missing file or field reads as an empty array.
     */
    public static JsonFileStore arrayAt(Path file, String field) {
        return new JsonFileStore(file, Shape.ARRAY, field, null);
    }

    /**
     * Like {@link #arrayAt(Path, String)}, and the object's field {@code countField} (e.g.
     * {@code "total_signals"}) is set to the array's length on every write.
     */
    public static JsonFileStore arrayAt(Path file, String field, String countField) {
        return new JsonFileStore(file, Shape.ARRAY, field, countField);
    }

    /** A file holding one JSON object; a missing file reads as no object. */
    public static JsonFileStore object(Path file) {
        return new JsonFileStore(file, Shape.OBJECT, null, null);
    }

    public Path file() {
        return file;
    }

    public Shape shape() {
        return shape;
    }

    /** For {@link #arrayAt}: the field of the top-level object holding the array; otherwise null. */
    public String arrayField() {
        return arrayField;
    }

    /** The sibling file whose {@link FileLock} serialises writers across processes. */
    public Path lockFile() {
        return mutex.lockFile;
    }

    /** Runs {@code work} holding this file's in-JVM lock and its cross-process file lock. */
    public <R> R locked(IoWork<R> work) {
        mutex.lock();
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            mutex.unlock();
        }
    }

    /** True when the current thread holds this file's lock. */
    public boolean heldByCurrentThread() {
        return mutex.jvmLock.isHeldByCurrentThread();
    }

    /** The array's elements (a missing file is an empty array). Only for {@link Shape#ARRAY}. */
    public ArrayNode readArray() {
        requireShape(Shape.ARRAY);
        return read().map(n -> (ArrayNode) (arrayField == null ? n : n.get(arrayField)))
                .orElseGet(() -> StoreJson.mapper().createArrayNode());
    }

    /**
     * Replaces the array atomically (under the lock). For {@link #arrayAt} the rest of the enclosing
     * object is read and kept as it is.
     */
    public void writeArray(ArrayNode elements) {
        requireShape(Shape.ARRAY);
        if (arrayField == null) {
            write(elements);
            return;
        }
        locked(() -> {
            ObjectNode whole = read().map(n -> (ObjectNode) n).orElseGet(() -> StoreJson.mapper().createObjectNode());
            whole.set(arrayField, elements);
            if (countField != null) {
                whole.put(countField, elements.size());
            }
            writeAtomically(file, StoreJson.pretty(whole));
            return null;
        });
    }

    /** The object, or empty when the file does not exist. Only for {@link Shape#OBJECT}. */
    public Optional<ObjectNode> readObject() {
        requireShape(Shape.OBJECT);
        return read().map(n -> (ObjectNode) n);
    }

    /**
     * The parsed file, or empty when it does not exist. A file that is not valid JSON, or whose top
     * level is not this store's shape, is a {@link UserError} naming the file, line and column.
     */
    public Optional<JsonNode> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode node;
        try {
            node = StoreJson.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new UserError(file + (loc == null ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr())
                    + ": not valid JSON (" + e.getOriginalMessage() + "); repair the file or restore it from a backup");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new UserError(file + " is empty; it must hold a JSON " + (shape == Shape.ARRAY ? "array ([] when empty)" : "object")
                    + "; write that or delete the file");
        }
        if (shape == Shape.ARRAY && arrayField != null) {
            if (!node.isObject()) {
                throw new UserError(file + " holds a JSON " + node.getNodeType().name().toLowerCase() + " where an object with an array \""
                        + arrayField + "\" was expected; check that this is the right file");
            }
            JsonNode inner = node.get(arrayField);
            if (inner == null || inner.isNull()) {
                ((ObjectNode) node).putArray(arrayField);
            } else if (!inner.isArray()) {
                throw new UserError(file + " field \"" + arrayField + "\" holds a JSON " + inner.getNodeType().name().toLowerCase()
                        + " where an array was expected; check that this is the right file");
            }
        } else if (shape == Shape.ARRAY && !node.isArray()) {
            throw new UserError(file + " holds a JSON " + node.getNodeType().name().toLowerCase() + " where an array was expected;"
                    + " check that this is the right file");
        }
        if (shape == Shape.OBJECT && !node.isObject()) {
            throw new UserError(file + " holds a JSON " + node.getNodeType().name().toLowerCase() + " where an object was expected;"
                    + " check that this is the right file");
        }
        if (shape == Shape.ARRAY) {
            JsonNode elements = arrayField == null ? node : node.get(arrayField);
            for (int i = 0; i < elements.size(); i++) {
                if (!elements.get(i).isObject()) {
                    throw new UserError(file + " element " + i + " is a JSON " + elements.get(i).getNodeType().name().toLowerCase()
                            + ", not an object; repair the file");
                }
            }
        }
        return Optional.of(node);
    }

    /** Replaces the file's content atomically (under the lock). */
    public void write(JsonNode content) {
        if (shape == Shape.ARRAY && arrayField != null) {
            if (!content.isObject()) {
                throw new IllegalArgumentException("an array-in-object store is written whole as an object, or with writeArray");
            }
        } else if (shape == Shape.ARRAY && !content.isArray() || shape == Shape.OBJECT && !content.isObject()) {
            throw new IllegalArgumentException("a " + shape + " store cannot hold a " + content.getNodeType());
        }
        byte[] bytes = StoreJson.pretty(content);
        locked(() -> {
            writeAtomically(file, bytes);
            return null;
        });
    }

    /** Removes the file (under the lock), fsyncing the folder. */
    public void delete() {
        locked(() -> {
            if (Files.deleteIfExists(file)) {
                fsyncDirectory(file.getParent());
            }
            return null;
        });
    }

    /**
     * Read-modify-write under the lock: {@code change} gets the current content (an empty array, or
     * null for a missing object file) and returns the new content (null deletes an object file).
     */
    public JsonNode update(UnaryOperator<JsonNode> change) {
        return locked(() -> {
            JsonNode current = shape == Shape.ARRAY ? readArray() : readObject().orElse(null);
            JsonNode next = change.apply(current);
            if (next == null) {
                delete();
            } else if (shape == Shape.ARRAY) {
                writeArray((ArrayNode) next);
            } else {
                write(next);
            }
            return next;
        });
    }

    /** Writes {@code bytes} to {@code target} atomically: temp file in the same folder, fsync, rename, fsync folder. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            copyPermissions(target, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new UserError("the file system of " + dir + " cannot rename atomically; keep the JSON store on a local disk");
            }
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes a folder's entries (a rename, a new or deleted file) durable. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a folder for fsync; on Linux this works
            if (System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                throw e;
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (src == null || dst == null || !Files.exists(from)) {
            if (dst != null && !Files.exists(from)) {
                dst.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            return;
        }
        dst.setPermissions(src.readAttributes().permissions());
    }

    private void requireShape(Shape wanted) {
        if (shape != wanted) {
            throw new IllegalStateException(file + " is a " + shape + " store, not " + wanted);
        }
    }

    static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /** Work that may throw IOException. */
    @FunctionalInterface
    public interface IoWork<R> {
        R run() throws IOException;
    }

    /** The in-JVM lock and the cross-process file lock of one file, re-entrant for the holding thread. */
    static final class FileMutex {
        final Path lockFile;
        final ReentrantLock jvmLock = new ReentrantLock();
        private FileChannel channel;
        private FileLock fileLock;

        FileMutex(Path lockFile) {
            this.lockFile = lockFile;
        }

        void lock() {
            jvmLock.lock();
            if (jvmLock.getHoldCount() > 1) {
                return;
            }
            try {
                Files.createDirectories(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                fileLock = channel.lock();
            } catch (IOException | RuntimeException e) {
                closeQuietly();
                jvmLock.unlock();
                throw new UserError("cannot lock " + lockFile + ": " + e.getMessage() + "; check the folder is writable");
            }
        }

        void unlock() {
            try {
                if (jvmLock.getHoldCount() == 1) {
                    closeQuietly();
                }
            } finally {
                jvmLock.unlock();
            }
        }

        private void closeQuietly() {
            try {
                if (fileLock != null) {
                    fileLock.release();
                }
            } catch (IOException ignored) {
                // closing the channel releases it anyway
            }
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // nothing more to do
            }
            fileLock = null;
            channel = null;
        }
    }
}
