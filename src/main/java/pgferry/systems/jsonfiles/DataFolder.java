package pgferry.systems.jsonfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import pgferry.UserError;

/** The {@code data/} folder a JSON-file system keeps its files in. */
public final class DataFolder {
    private DataFolder() {
    }

    /** Creates {@code outDir/data}; it must not exist yet or be empty, since stale files would mix into a new sample. */
    public static Path createEmpty(Path outDir) {
        Path data = outDir.resolve("data");
        try {
            if (Files.isDirectory(data)) {
                try (Stream<Path> s = Files.list(data)) {
                    if (s.findAny().isPresent()) {
                        throw new UserError(data + " already holds files; choose an empty --out folder or delete " + data);
                    }
                }
            }
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UserError("cannot create " + data + " (" + e.getMessage() + "); choose a writable --out folder", e);
        }
        return data;
    }
}
