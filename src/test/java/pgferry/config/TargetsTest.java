package pgferry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import pgferry.UserError;

/** Which database a command with an optional TARGET talks to. */
class TargetsTest {

    @Test
    void theArgumentWinsOverTheEnvironment() {
        DatabaseUrl url = Targets.resolve("postgresql://a@h1:6000/one", Map.of("DATABASE_URL", "postgresql://b@h2/two"));
        assertThat(url.host()).isEqualTo("h1");
        assertThat(url.database()).isEqualTo("one");
    }

    @Test
    void thenDatabaseUrlThenPgVariables() {
        assertThat(Targets.resolve(null, Map.of("DATABASE_URL", "postgresql://b@h2/two")).database()).isEqualTo("two");
        assertThat(Targets.resolve(" ", Map.of("PGHOST", "h3", "PGDATABASE", "three")).host()).isEqualTo("h3");
    }

    @Test
    void elseTheLocalServiceOfServicesPostgresJson() {
        ServiceSettings local = ServiceSettings.load();
        DatabaseUrl url = Targets.resolve(null, Map.of());
        assertThat(url.port()).isEqualTo(local.port());
        assertThat(url.database()).isEqualTo(local.database());
        assertThat(url.user()).contains(local.user());
    }

    @Test
    void aBadArgumentNamesTarget() {
        assertThatThrownBy(() -> Targets.resolve("mysql://u:pw@h/db", Map.of())).isInstanceOf(UserError.class)
                .hasMessageStartingWith("TARGET").hasMessageNotContaining(":pw@");
    }
}
