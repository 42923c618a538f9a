package pgferry.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pgferry.testing.PgTest;

/** Each JSON system's Flyway migrations apply to an empty database, and a second run applies nothing. */
class SchemaMigrationTest {

    @PgTest
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "prescient|events,market_snapshots,markets,portfolio_history,portfolio_positions,portfolio_snapshots,portfolio_state,signal_archives,system_metadata,trades,trading_signals",
            "metagauge|analyses,chat_messages,chat_sessions,contract_analysis_params,contract_competitors,contract_rpc_config,contracts,user_onboarding,user_preferences,users"})
    void migratesAnEmptyDatabaseOnceAndThenAppliesNothing(String system, String tables, DataSource db) throws Exception {
        SampleSystem s = Systems.byName(system).orElseThrow();
        assertThat(userTables(db)).isEmpty();

        MigrateResult first = flyway(db, s).migrate();
        MigrateResult second = flyway(db, s).migrate();

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(userTables(db)).containsExactly(tables.split(","));
        assertThat(flyway(db, s).validateWithResult().validationSuccessful).isTrue();
    }

    private static Flyway flyway(DataSource db, SampleSystem s) {
        return Flyway.configure().dataSource(db).locations(s.flywayLocation()).load();
    }

    private static List<String> userTables(DataSource db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                     + "AND tablename <> 'flyway_schema_history' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
