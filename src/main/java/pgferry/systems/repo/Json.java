package pgferry.systems.repo;

import java.util.Objects;

/**
 * A JSON document as text. On SQLite it is stored and read back as written; PostgreSQL's jsonb reads
 * back its own normal form (key order, spacing), so two {@code Json} values are the same document when
 * their trees are equal, not necessarily their texts (see {@code pgferry.testing.ResultComparison}).
 */
public record Json(String text) {
    public Json {
        Objects.requireNonNull(text, "text");
    }

    public static Json of(String text) {
        return text == null ? null : new Json(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
