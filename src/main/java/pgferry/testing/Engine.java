package pgferry.testing;

/** The database engine a {@link ParityTest} invocation runs on. */
public enum Engine {
    SQLITE, POSTGRES;

    public String label() {
        return this == SQLITE ? "sqlite" : "postgres";
    }
}
