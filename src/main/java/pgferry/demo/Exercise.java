package pgferry.demo;

/** What one system moved to PostgreSQL for, shown on its migrated database: a few printed lines. */
interface Exercise {

    /** A one-line title, e.g. "JSONB containment, the Nexus leaderboard, the correlation matrix". */
    String title();

    void run(ExerciseContext ctx) throws Exception;
}
