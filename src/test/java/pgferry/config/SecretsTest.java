package pgferry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import pgferry.UserError;

class SecretsTest {

    private static final String PW = "Tr0ub4dor&3-x";
    private static final String PW_ENC = PercentCoding.encode(PW);

    @Test
    void maskHidesPasswordsInUrlsAndParametersWithoutKnowingThem() {
        // strings never parsed before: structure alone must hide them
        Map<String, String> cases = Map.ofEntries(
                Map.entry("connect to postgresql://app:qwe-never-seen-1@db:5432/x failed",
                        "connect to postgresql://app:***@db:5432/x failed"),
                Map.entry("url=jdbc:postgresql://app:qwe-never-seen-2@db/x", "url=jdbc:postgresql://app:***@db/x"),
                Map.entry("two: postgres://a:p1-never@h1/x and mysql://b:p2-never@h2/y", "two: postgres://a:***@h1/x and mysql://b:***@h2/y"),
                Map.entry("pw with at: postgresql://a:p@ss-never@h/x", "pw with at: postgresql://a:***@h/x"),
                Map.entry("jdbc:postgresql://h/x?user=a&password=p3-never&ssl=true", "jdbc:postgresql://h/x?user=a&password=***&ssl=true"),
                Map.entry("host=h password=p4-never dbname=x", "host=h password=*** dbname=x"),
                Map.entry("PGPASSWORD=p5-never psql", "PGPASSWORD=*** psql"),
                Map.entry("{\"user\":\"a\",\"password\":\"p6-never\"}", "{\"user\":\"a\",\"password\":***}"),
                Map.entry("sslpassword='p7-never' x", "sslpassword=*** x"),
                Map.entry("forgot the at: postgresql://app:p8-never/db", "forgot the at: postgresql://app:***/db"),
                Map.entry("no scheme slashes postgresql:/app:p9-never@h/db", "no scheme slashes postgresql:/app:***@h/db"),
                Map.entry("FATAL: password authentication failed for user \"app\"", "FATAL: password authentication failed for user \"app\""),
                Map.entry("postgresql://app@h:5432/db has no password", "postgresql://app@h:5432/db has no password"),
                Map.entry("postgresql://h:5432,h2:6543/db", "postgresql://h:5432,h2:6543/db"),
                Map.entry("example postgresql://USER:PASSWORD@HOST/DB", "example postgresql://USER:PASSWORD@HOST/DB"));
        cases.forEach((in, out) -> assertThat(Secrets.mask(in)).as(in).isEqualTo(out));
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void rememberedPasswordsAreHiddenWhereverTheyAppear() {
        DatabaseUrl.parse("postgresql://app:" + PW_ENC + "@h/db");
        assertThat(Secrets.mask("driver said: bad token " + PW + " near " + PW_ENC)).isEqualTo("driver said: bad token *** near ***");
        assertThat(Secrets.mask("'" + PW + "'")).isEqualTo("'***'");
        // a well-known default is not remembered: it would blank out "postgres" in every URL
        DatabaseUrl.parse("postgresql://postgres:postgres@h/db");
        assertThat(Secrets.mask("postgresql://h/postgres")).isEqualTo("postgresql://h/postgres");
        assertThat(DatabaseUrl.parse("postgresql://postgres:postgres@h/db").toString()).isEqualTo("postgresql://postgres:***@h:5432/db");
    }

    /** Every message produced from a URL holding a password, for many passwords. */
    @Test
    void noMessageFromAUrlHoldsItsPassword() {
        qt().withExamples(300).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 24)).checkAssert(tail -> {
            String pw = "Zq9~" + tail; // distinctive, and at least Secrets.MIN_REMEMBERED long
            String enc = PercentCoding.encode(pw);
            Secrets.forgetRemembered(); // errors first: masked by structure, not by a remembered password
            List<String> printed = new java.util.ArrayList<>();
            for (String bad : List.of(
                    "postgresql://app:" + enc + "@db.example.com:54x/trading",
                    "postgresql://app:" + enc + "@db.example.com/trading?sslmode=requir",
                    "mysql://app:" + enc + "@db.example.com/trading",
                    "postgresql://app:" + enc + "@h1,,h2/trading",
                    "postgresql://app:" + enc + "@[::1/trading",
                    "postgresql://app:" + enc + "@h/trading#x",
                    "postgresql://app:" + enc + "/trading",
                    "jdbc:postgresql://h:99999/trading?user=app&password=" + enc,
                    "postgresql://app:" + enc + "@h/trading?password=" + enc)) {
                Throwable e = catchThrowable(() -> DatabaseUrl.parse(bad, "DATABASE_URL"));
                assertThat(e).as(bad).isInstanceOf(UserError.class);
                printed.add(e.getMessage());
            }
            String good = "postgresql://app:" + enc + "@db.example.com:6543/trading?sslmode=require";
            DatabaseUrl url = DatabaseUrl.parse(good);
            assertThat(url.password()).contains(pw);
            printed.addAll(List.of(url.toString(), url.jdbcUrl(), url.withDatabase("other").toString(),
                    Secrets.mask(good), Secrets.mask("raw: " + pw)));
            Map<String, String> prod = Map.of("PGFERRY_ENV", "production");
            printed.addAll(ProductionRules.refusals(DatabaseUrl.parse("postgresql://app:" + enc + "@db.example.com/trading"), prod));
            for (String line : printed) {
                assertThat(line).doesNotContain(pw).doesNotContain(enc);
            }
        });
    }

    @Test
    void exceptionsFromARealFailedConnectionAreMasked() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:" + PW_ENC + "@127.0.0.1:" + port + "/db?connect_timeout=3");

        // 1. PgJDBC through DriverManager, the password inside the JDBC URL as users often write it
        SQLException pg = (SQLException) catchThrowable(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/db?user=app&password=" + PW_ENC));
        assertThat((Throwable) pg).isNotNull();
        assertMaskedEverywhere(pg);

        // 2. DriverManager's own message repeats the whole URL, password included
        SQLException noDriver = (SQLException) catchThrowable(() -> DriverManager.getConnection(
                "jdbc:postgres://app:" + PW_ENC + "@127.0.0.1:" + port + "/db"));
        assertThat(noDriver.getMessage()).contains(PW_ENC); // the raw exception leaks ...
        assertMaskedEverywhere(noDriver);                    // ... the masked one does not

        // 3. our own properties + jdbcUrl
        SQLException viaProps = (SQLException) catchThrowable(() -> DriverManager.getConnection(url.jdbcUrl(), url.properties()));
        assertMaskedEverywhere(viaProps);

        // 4. the pool factory: a one-line UserError, the cause chain masked
        Throwable pool = catchThrowable(() -> ConnectionPools.create(url, Map.of()));
        assertThat(pool).isInstanceOf(UserError.class);
        assertThat(pool.getMessage()).startsWith("cannot connect to postgresql://app:***@127.0.0.1:" + port + "/db")
                .contains("refused").contains("check host, port, user, password").doesNotContain(PW).doesNotContain(PW_ENC);
        assertThat(pool.getMessage().lines()).hasSize(1);
        assertThat(stackTraceOf(pool)).doesNotContain(PW).doesNotContain(PW_ENC);
    }

    private static void assertMaskedEverywhere(Throwable raw) {
        Secrets.MaskedException masked = Secrets.masked(raw);
        assertThat(masked.originalClass()).isEqualTo(raw.getClass().getName());
        assertThat(masked.toString()).startsWith(raw.getClass().getName());
        String trace = stackTraceOf(masked);
        assertThat(trace).doesNotContain(PW).doesNotContain(PW_ENC);
        assertThat(masked.getStackTrace()).isEqualTo(raw.getStackTrace());
        UserError line = Secrets.userError("cannot connect", raw, "check the URL");
        assertThat(line.getMessage()).startsWith("cannot connect: ").endsWith("; check the URL").doesNotContain(PW).doesNotContain(PW_ENC);
        assertThat(stackTraceOf(line)).doesNotContain(PW).doesNotContain(PW_ENC);
    }

    private static String stackTraceOf(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void maskingStreamMasksEveryLinePrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = Secrets.maskingStream(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.println("connecting to postgresql://app:stream-pw-1@db/x");
        out.print("jdbc:postgresql://db/x?password=stream-pw-2");
        out.print(" and more\n");
        out.printf("%s%n", "no secret here");
        out.flush();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).isEqualTo(String.format("connecting to postgresql://app:***@db/x%n".replace("%n", "\n")
                + "jdbc:postgresql://db/x?password=*** and more\nno secret here%n"));
    }

    @Test
    void maskingLogFormatter() {
        LogRecord record = new LogRecord(Level.WARNING, "retrying postgresql://app:log-pw-1@db/x");
        String line = Secrets.maskingFormatter(new SimpleFormatter()).format(record);
        assertThat(line).contains("postgresql://app:***@db/x").doesNotContain("log-pw-1");
    }

    @Test
    void poolToStringNeverShowsThePassword() {
        // trust auth ignores the password, so a wrong one still opens the pool
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres:" + PW_ENC + "@127.0.0.1:5432/postgres");
        try (HikariDataSource ds = ConnectionPools.create(url, Map.of("PGFERRY_POOL", "none"))) {
            assertThat(ds.toString()).doesNotContain(PW).doesNotContain(PW_ENC);
            assertThat(ds.getJdbcUrl()).doesNotContain(PW).doesNotContain(PW_ENC);
        }
    }

    @Test
    void userErrorWithoutAFix() {
        assertThatThrownBy(() -> {
            throw Secrets.userError("reading x", new IllegalStateException("bad postgresql://a:ue-pw-1@h/x\nsecond line"));
        }).hasMessage("reading x: bad postgresql://a:***@h/x");
    }
}
