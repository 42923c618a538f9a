package pgferry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pgferry.UserError;

class ProductionRulesTest {

    private static final Map<String, String> PROD = Map.of("PGFERRY_ENV", "production");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        postgresql://app@db.example.com/trading?sslmode=require                 | has no password; set a strong password for user "app" in DATABASE_URL
        postgresql://app:@db.example.com/trading?sslmode=require                | has no password
        postgresql://app@localhost/trading                                      | has no password
        postgresql://app:postgres@db.example.com/trading?sslmode=require        | the database password is a well-known default password; change it on the server
        postgresql://app:Password@db.example.com/trading?sslmode=require        | is a well-known default password
        postgresql://app:admin@db.example.com/trading?sslmode=require           | is a well-known default password
        postgresql://app:root@db.example.com/trading?sslmode=require            | is a well-known default password
        postgresql://app:changeme@db.example.com/trading?sslmode=require        | is a well-known default password
        postgresql://app:secret@db.example.com/trading?sslmode=require          | is a well-known default password
        postgresql://app:123456@db.example.com/trading?sslmode=require          | is a well-known default password
        postgresql://app:STRONG_PASSWORD@db.example.com/trading?sslmode=require | is a well-known default password
        postgresql://app:postgres@127.0.0.1/trading                             | is a well-known default password
        postgresql://tradebot:tradebot@db.example.com/x?sslmode=require         | is the user name itself
        postgresql://app:Trading@db.example.com/trading?sslmode=require         | is the database name
        postgresql://app:k8#Lw-2vQ9@db.example.com/trading?sslmode=disable      | sslmode=disable sends the password and data unencrypted to db.example.com; add ?sslmode=require
        postgresql://app:k8#Lw-2vQ9@db.example.com/trading?sslmode=allow        | sslmode=allow may send the password and data unencrypted
        postgresql://app:k8#Lw-2vQ9@db.example.com/trading?sslmode=prefer       | sslmode=prefer may send
        postgresql://app:k8#Lw-2vQ9@db.example.com/trading                      | no sslmode is set, and the default (prefer) may send the password and data unencrypted to db.example.com
        jdbc:postgresql://10.0.0.5/trading?user=app&password=k8Lw-2vQ9&ssl=false| sslmode=disable sends
        postgresql://app:k8#Lw-2vQ9@localhost,db.example.com/trading            | unencrypted to localhost,db.example.com
        """)
    void refusesInProduction(String url, String expected) {
        DatabaseUrl parsed = DatabaseUrl.parse(url.replace("#", "%23"));
        assertThatThrownBy(() -> ProductionRules.enforce(parsed, PROD))
                .isInstanceOf(UserError.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("PGFERRY_ENV=production: ").contains(expected);
                    assertThat(e.getMessage().lines()).hasSize(1);
                    parsed.password().filter(p -> !p.isEmpty()).ifPresent(p -> assertThat(e.getMessage()).doesNotContain(p));
                });
        // outside production the same URL is accepted
        for (Map<String, String> env : new Map[] {Map.of(), Map.of("PGFERRY_ENV", "development"), Map.of("ENVIRONMENT", "production")}) {
            assertThatCode(() -> ProductionRules.enforce(parsed, env)).doesNotThrowAnyException();
            assertThat(ProductionRules.refusals(parsed, env)).isEmpty();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "postgresql://app:k8%23Lw-2vQ9@db.example.com/trading?sslmode=require",
        "postgresql://app:k8%23Lw-2vQ9@db.example.com/trading?sslmode=verify-ca",
        "postgresql://app:k8%23Lw-2vQ9@db.example.com/trading?sslmode=verify-full&sslrootcert=/etc/ca.pem",
        "jdbc:postgresql://db.example.com/trading?user=app&password=k8Lw-2vQ9&ssl=true",
        "postgresql://app:k8%23Lw-2vQ9@localhost/trading?sslmode=disable",
        "postgresql://app:k8%23Lw-2vQ9@127.0.0.1/trading",
        "postgresql://app:k8%23Lw-2vQ9@[::1]/trading?sslmode=prefer",
        "postgresql://app@db.example.com/trading?sslmode=verify-full&sslcert=client.crt&sslkey=client.pk8",
    })
    void acceptsInProduction(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        for (String value : new String[] {"production", " PRODUCTION ", "Production"}) {
            assertThat(ProductionRules.isProduction(Map.of("PGFERRY_ENV", value))).isTrue();
            assertThat(ProductionRules.refusals(parsed, Map.of("PGFERRY_ENV", value))).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void everyRefusalIsListedAndEnforceThrowsTheFirst() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:admin@db.example.com/trading?sslmode=disable");
        assertThat(ProductionRules.refusals(url, PROD)).hasSize(2);
        assertThatThrownBy(() -> ProductionRules.enforce(url, PROD)).hasMessageContaining("well-known default");
        assertThatThrownBy(() -> ConnectionPools.create(url, PROD)).isInstanceOf(UserError.class).hasMessageContaining("well-known default");
    }
}
