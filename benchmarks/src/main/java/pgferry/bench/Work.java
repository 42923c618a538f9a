package pgferry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import pgferry.bench.data.Datasets;

/** A trial's scratch folder under {@code target/work} (override: {@code -Dpgferry.bench.work}): copies of the JSON files, SQLite files. */
public final class Work {
    private Work() {
    }

    public static Path newDir(String prefix) {
        try {
            Path root = Path.of(System.getProperty("pgferry.bench.work", "target/work")).toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private copy of {@code file} in {@code dir} (appends must not touch the cached original). */
    public static Path copy(Path file, Path dir) {
        try {
            return Files.copy(file, dir.resolve(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        if (dir != null) {
            Datasets.deleteTree(dir);
        }
    }
}
