package pgferry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import pgferry.UserError;

/**
 * The durable outbox of one JSON collection: an append-only JSON Lines file beside the JSON file
 * ({@code paper_trades.json.outbox.jsonl}) holding every write PostgreSQL has not confirmed yet.
 *
 * <p>Two kinds of line:
 * <pre>
 * {"id":"6f1c…","op":"upsert","entity":"trades","key":"T-000042","at":"2026-11-22T08:01:02.345Z","payload":{…}}
 * {"done":["6f1c…"],"at":"2026-11-22T08:01:02.351Z"}
 * </pre>
 * An intent line is appended and fsynced <em>before</em> the JSON file is written (write-ahead); a
 * {@code done} line is appended once PostgreSQL has committed it. An entry is pending while no done
 * line names it. When no entry is pending any more the file is emptied (compaction), so an empty file
 * means "PostgreSQL has every write". A torn last line (a crash in the middle of an append, before its
 * fsync returned and so before the JSON write began) is cut off when the file is next read.
 *
 * <p>Not thread-safe on its own: callers hold the collection's lock ({@link JsonFileStore#locked}).
 */
public final class Outbox {

    /** What an entry asks PostgreSQL to do. */
    public enum Op { UPSERT, DELETE }

    /** One pending write. {@code payload} is the JSON the application wrote (null for a delete). */
    public record Entry(String id, Op op, String entity, String key, Instant at, JsonNode payload) {
    }

    private final Path file;

    public Outbox(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The outbox of a JSON file: {@code <file>.outbox.jsonl} in the same folder. */
    public static Outbox beside(Path jsonFile) {
        return new Outbox(jsonFile.resolveSibling(jsonFile.getFileName() + ".outbox.jsonl"));
    }

    public Path file() {
        return file;
    }

    /** True when the file is empty or absent: every write is confirmed (a cheap check, no parsing). */
    public boolean isEmpty() {
        try {
            return Files.size(file) == 0;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends an intent and fsyncs it; returns the entry. */
    public Entry append(Op op, String entity, String key, JsonNode payload) {
        if (endsTorn()) {
            pending(); // cuts the torn line before anything is appended after it
        }
        Entry entry = new Entry(UUID.randomUUID().toString(), op, entity, key, Instant.now(), payload);
        ObjectNode line = StoreJson.mapper().createObjectNode();
        line.put("id", entry.id());
        line.put("op", op.name().toLowerCase());
        line.put("entity", entity);
        line.put("key", key);
        line.put("at", entry.at().toString());
        line.set("payload", payload);
        appendLine(StoreJson.line(line), true);
        return entry;
    }

    /**
     * Marks entries done. When that leaves nothing pending the file is emptied; otherwise a done line is
     * appended. Neither is fsynced: losing one in a crash only makes a confirmed entry replay again,
     * which changes nothing.
     */
    public void markDone(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<String> done = new HashSet<>(ids);
        boolean othersPending = pending().stream().anyMatch(e -> !done.contains(e.id()));
        if (!othersPending) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(0);
            } catch (NoSuchFileException e) {
                // nothing to empty
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        ObjectNode line = StoreJson.mapper().createObjectNode();
        ArrayNode list = line.putArray("done");
        ids.forEach(list::add);
        line.put("at", Instant.now().toString());
        appendLine(StoreJson.line(line), false);
    }

    /** Pending entries in the order they were appended. */
    public List<Entry> pending() {
        if (isEmpty()) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = bytes.length;
        if (bytes[end - 1] != '\n') {
            int lastNewline = end - 1;
            while (lastNewline >= 0 && bytes[lastNewline] != '\n') {
                lastNewline--;
            }
            end = lastNewline + 1;
            cutTornTail(end);
        }
        Map<String, Entry> pending = new LinkedHashMap<>();
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = StoreJson.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                throw new UserError(file + " line " + lineNo + " is not valid JSON (" + e.getOriginalMessage()
                        + "); the outbox was edited by hand: restore it, or run a consistency check before removing it");
            }
            if (node.has("done")) {
                node.get("done").forEach(id -> pending.remove(id.asText()));
            } else {
                Entry e = new Entry(node.path("id").asText(), Op.valueOf(node.path("op").asText().toUpperCase()),
                        node.path("entity").asText(), node.path("key").asText(),
                        Instant.parse(node.path("at").asText()), node.get("payload"));
                pending.put(e.id(), e);
            }
        }
        return new ArrayList<>(pending.values());
    }

    private boolean endsTorn() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) != '\n';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cutTornTail(int length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendLine(String line, boolean fsync) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            boolean created = !Files.exists(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                if (fsync) {
                    ch.force(false);
                }
            }
            if (created && fsync) {
                JsonFileStore.fsyncDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
