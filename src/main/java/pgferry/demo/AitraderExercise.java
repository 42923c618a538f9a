package pgferry.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * aitrader moved to PostgreSQL for foreign keys that hold: deleting a trade explanation keeps its
 * trades and sets their {@code explanation_id} to NULL ({@code ON DELETE SET NULL}).
 */
final class AitraderExercise implements Exercise {

    @Override
    public String title() {
        return "ON DELETE SET NULL: delete a trade explanation, its trades stay with explanation_id NULL";
    }

    @Override
    public void run(ExerciseContext ctx) throws Exception {
        try (Connection c = ctx.connect()) {
            long explanation;
            long referring;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ExerciseContext.sql("aitrader_most_explained"))) {
                if (!rs.next()) {
                    ctx.line("no trade refers to an explanation at this scale: nothing to delete (raise --scale)");
                    return;
                }
                explanation = rs.getLong(1);
                referring = rs.getLong(2);
            }
            List<Long> tradeIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ExerciseContext.sql("aitrader_trades_of_explanation"))) {
                ps.setLong(1, explanation);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tradeIds.add(rs.getLong(1));
                    }
                }
            }
            long before = count(c);
            int deleted;
            try (PreparedStatement ps = c.prepareStatement(ExerciseContext.sql("aitrader_delete_explanation"))) {
                ps.setLong(1, explanation);
                deleted = ps.executeUpdate();
            }
            long after = count(c);
            long kept;
            long stillSet;
            Array ids = c.createArrayOf("bigint", tradeIds.toArray());
            try (PreparedStatement ps = c.prepareStatement(ExerciseContext.sql("aitrader_trades_after"))) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    kept = rs.getLong(1);
                    stillSet = rs.getLong(2);
                }
            }
            ctx.line("DELETE FROM trade_explanations WHERE id = " + explanation + ": " + deleted + " row; it explained "
                    + referring + " trades " + tradeIds);
            ctx.line("those trades now: " + kept + " of " + tradeIds.size() + " still exist, " + (kept - stillSet)
                    + " with explanation_id NULL; trades in total " + before + " -> " + after);
            ctx.fact("tradesKept", kept);
            ctx.fact("explanationNulled", kept - stillSet);
            if (kept != tradeIds.size() || stillSet != 0 || before != after || deleted != 1) {
                ctx.fail("ON DELETE SET NULL did not hold: " + kept + " kept, " + stillSet + " still pointing, " + before + " -> " + after);
            }
        }
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ExerciseContext.sql("aitrader_count_trades"))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
