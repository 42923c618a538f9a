package pgferry.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import pgferry.config.DatabaseUrl;

/** The machine and software a report's numbers were measured on. */
public final class Environment {
    private Environment() {
    }

    /** CPU, cores, memory, OS, JDK, SQLite (the driver's engine), PostgreSQL (from {@code databaseUrl}, if given). */
    public static Map<String, String> describe(String databaseUrl) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("CPU", cpuModel());
        e.put("Cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        e.put("Memory", memory());
        e.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        e.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
        e.put("SQLite", query("jdbc:sqlite::memory:", null, "SELECT 'SQLite ' || sqlite_version() || ' (xerial sqlite-jdbc)'"));
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            try {
                DatabaseUrl u = DatabaseUrl.parse(databaseUrl);
                e.put("PostgreSQL", query(u.jdbcUrl(), u, "SELECT split_part(version(), ',', 1)"));
            } catch (RuntimeException ex) {
                e.put("PostgreSQL", "unknown (" + ex.getMessage() + ")");
            }
        } else {
            e.put("PostgreSQL", "unknown (no DATABASE_URL when the report was made)");
        }
        return e;
    }

    private static String query(String jdbc, DatabaseUrl u, String sql) {
        try (Connection c = u == null ? DriverManager.getConnection(jdbc) : DriverManager.getConnection(jdbc, u.properties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception ex) {
            return "unknown (" + ex.getMessage() + ")";
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "unknown";
    }
}
