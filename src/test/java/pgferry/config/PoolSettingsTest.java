package pgferry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pgferry.UserError;

class PoolSettingsTest {

    /** Environment as "K=V;K=V" → mode, maximum, minimum idle. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        ''                                          | POOLED | 5  | 5
        PGFERRY_POOL=none                           | NONE   | 1  | 0
        PGFERRY_POOL=serverless                     | NONE   | 1  | 0
        PGFERRY_POOL=NONE                           | NONE   | 1  | 0
        PGFERRY_POOL=pool                           | POOLED | 5  | 5
        PGFERRY_POOL_SIZE=12                        | POOLED | 12 | 12
        DATABASE_POOL_SIZE=3                        | POOLED | 3  | 3
        PGFERRY_POOL_SIZE=8;DATABASE_POOL_SIZE=3    | POOLED | 8  | 8
        PGFERRY_POOL=pool;PGFERRY_POOL_SIZE=20      | POOLED | 20 | 20
        PGFERRY_POOL=none;PGFERRY_POOL_SIZE=1       | NONE   | 1  | 0
        AWS_LAMBDA_FUNCTION_NAME=ingest             | NONE   | 1  | 0
        RAILWAY_ENVIRONMENT=production              | NONE   | 1  | 0
        VERCEL=1                                    | NONE   | 1  | 0
        RAILWAY_ENVIRONMENT=production;PGFERRY_POOL=pool | POOLED | 5 | 5
        RAILWAY_ENVIRONMENT=production;PGFERRY_POOL_SIZE=4 | POOLED | 4 | 4
        PGFERRY_POOL_SIZE= 7                        | POOLED | 7  | 7
        PGFERRY_POOL_SIZE=1000                      | POOLED | 1000 | 1000
        """)
    void poolFromEnvironment(String envText, PoolSettings.Mode mode, int max, int minIdle) {
        PoolSettings p = PoolSettings.fromEnvironment(env(envText));
        assertThat(p.mode()).isEqualTo(mode);
        assertThat(p.maximumPoolSize()).isEqualTo(max);
        assertThat(p.minimumIdle()).isEqualTo(minIdle);
        assertThat(p.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        PGFERRY_POOL_SIZE=five                  | PGFERRY_POOL_SIZE="five" is not a whole number; set it to a pool size from 1 to 1000 (default 5), or PGFERRY_POOL=none for no pool
        PGFERRY_POOL_SIZE=0                     | PGFERRY_POOL_SIZE=0 is out of range; set a pool size from 1 to 1000
        PGFERRY_POOL_SIZE=-3                    | PGFERRY_POOL_SIZE="-3" is not a whole number
        PGFERRY_POOL_SIZE=1001                  | PGFERRY_POOL_SIZE=1001 is out of range
        DATABASE_POOL_SIZE=2.5                  | DATABASE_POOL_SIZE="2.5" is not a whole number
        PGFERRY_POOL_SIZE=99999999999           | PGFERRY_POOL_SIZE="99999999999" is not a whole number
        PGFERRY_POOL=maybe                      | PGFERRY_POOL="maybe" is not none or pool; write PGFERRY_POOL=none (serverless: no idle connections) or PGFERRY_POOL=pool (long-running process)
        PGFERRY_POOL=none;PGFERRY_POOL_SIZE=10  | PGFERRY_POOL=none and PGFERRY_POOL_SIZE=10 disagree; remove PGFERRY_POOL_SIZE (no pool) or set PGFERRY_POOL=pool
        """)
    void badValuesAreOneLineErrors(String envText, String expected) {
        assertThatThrownBy(() -> PoolSettings.fromEnvironment(env(envText)))
                .isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(expected).hasLineCount(1));
    }

    static Map<String, String> env(String text) {
        Map<String, String> env = new HashMap<>();
        if (text != null && !text.isBlank()) {
            for (String kv : text.split(";")) {
                int eq = kv.indexOf('=');
                env.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
            }
        }
        return env;
    }
}
