package pgferry.plan;

/** What becomes of a REAL NaN or ±Infinity (SQLite can store ±Infinity; NUMERIC(p,s) cannot). */
public enum NonFinite {
    /** Reject the row with a reason (default). */
    REJECT,
    /** Keep as 'NaN' / 'Infinity' / '-Infinity' (PostgreSQL 14+ numeric and double precision accept them). */
    KEEP,
    /** Load SQL NULL instead (rejected anyway in a NOT NULL column). */
    NULL
}
