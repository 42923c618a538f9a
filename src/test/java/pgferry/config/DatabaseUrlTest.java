package pgferry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pgferry.UserError;

class DatabaseUrlTest {

    /** url → hosts (host:port,...) | database | user | password | parameters | toString */
    static Stream<Arguments> goodUrls() {
        return Stream.of(
                Arguments.of("postgresql://app:s3cret-pw@db.example.com:6543/trading",
                        "db.example.com:6543", "trading", "app", "s3cret-pw", Map.of(),
                        "postgresql://app:***@db.example.com:6543/trading"),
                Arguments.of("postgres://app:s3cret-pw@db.example.com/trading",
                        "db.example.com:5432", "trading", "app", "s3cret-pw", Map.of(),
                        "postgresql://app:***@db.example.com:5432/trading"),
                Arguments.of("POSTGRESQL://app@localhost/x", "localhost:5432", "x", "app", null, Map.of(),
                        "postgresql://app@localhost:5432/x"),
                Arguments.of("postgresql://u%40corp:p%40ss%2Fw%3Ard@h/my%20db", "h:5432", "my db", "u@corp", "p@ss/w:rd",
                        Map.of(), "postgresql://u%40corp:***@h:5432/my%20db"),
                Arguments.of("postgresql://u:p@ss@h/db", "h:5432", "db", "u", "p@ss", Map.of(),
                        "postgresql://u:***@h:5432/db"),
                Arguments.of("postgresql://u:pa/ss@h/db", "h:5432", "db", "u", "pa/ss", Map.of(),
                        "postgresql://u:***@h:5432/db"),
                Arguments.of("postgresql://u:@h/db", "h:5432", "db", "u", "", Map.of(), "postgresql://u:***@h:5432/db"),
                Arguments.of("postgresql://[::1]:5433/db", "[::1]:5433", "db", null, null, Map.of(),
                        "postgresql://[::1]:5433/db"),
                Arguments.of("postgresql://u:pw12@[2001:db8::7]/db", "[2001:db8::7]:5432", "db", "u", "pw12", Map.of(),
                        "postgresql://u:***@[2001:db8::7]:5432/db"),
                Arguments.of("postgresql://u:pw12@h1:5432,h2:5433,[::1]/db?target_session_attrs=read-write",
                        "h1:5432,h2:5433,[::1]:5432", "db", "u", "pw12", Map.of("target_session_attrs", "read-write"),
                        "postgresql://u:***@h1:5432,h2:5433,[::1]:5432/db?target_session_attrs=read-write"),
                Arguments.of("postgresql://u:pw12@h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&application_name=pg%20ferry",
                        "h:5432", "db", "u", "pw12",
                        Map.of("sslmode", "verify-full", "sslrootcert", "/etc/ca.pem", "application_name", "pg ferry"),
                        "postgresql://u:***@h:5432/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&application_name=pg%20ferry"),
                Arguments.of("jdbc:postgresql://h:5432/db?user=app&password=jdbc-secret&ssl=true",
                        "h:5432", "db", "app", "jdbc-secret", Map.of("ssl", "true"),
                        "postgresql://app:***@h:5432/db?ssl=true"),
                Arguments.of("jdbc:postgresql:trading", "localhost:5432", "trading", null, null, Map.of(),
                        "postgresql://localhost:5432/trading"),
                Arguments.of("postgresql:///db", "localhost:5432", "db", null, null, Map.of(), "postgresql://localhost:5432/db"),
                Arguments.of("postgresql://", "localhost:5432", "postgres", null, null, Map.of(), "postgresql://localhost:5432/postgres"),
                Arguments.of("postgresql://bob@h", "h:5432", "bob", "bob", null, Map.of(), "postgresql://bob@h:5432/bob"),
                Arguments.of("postgresql:///db?host=db.internal&port=6000&user=app&dbname=x".replace("/db?", "/?"),
                        "db.internal:6000", "x", "app", null, Map.of(), "postgresql://app@db.internal:6000/x"),
                Arguments.of("  postgresql://h/db  ", "h:5432", "db", null, null, Map.of(), "postgresql://h:5432/db"),
                Arguments.of("postgresql://u:sslpw1@h/db?sslpassword=keypass1&sslkey=k.pk8", "h:5432", "db", "u", "sslpw1",
                        Map.of("sslpassword", "keypass1", "sslkey", "k.pk8"),
                        "postgresql://u:***@h:5432/db?sslpassword=***&sslkey=k.pk8"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("goodUrls")
    void parsesGoodUrls(String url, String hosts, String database, String user, String password,
                        Map<String, String> parameters, String shown) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertThat(String.join(",", parsed.hosts().stream().map(DatabaseUrl.Host::spec).toList())).isEqualTo(hosts);
        assertThat(parsed.database()).isEqualTo(database);
        assertThat(parsed.user().orElse(null)).isEqualTo(user);
        assertThat(parsed.password().orElse(null)).isEqualTo(password);
        assertThat(parsed.parameters()).containsExactlyInAnyOrderEntriesOf(parameters);
        assertThat(parsed.toString()).isEqualTo(shown);
        // what is printed reads back to the same server, user and database
        DatabaseUrl again = DatabaseUrl.parse(parsed.toString());
        assertThat(again.hosts()).isEqualTo(parsed.hosts());
        assertThat(again.database()).isEqualTo(parsed.database());
        assertThat(again.user()).isEqualTo(parsed.user());
        if (password != null && !password.isEmpty()) {
            assertThat(parsed.toString()).doesNotContain(password);
            assertThat(parsed.jdbcUrl()).doesNotContain(password);
            assertThat(parsed.properties().getProperty("password")).isEqualTo(password);
        }
    }

    /** url → a fragment the one-line error must contain. Each URL carries the password "Hunter2-secret" where it can. */
    static Stream<Arguments> badUrls() {
        return Stream.of(
                Arguments.of("", "is empty; set it to postgresql://USER:PASSWORD@HOST:5432/DATABASE"),
                Arguments.of("   ", "is empty"),
                Arguments.of("postgresql://u:Hunter2-secret@h:54x/db", "port \"54x\" is not a number"),
                Arguments.of("postgresql://u:Hunter2-secret@h:70000/db", "port 70000 is out of range"),
                Arguments.of("postgresql://u:Hunter2-secret@h:0/db", "port 0 is out of range"),
                Arguments.of("postgresql://u:Hunter2-secret@h:/db", "the port after \"h:\" is empty"),
                Arguments.of("postgresql://u:Hunter2-secret/db", "the port of host \"u\" is not a number; if \"u:...\" is USER:PASSWORD, follow it with @HOST"),
                Arguments.of("mysql://u:Hunter2-secret@h/db", "scheme \"mysql:\" is not PostgreSQL"),
                Arguments.of("http://u:Hunter2-secret@h/db", "scheme \"http:\" is not PostgreSQL"),
                Arguments.of("jdbc:mysql://u:Hunter2-secret@h/db", "scheme \"jdbc:mysql:\" is not PostgreSQL"),
                Arguments.of("sqlite:///data/trades.db", "this is a SQLite database, not PostgreSQL"),
                Arguments.of("db.example.com:5432/trading", "does not start with postgresql://"),
                Arguments.of("postgresql:/u:Hunter2-secret@h/db", "must be followed by \"//\""),
                Arguments.of("postgresql://u:Hunter2-secret@h/db?sslmode=requir", "sslmode \"requir\" is not one of disable, allow, prefer, require, verify-ca, verify-full"),
                Arguments.of("postgresql://u:Hunter2-secret@h/db?sslmode", "parameter \"sslmode\" has no value"),
                Arguments.of("postgresql://u:Hunter2-secret@h/db?=x", "a parameter has no name"),
                Arguments.of("postgresql://u:Hunter2-secret@h/db?sslmode=require&sslmode=disable", "parameter \"sslmode\" is given twice"),
                Arguments.of("postgresql://u:Hunter2-secret@h/db?password=other-secret", "the password is given both"),
                Arguments.of("postgresql://u:Hunter2%zzsecret@h/db", "the password has a '%' not followed by two hex digits"),
                Arguments.of("postgresql://u%4:Hunter2-secret@h/db", "the user name has a '%'"),
                Arguments.of("postgresql://u:Hunter2-secret@h/d%b", "the database name has a '%'"),
                Arguments.of("postgresql://:Hunter2-secret@h/db", "there is a password but no user name"),
                Arguments.of("postgresql://u:Hunter2-secret@h1,,h2/db", "the host list has an empty entry"),
                Arguments.of("postgresql://u:Hunter2-secret@[::1/db", "an IPv6 address lacks its closing ']'"),
                Arguments.of("postgresql://u:Hunter2-secret@::1/db", "looks like an IPv6 address; put it in brackets"),
                Arguments.of("postgresql://u:Hunter2-secret@[db.example.com]/db", "is not an IPv6 address"),
                Arguments.of("postgresql://u:Hunter2-secret@h$st/db", "host \"h$st\" has characters a host name cannot have"),
                Arguments.of("postgresql://u:Hunter2-secret@%2Fvar%2Frun%2Fpostgresql/db", "is a Unix-domain socket"),
                Arguments.of("postgresql://u:Hunter2-secret@/db?host=/var/run/postgresql", "is a Unix-domain socket"),
                Arguments.of("postgresql://u:Hunter2-secret@h/db/extra", "database name \"db/extra\" has a '/'"),
                Arguments.of("postgresql://u:Hunter2-secret@h/db#frag", "it has a '#'"),
                Arguments.of("postgresql://u:Hunter2 secret@h/db", "contains a space"),
                Arguments.of("postgresql://u:Hunter2-secret@h1,h2/db?port=1,2,3", "2 hosts but 3 ports"),
                Arguments.of("postgresql://u:Hunter2-secret@h/db?port=5x", "port \"5x\" is not a number"),
                Arguments.of("jdbc:postgresql://h/db?user=u&password=Hunter2-secret&ssl=maybe", "ssl \"maybe\" is not true or false"),
                Arguments.of("jdbc:postgresql://h:99999/db?password=Hunter2-secret", "port 99999 is out of range"),
                Arguments.of("postgresql://u:Hunter2-secret@h?dbname=", "parameter dbname is empty"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badUrls")
    void refusesBadUrlsWithOneLineThatNeverHoldsThePassword(String url, String expected) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url, "DATABASE_URL"))
                .isInstanceOf(UserError.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message).startsWith("DATABASE_URL").contains(expected);
                    assertThat(message.lines()).hasSize(1);
                    assertThat(message).doesNotContain("Hunter2").doesNotContain("other-secret");
                    assertThat(e.toString()).doesNotContain("Hunter2");
                });
    }

