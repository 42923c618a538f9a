package pgferry;

import pgferry.testing.PgDatabase;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import pgferry.cli.Main;
import picocli.CommandLine;

/** Test helpers: SQLite files from SQL, running pgferry commands, reading rejects and target rows. */
public final class MigrationFixture {

    private MigrationFixture() {
    }

    /** Creates a SQLite file and runs the statements in it. */
    public static Path sqlite(Path dir, String name, String... statements) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
        return file;
    }

    /** The outcome of one command: exit status, stdout, stderr. */
    public record Run(int exit, String out, String err) {
    }

    public static Run pgferry(String... args) {
        CommandLine cmd = Main.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static List<String> lines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Rows of a query as "a|b|c" strings (NULL as "null"). */
    /** The TARGET argument for a test database: its JDBC URL, with the password when the server has one. */
    public static String target(PgDatabase db) {
        String pw = db.password();
        return db.jdbcUrl() + (pw == null || pw.isEmpty() ? ""
                : "&password=" + java.net.URLEncoder.encode(pw, java.nio.charset.StandardCharsets.UTF_8));
    }

    public static List<String> query(PgDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    public static void execute(PgDatabase db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
