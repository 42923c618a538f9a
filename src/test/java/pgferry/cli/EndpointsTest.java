package pgferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pgferry.UserError;
import pgferry.load.Target;

class EndpointsTest {

    @Test
    void passwordsGoToPropertiesNeverToDisplayOrMessages() {
        Target t = Endpoints.target("postgres://trader:s3cr%40t@db.example:6543/prod?sslmode=require");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/prod?sslmode=require").doesNotContain("s3cr");
        assertThat(t.properties().getProperty("password")).isEqualTo("s3cr@t");
        assertThat(t.display()).isEqualTo("postgresql://trader:***@db.example:6543/prod?sslmode=require");
        assertThatThrownBy(() -> Endpoints.target("mysql://u:hunter2@h/db")).isInstanceOf(UserError.class)
                .hasMessageNotContaining("hunter2");
        Target unreachable = Endpoints.target("postgresql://u:hunter2@127.0.0.1:1/db");
        assertThatThrownBy(unreachable::connect).isInstanceOf(UserError.class).hasMessageNotContaining("hunter2")
                .hasMessageContaining("127.0.0.1:1");
    }

    @Test
    void sourceForms() {
        assertThat(Endpoints.source("sqlite:data/t.db")).isEqualTo(Path.of("data/t.db"));
        assertThat(Endpoints.source("t.db")).isEqualTo(Path.of("t.db"));
        assertThat(Endpoints.target("jdbc:postgresql://localhost:5432/x?user=me&password=pw").properties().getProperty("password"))
                .isEqualTo("pw");
    }
}
