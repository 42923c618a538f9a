package pgferry.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * atlas moved to PostgreSQL for JSONB queries over strategy payloads, the Nexus leaderboard's partial
 * index, and the correlation matrix as a materialized view refreshed without blocking readers.
 */
final class AtlasExercise implements Exercise {

    @Override
    public String title() {
        return "JSONB containment (GIN), the Nexus leaderboard (partial index), REFRESH MATERIALIZED VIEW CONCURRENTLY";
    }

    @Override
    public void run(ExerciseContext ctx) throws Exception {
        long bots;
        long nexus;
        try (Connection c = ctx.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(ExerciseContext.sql("atlas_counts"))) {
            rs.next();
            bots = rs.getLong(1);
            nexus = rs.getLong(2);
        }
        try (Connection c = ctx.connect()) {
            long rsi;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ExerciseContext.sql("atlas_rsi_bots"))) {
                rs.next();
                rsi = rs.getLong(1);
            }
            ctx.line("payload @> '{\"conditions\":[{\"text\":\"RSI\"}]}': " + rsi + " of " + bots + " bots use RSI");
            ctx.fact("rsiBots", rsi);
            ctx.plan(ctx.planUsing(c, "atlas_rsi_bots_explain", "idx_bots_payload", bots + " bots"));
        }
        try (Connection c = ctx.connect()) {
            StringBuilder top = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ExerciseContext.sql("atlas_leaderboard"))) {
                int rank = 1;
                while (rs.next()) {
                    top.append(rank == 1 ? "" : ", ").append('#').append(rank++).append(' ').append(rs.getString(2))
                            .append(" (CAGR ").append(rs.getBigDecimal(3) == null ? "n/a" : rs.getBigDecimal(3).toPlainString()).append(')');
                }
            }
            ctx.line("Nexus leaderboard (" + nexus + " nexus bots): " + (top.length() == 0 ? "empty" : top));
            ctx.plan(ctx.planUsing(c, "atlas_leaderboard_explain", "idx_nexus_leaderboard", bots + " bots"));
        }
        try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute(ExerciseContext.sql("atlas_refresh_matrix"));
            long took = System.nanoTime() - t0;
            try (ResultSet rs = s.executeQuery(ExerciseContext.sql("atlas_matrix_top"))) {
                if (rs.next()) {
                    ctx.line("REFRESH MATERIALIZED VIEW CONCURRENTLY nexus_correlation_matrix: " + ExerciseContext.ms(took)
                            + ", " + rs.getLong(1) + " pairs; most correlated " + rs.getString(2) + " / " + rs.getString(3)
                            + " r=" + rs.getBigDecimal(4).toPlainString() + " over " + rs.getLong(5) + " days");
                    ctx.fact("correlationPairs", rs.getLong(1));
                } else {
                    ctx.line("REFRESH MATERIALIZED VIEW CONCURRENTLY nexus_correlation_matrix: " + ExerciseContext.ms(took)
                            + ", 0 pairs (fewer than two nexus bots with overlapping equity curves at this scale)");
                    ctx.fact("correlationPairs", 0L);
                }
            }
            ctx.fact("matrixRefreshedConcurrently", true);
        }
    }
}
