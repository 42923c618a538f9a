package pgferry.plan;

/**
 * What a {@link ValueConverter} made of one source value: a {@link Value} (PostgreSQL input text, or
 * SQL NULL) or a {@link Rejection} with its reason.
 */
public sealed interface Converted permits Converted.Value, Rejection {

    /** SQL NULL. */
    Value NULL = new Value(null);

    /** True for a {@link Rejection}. */
    boolean rejected();

    /**
     * A converted value.
     *
     * @param text the PostgreSQL text input form of the value (what {@code 'text'::type} accepts),
     *             unescaped; null for SQL NULL. COPY-format escaping is the loader's job.
     */
    record Value(String text) implements Converted {
        @Override
        public boolean rejected() {
            return false;
        }

        public boolean isNull() {
            return text == null;
        }
    }

    static Value of(String text) {
        return new Value(text);
    }
}
