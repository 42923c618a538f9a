package pgferry.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import pgferry.UserError;

/**
 * Where the harness finds an existing PostgreSQL server: the few parts of a {@code postgres://},
 * {@code postgresql://} or {@code jdbc:postgresql://} URL it needs. Kept in one small class so that it
 * can later delegate to the project's full {@code DATABASE_URL} parser. {@link #toString()} never shows
 * the password.
 *
 * @param host     host name or address (brackets kept for IPv6)
 * @param port     port, 5432 when the URL has none
 * @param database database named in the URL: the maintenance database the harness connects to
 * @param user     role, from the URL or {@code ?user=}
 * @param password password or {@code null}
 * @param params   other query parameters (sslmode, ...), passed on to every connection
 */
public record TestDatabaseUrl(String host, int port, String database, String user, String password,
                              Map<String, String> params) {

    public TestDatabaseUrl {
        params = Map.copyOf(params);
    }

    /** Parses {@code url}; {@code origin} names where it came from (an environment variable) for error lines. */
    public static TestDatabaseUrl parse(String url, String origin) {
        String rest = url.strip();
        if (rest.startsWith("jdbc:")) {
            rest = rest.substring(5);
        }
        int schemeEnd = rest.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : rest.substring(0, schemeEnd);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new UserError(origin + ": not a PostgreSQL URL (expected postgresql://user@host:port/database or jdbc:postgresql://host:port/database)");
        }
        rest = rest.substring(schemeEnd + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (rest.contains(",")) {
            throw new UserError(origin + ": several hosts are not supported by the test harness; name one host");
        }
        String host = rest;
        int port = 5432;
        int portColon = rest.startsWith("[") ? rest.indexOf(':', rest.indexOf(']')) : rest.lastIndexOf(':');
        if (portColon >= 0) {
            host = rest.substring(0, portColon);
            String portText = rest.substring(portColon + 1);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new UserError(origin + ": port '" + portText + "' is not a number from 1 to 65535");
            }
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> params.put(key, value);
            }
        }
        if (user == null || user.isEmpty()) {
            user = System.getProperty("user.name");
        }
        String database = decode(path);
        if (database.isEmpty()) {
            database = user;
        }
        return new TestDatabaseUrl(host, port, database, user, password, params);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A JDBC URL for {@code db} on this server, with the extra parameters but without user or password. */
    public String jdbcUrl(String db) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> query.add(k + "=" + v));
        return "jdbc:postgresql://" + host + ":" + port + "/" + db + query;
    }

    @Override
    public String toString() {
        return "postgresql://" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database;
    }
}
