package pgferry.systems.repo;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import pgferry.testing.Engine;
import pgferry.testing.ParityResults;
import pgferry.testing.Rows;

/**
 * A repository's answer (a list of records, or one record) as {@link Rows} for the parity helpers: one
 * column per record component, {@link Json} as {@link Rows.Json} so it compares as a JSON tree.
 */
public final class RepoRows {

    private RepoRows() {
    }

    public static Rows of(String label, List<?> records) {
        List<String> columns = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        for (Object record : records) {
            RecordComponent[] parts = record.getClass().getRecordComponents();
            if (columns.isEmpty()) {
                for (RecordComponent p : parts) {
                    columns.add(p.getName());
                }
            }
            List<Object> row = new ArrayList<>(parts.length);
            for (RecordComponent p : parts) {
                try {
                    Object v = p.getAccessor().invoke(record);
                    row.add(v instanceof Json j ? new Rows.Json(j.text()) : v);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            values.add(row);
        }
        return new Rows(label, columns, values);
    }

    /** Records {@code records} under {@code name}: compared with the other engine's at once. */
    public static Rows record(ParityResults results, Engine engine, String name, List<?> records) {
        return results.record(name, of(engine.label(), records));
    }

    public static Dialect dialect(Engine engine) {
        return engine == Engine.SQLITE ? Dialect.SQLITE : Dialect.POSTGRES;
    }
}
