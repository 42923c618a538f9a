package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pgferry.UserError;
import pgferry.store.StoreFlags.Stage;

class StoreFlagsTest {

    private static StoreFlags env(String write, String read, String fallback) {
        Map<String, String> env = new HashMap<>();
        if (write != null) {
            env.put("USE_DATABASE_WRITE", write);
        }
        if (read != null) {
            env.put("USE_DATABASE_READ", read);
        }
        if (fallback != null) {
            env.put("DATABASE_FALLBACK_TO_JSON", fallback);
        }
        return StoreFlags.fromEnvironment(env);
    }

    @Test
    void theSeedsEnvironmentTableSelectsTheStages() {
        // seed 002: "Start with", "Phase 1-4", "Phase 5", "Phase 6+"
        assertThat(env(null, null, null).stage()).isEqualTo(Stage.JSON_ONLY);
        assertThat(env(null, null, null)).isEqualTo(new StoreFlags(false, false, true));
        assertThat(env("false", "false", "true").stage()).isEqualTo(Stage.JSON_ONLY);
        assertThat(env("true", "false", "true").stage()).isEqualTo(Stage.PARALLEL_WRITE);
        assertThat(env("true", null, null).stage()).isEqualTo(Stage.PARALLEL_WRITE);
        assertThat(env("true", "true", "true").stage()).isEqualTo(Stage.SWITCH_READS);
        assertThat(env("true", "true", "false").stage()).isEqualTo(Stage.POSTGRES_ONLY);
        assertThat(env("TRUE", "1", "off").stage()).isEqualTo(Stage.POSTGRES_ONLY);
        assertThat(env(" yes ", "", "")).isEqualTo(new StoreFlags(true, false, true));
        for (Stage s : Stage.values()) {
            assertThat(StoreFlags.of(s).stage()).isEqualTo(s);
        }
    }

    @Test
    void whatEachStageWritesAndReads() {
        assertThat(Stage.JSON_ONLY.writesJson()).isTrue();
        assertThat(Stage.JSON_ONLY.writesPostgres()).isFalse();
        assertThat(Stage.PARALLEL_WRITE.writesPostgres()).isTrue();
        assertThat(Stage.PARALLEL_WRITE.readsPostgres()).isFalse();
        assertThat(Stage.SWITCH_READS.readsPostgres()).isTrue();
        assertThat(Stage.SWITCH_READS.writesJson()).isTrue();
        assertThat(Stage.POSTGRES_ONLY.writesJson()).isFalse();
    }

    @Test
    void badValuesAreOneLineErrors() {
        assertThatThrownBy(() -> env("maybe", null, null)).isInstanceOf(UserError.class)
                .hasMessage("USE_DATABASE_WRITE=maybe is not a boolean; set it to true or false");
        assertThatThrownBy(() -> env("false", "true", null)).isInstanceOf(UserError.class)
                .hasMessage("USE_DATABASE_READ=true needs USE_DATABASE_WRITE=true (PostgreSQL would be read while writes miss it);"
                        + " set USE_DATABASE_WRITE=true or USE_DATABASE_READ=false");
    }
}
