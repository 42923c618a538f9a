package pgferry.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What export-json wrote.
 *
 * @param dir        the output folder
 * @param files      every file written, in the order written
 * @param notes      what the export could not write or left out, one line each (e.g. a single-object
 *                   table without its row)
 * @param wallMillis wall time
 */
public record ExportResult(Path dir, List<File> files, List<String> notes, long wallMillis) {

    public ExportResult {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /**
     * One file.
     *
     * @param relative the path under the output folder ('/' separators)
     * @param table    the table whose rows it holds
     * @param records  top-level records written (child rows nested in them not counted)
     * @param bytes    the file's size
     */
    public record File(String relative, String table, long records, long bytes) {
    }

    public long records() {
        return files.stream().mapToLong(File::records).sum();
    }
}
