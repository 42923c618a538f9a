package pgferry.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * metagauge moved to PostgreSQL so that {@code findByEmail} is an index lookup instead of reading
 * and scanning {@code users.json} on every call. Both are timed (median of a few runs each), and the
 * plan shows the unique index.
 */
final class MetagaugeExercise implements Exercise {

    static final int RUNS = 7;

    @Override
    public String title() {
        return "findByEmail: indexed lookup in PostgreSQL against the JSON-file scan";
    }

    @Override
    public void run(ExerciseContext ctx) throws Exception {
        Path usersFile = ctx.source().resolve("users.json");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode users = mapper.readTree(usersFile.toFile());
        if (users.size() == 0) {
            ctx.fail(usersFile + " holds no users");
            return;
        }
        // the last user is the JSON scan's worst case, the first its best; ask for both, alternately
        String[] emails = {users.get(users.size() - 1).get("email").asText(), users.get(0).get("email").asText()};
        long[] jsonNanos = new long[RUNS];
        long[] pgNanos = new long[RUNS];
        int found = 0;
        for (int i = 0; i < RUNS; i++) {
            String email = emails[i % 2];
            long t0 = System.nanoTime();
            JsonNode all = mapper.readTree(usersFile.toFile()); // the app read and parsed the whole file per call
            JsonNode hit = null;
            for (JsonNode u : all) {
                if (email.equals(u.path("email").asText())) {
                    hit = u;
                    break;
                }
            }
            jsonNanos[i] = System.nanoTime() - t0;
            found += hit == null ? 0 : 1;
        }
        long userRows;
        try (Connection c = ctx.connect()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ExerciseContext.sql("metagauge_count_users"))) {
                rs.next();
                userRows = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement(ExerciseContext.sql("metagauge_find_by_email"))) {
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    ps.setString(1, emails[i % 2]);
                    try (ResultSet rs = ps.executeQuery()) {
                        found += rs.next() ? 1 : 0;
                    }
                    pgNanos[i] = System.nanoTime() - t0;
                }
            }
            ctx.line("findByEmail over " + users.size() + " users (" + usersFile.toFile().length() / 1024 + " KiB users.json), median of "
                    + RUNS + ": JSON file read + scan " + ExerciseContext.ms(median(jsonNanos)) + " | PostgreSQL "
                    + ExerciseContext.ms(median(pgNanos)) + " (" + userRows + " rows in users)");
            ctx.plan(ctx.planUsing(c, "metagauge_find_by_email_explain", "users_email_key", userRows + " users", emails[0]));
        }
        ctx.fact("jsonScanMedianMicros", median(jsonNanos) / 1000);
        ctx.fact("postgresMedianMicros", median(pgNanos) / 1000);
        if (found != 2 * RUNS) {
            ctx.fail("findByEmail found " + found + " of " + 2 * RUNS + " lookups");
        }
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