    @Test
    void errorNamesTheBadPartAndShowsTheUrlMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:pw-1234@h:54x/db", "DATABASE_URL"))
                .hasMessage("DATABASE_URL: port \"54x\" is not a number; use a port from 1 to 65535 such as 5432"
                        + " (in postgresql://u:***@h:54x/db)");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:pw-1234@h/db"))
                .hasMessage("database URL: scheme \"mysql:\" is not PostgreSQL; pgferry needs postgresql://, postgres://"
                        + " or jdbc:postgresql://, as in postgresql://USER:PASSWORD@HOST:5432/DATABASE (in mysql://root:***@h/db)");
    }

    @Test
    void jdbcUrlCarriesParametersInPgjdbcNamesButNeitherUserNorSecrets() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw-9876@h1,h2:6000/my%20db?application_name=pg%20ferry"
                + "&connect_timeout=7&target_session_attrs=read-write&sslmode=require&sslpassword=kp-4321");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:6000/my+db?ApplicationName=pg+ferry"
                + "&connectTimeout=7&targetServerType=primary&sslmode=require");
        assertThat(url.properties()).containsEntry("user", "app").containsEntry("password", "pw-9876")
                .containsEntry("sslpassword", "kp-4321").containsEntry("ApplicationName", "pg ferry");
        assertThat(url.toString()).doesNotContain("pw-9876").doesNotContain("kp-4321");
    }

    @Test
    void pgVariablesAreASourceWhenThereIsNoDatabaseUrl() {
        Map<String, String> env = Map.of("PGHOST", "db.internal", "PGPORT", "6432", "PGUSER", "app",
                "PGPASSWORD", "env-pw-777", "PGDATABASE", "trading", "PGSSLMODE", "require", "PGAPPNAME", "pgferry");
        DatabaseUrl url = DatabaseUrl.fromEnvironment(env).orElseThrow();
        assertThat(url.hosts()).containsExactly(new DatabaseUrl.Host("db.internal", 6432));
        assertThat(url.user()).contains("app");
        assertThat(url.password()).contains("env-pw-777");
        assertThat(url.database()).isEqualTo("trading");
        assertThat(url.sslmode()).contains("require");
        assertThat(url.parameters()).containsEntry("application_name", "pgferry");
        assertThat(url.toString()).isEqualTo("postgresql://app:***@db.internal:6432/trading?sslmode=require&application_name=pgferry");
    }

    @Test
    void pgVariablesFillInWhatDatabaseUrlLeavesOut() {
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://app@db.internal/trading",
                "PGPASSWORD", "env-pw-777", "PGPORT", "6432", "PGSSLMODE", "verify-full", "PGHOST", "ignored", "PGUSER", "ignored");
        DatabaseUrl url = DatabaseUrl.fromEnvironment(env).orElseThrow();
        assertThat(url.toString()).isEqualTo("postgresql://app:***@db.internal:6432/trading?sslmode=verify-full");
        assertThat(url.password()).contains("env-pw-777");
        // the URL's own values win
        Map<String, String> env2 = Map.of("DATABASE_URL", "postgresql://app:url-pw-1@h:7000/db?sslmode=require",
                "PGPASSWORD", "env-pw-777", "PGPORT", "6432", "PGSSLMODE", "disable", "PGDATABASE", "other");
        DatabaseUrl url2 = DatabaseUrl.fromEnvironment(env2).orElseThrow();
        assertThat(url2.password()).contains("url-pw-1");
        assertThat(url2.toString()).isEqualTo("postgresql://app:***@h:7000/db?sslmode=require");
    }

    @Test
    void multipleHostsFromPgVariables() {
        DatabaseUrl url = DatabaseUrl.fromEnvironment(Map.of("PGHOST", "h1,h2", "PGPORT", "5432,5433")).orElseThrow();
        assertThat(url.hosts()).containsExactly(new DatabaseUrl.Host("h1", 5432), new DatabaseUrl.Host("h2", 5433));
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("PGHOST", "h1,h2,h3", "PGPORT", "5432,5433")))
                .isInstanceOf(UserError.class).hasMessageContaining("3 hosts but 2 ports");
    }

    @Test
    void nothingInTheEnvironmentIsEmpty() {
        assertThat(DatabaseUrl.fromEnvironment(Map.of())).isEmpty();
        assertThat(DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", " ", "HOME", "/root"))).isEmpty();
    }

    @Test
    void badPgVariablesAreOneLineErrors() {
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("PGPORT", "54x")))
                .isInstanceOf(UserError.class).hasMessage("PGPORT: port \"54x\" is not a number; use a port from 1 to 65535 such as 5432");
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("PGSSLMODE", "on", "PGPASSWORD", "env-pw-777")))
                .isInstanceOf(UserError.class).hasMessageStartingWith("PGSSLMODE: sslmode \"on\" is not one of")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("env-pw-777"));
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("PGHOST", "/var/run/postgresql")))
                .isInstanceOf(UserError.class).hasMessageContaining("Unix-domain socket");
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", "postgresql://u:pw-5555@h:1x/d")))
                .isInstanceOf(UserError.class).hasMessageStartingWith("DATABASE_URL: port \"1x\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-5555"));
    }

    @Test
    void loopbackIsThisMachineOnly() {
        for (String loop : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]", "LOCALHOST", "localhost,127.0.0.1")) {
            assertThat(DatabaseUrl.parse("postgresql://" + loop + "/db").isLoopback()).as(loop).isTrue();
        }
        for (String remote : List.of("db.example.com", "10.0.0.5", "[2001:db8::1]", "localhost,db.example.com", "127.example.com")) {
            assertThat(DatabaseUrl.parse("postgresql://" + remote + "/db").isLoopback()).as(remote).isFalse();
        }
    }

    @Test
    void withDatabaseKeepsEverythingElse() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw-2222@h:6000/one?sslmode=require");
        DatabaseUrl other = url.withDatabase("two");
        assertThat(other.database()).isEqualTo("two");
        assertThat(other.hosts()).isEqualTo(url.hosts());
        assertThat(other.password()).isEqualTo(url.password());
        assertThat(other.parameters()).isEqualTo(url.parameters());
        assertThat(url.database()).isEqualTo("one");
        assertThat(url.withDatabase("one")).isEqualTo(url).hasSameHashCodeAs(url);
        assertThatThrownBy(() -> url.withDatabase(" ")).isInstanceOf(UserError.class);
    }

    @Test
    void effectiveSslMode() {
        assertThat(DatabaseUrl.parse("postgresql://h/db").effectiveSslMode()).isEqualTo("prefer");
        assertThat(DatabaseUrl.parse("postgresql://h/db?sslmode=disable").effectiveSslMode()).isEqualTo("disable");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?ssl=true").effectiveSslMode()).isEqualTo("verify-full");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?ssl=false").effectiveSslMode()).isEqualTo("disable");
    }

    @Test
    void jdbcUrlAndPropertiesConnectToTheRealServer() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres?application_name=pgferry%20config%20test&sslmode=disable");
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.properties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, current_database(), current_setting('application_name')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("postgres");
            assertThat(rs.getString(2)).isEqualTo("postgres");
            assertThat(rs.getString(3)).isEqualTo("pgferry config test");
        }
    }

    @Test
    void pgVariablesConnectToTheRealServer() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PGHOST", "127.0.0.1", "PGPORT", "5432", "PGUSER", "postgres", "PGDATABASE", "test"));
        DatabaseUrl url = DatabaseUrl.fromEnvironment(env).orElseThrow();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.properties());
             ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("test");
        }
    }
}
