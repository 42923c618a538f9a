package pgferry.config;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import pgferry.UserError;

/**
 * Where a PostgreSQL database is and how to log in to it: one immutable value read from a
 * {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql://} URL and/or the libpq
 * {@code PG*} environment variables.
 *
 * <p>Accepted forms (scheme case-insensitive):
 * <pre>
 *   postgresql://[user[:password]@][host][:port][,host2[:port2]...][/database][?name=value&amp;...]
 *   postgres://...                      (same)
 *   jdbc:postgresql://...               (same; user= and password= may be parameters)
 *   jdbc:postgresql:database[?...]      (localhost:5432)
 * </pre>
 * User, password, database and parameter values are percent-decoded ({@code %40} is '@'). IPv6
 * hosts go in brackets ({@code [::1]:5432}). The libpq parameters {@code host}, {@code port},
 * {@code dbname}, {@code user} and {@code password} may also be given as query parameters.
 * Missing parts come from {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD},
 * {@code PGDATABASE}, {@code PGSSLMODE} (when read by {@link #fromEnvironment}), else default to
 * host {@code localhost}, port 5432, database = the user name (or {@code postgres} without one).
 *
 * <p>The password is never part of {@link #toString()} or {@link #jdbcUrl()}: it travels only in
 * {@link #properties()} (or {@link #password()} for a pool's {@code setPassword}).
 */
public final class DatabaseUrl {

    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_HOST = "localhost";

    /** The sslmode values libpq and PgJDBC understand. */
    public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** Parameters whose value is a secret: masked in {@link #toString()}, left out of {@link #jdbcUrl()}. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("sslpassword");

    /** libpq environment variables that fill in query parameters (PGSSLMODE → sslmode, ...). */
    private static final Map<String, String> ENV_PARAMETERS = orderedMap(
            "PGSSLMODE", "sslmode",
            "PGSSLROOTCERT", "sslrootcert",
            "PGSSLCERT", "sslcert",
            "PGSSLKEY", "sslkey",
            "PGAPPNAME", "application_name",
            "PGCONNECT_TIMEOUT", "connect_timeout",
            "PGOPTIONS", "options",
            "PGTARGETSESSIONATTRS", "target_session_attrs");

    /** The variables {@link #fromEnvironment} reads. */
    public static final List<String> ENVIRONMENT_VARIABLES = List.of("DATABASE_URL", "PGHOST", "PGPORT", "PGUSER",
            "PGPASSWORD", "PGDATABASE", "PGSSLMODE", "PGSSLROOTCERT", "PGSSLCERT", "PGSSLKEY", "PGAPPNAME",
            "PGCONNECT_TIMEOUT", "PGOPTIONS", "PGTARGETSESSIONATTRS");

    private static final String EXAMPLE = "postgresql://USER:PASSWORD@HOST:5432/DATABASE";
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*)(:[A-Za-z][A-Za-z0-9+.\\-]*)?:");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.\\-]+)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** One server: a host name or IP literal (IPv6 without brackets) and a port. */
    public record Host(String name, int port) {
        public Host {
            Objects.requireNonNull(name, "name");
        }

        public boolean isIpv6() {
            return name.indexOf(':') >= 0;
        }

        /** {@code host:port}, IPv6 in brackets. */
        public String spec() {
            return (isIpv6() ? "[" + name + "]" : name) + ":" + port;
        }

        /** localhost, 127.0.0.0/8 or ::1 (by name or literal; no DNS lookup). */
        public boolean isLoopback() {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("localhost") || n.equals("localhost.") || n.endsWith(".localhost")) {
                return true;
            }
            if (isIpv6() || IPV4.matcher(n).matches()) {
                try {
                    return InetAddress.getByName(n).isLoopbackAddress(); // a literal: no lookup
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return spec();
        }
    }

    private final List<Host> hosts;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    private DatabaseUrl(List<Host> hosts, String database, String user, String password, Map<String, String> parameters) {
        this.hosts = List.copyOf(hosts);
        this.database = database;
        this.user = user;
        this.password = password;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Secrets.remember(password);
        parameters.forEach((k, v) -> {
            if (SECRET_PARAMETERS.contains(k)) {
                Secrets.remember(v);
            }
        });
    }

    // ------------------------------------------------------------------ reading

    /** Parses a URL; errors start with "database URL: ". */
    public static DatabaseUrl parse(String url) {
        return parse(url, "database URL");
    }

    /**
     * Parses a URL; {@code origin} (e.g. {@code DATABASE_URL}, {@code --target}) starts every error
     * line. Missing parts get the defaults, not the environment.
     */
    public static DatabaseUrl parse(String url, String origin) {
        return resolve(new Parser(url, origin).parse(), Map.of(), origin);
    }

    /**
     * The database the environment names: {@code DATABASE_URL} if set (its missing parts filled
     * from the {@code PG*} variables, as libpq does), else the {@code PG*} variables alone if any
     * is set, else empty.
     */
    public static Optional<DatabaseUrl> fromEnvironment(Map<String, String> env) {
        String url = env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return Optional.of(resolve(new Parser(url, "DATABASE_URL").parse(), env, "DATABASE_URL"));
        }
        boolean anyPg = ENVIRONMENT_VARIABLES.stream().skip(1).anyMatch(v -> env.get(v) != null && !env.get(v).isEmpty());
        if (!anyPg) {
            return Optional.empty();
        }
        return Optional.of(resolve(new Parts(), env, "PG* variables"));
    }

    /** What the URL said; null where it said nothing. */
    private static final class Parts {
        List<String> hostNames;           // null: not given
        List<Integer> ports;              // null: not given; entries may be null
        String database;
        String user;
        String password;
        final Map<String, String> parameters = new LinkedHashMap<>();
    }

    private static DatabaseUrl resolve(Parts p, Map<String, String> env, String origin) {
        List<String> names = p.hostNames;
        List<Integer> ports = p.ports;
        if (names == null) {
            String pgHost = env.get("PGHOST");
            names = pgHost == null || pgHost.isEmpty() ? List.of(DEFAULT_HOST) : splitHostVariable(pgHost);
        }
        if (ports == null || ports.stream().allMatch(Objects::isNull)) {
            String pgPort = env.get("PGPORT");
            if (pgPort != null && !pgPort.isEmpty()) {
                List<Integer> envPorts = new ArrayList<>();
                for (String s : pgPort.split(",", -1)) {
                    envPorts.add(portNumber(s.strip(), "PGPORT"));
                }
                ports = envPorts;
            }
        }
        List<Host> hosts = new ArrayList<>();
        List<Integer> paired = pairPorts(names, ports, origin);
        for (int i = 0; i < names.size(); i++) {
            hosts.add(new Host(names.get(i), paired.get(i) == null ? DEFAULT_PORT : paired.get(i)));
        }
        String user = p.user != null ? p.user : nonEmpty(env.get("PGUSER"));
        String password = p.password != null ? p.password : nonEmpty(env.get("PGPASSWORD"));
        String database = p.database != null ? p.database : nonEmpty(env.get("PGDATABASE"));
        if (database == null) {
            database = user != null ? user : "postgres";
        }
        Map<String, String> parameters = new LinkedHashMap<>(p.parameters);
        ENV_PARAMETERS.forEach((variable, name) -> {
            String value = env.get(variable);
            if (value != null && !value.isEmpty() && !parameters.containsKey(name)) {
                parameters.put(name, value);
            }
        });
        checkSslMode(parameters.get("sslmode"), parameters.containsKey("sslmode") && !p.parameters.containsKey("sslmode")
                ? "PGSSLMODE" : origin);
        return new DatabaseUrl(hosts, database, user, password, parameters);
    }

    private static List<String> splitHostVariable(String pgHost) {
        List<String> names = new ArrayList<>();
        for (String raw : pgHost.split(",", -1)) {
            String h = raw.strip();
            if (h.isEmpty()) {
                throw new UserError("PGHOST: the host list \"" + pgHost + "\" has an empty entry; write host names separated by single commas");
            }
            if (h.startsWith("/")) {
                throw new UserError(unixSocket("PGHOST", h));
            }
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            if (!HOST_NAME.matcher(h).matches() && !IPV6.matcher(h).matches()) {
                throw new UserError("PGHOST: \"" + h + "\" is not a host name or IP address; set PGHOST=db.example.com (or 127.0.0.1)");
            }
            names.add(h);
        }
        return names;
    }

    private static List<Integer> pairPorts(List<String> names, List<Integer> ports, String origin) {
        List<Integer> out = new ArrayList<>();
        if (ports == null || ports.isEmpty()) {
            names.forEach(n -> out.add(null));
        } else if (ports.size() == names.size()) {
            out.addAll(ports);
        } else if (ports.size() == 1) {
            names.forEach(n -> out.add(ports.get(0)));
        } else {
            throw new UserError(origin + ": " + names.size() + " hosts but " + ports.size()
                    + " ports; give one port for all hosts or one port per host");
        }
        return out;
    }

    private static int portNumber(String s, String origin) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UserError(origin + ": port \"" + s + "\" is not a number; use a port from 1 to 65535 such as 5432");
        }
        int port = s.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(s);
        if (port < 1 || port > 65535) {
            throw new UserError(origin + ": port " + s + " is out of range; use a port from 1 to 65535 such as 5432");
        }
        return port;
    }

    private static void checkSslMode(String mode, String origin) {
        if (mode != null && !SSL_MODES.contains(mode)) {
            throw new UserError(origin + ": sslmode \"" + mode + "\" is not one of " + String.join(", ", SSL_MODES)
                    + "; use sslmode=require (or verify-full) for a remote server");
        }
    }

    private static String unixSocket(String origin, String host) {
        return origin + ": host \"" + host + "\" is a Unix-domain socket, which the JDBC driver cannot use;"
                + " connect over TCP instead (host=127.0.0.1 or localhost)";
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Reads one URL into {@link Parts}; every error names the bad part and shows the URL masked. */
    private static final class Parser {
        private final String raw;
        private final String origin;
        private String display;       // the URL as shown in errors, password masked
        private String knownPassword; // for a last literal scrub of error lines
        private boolean atSeen;

        Parser(String raw, String origin) {
            this.raw = raw == null ? "" : raw.strip();
            this.origin = origin;
            this.display = Secrets.mask(this.raw);
        }

        private UserError fail(String what) {
            String line = origin + ": " + what + " (in " + display + ")";
            if (knownPassword != null && knownPassword.length() >= 3) {
                line = line.replace(knownPassword, Secrets.MASK);
            }
            return new UserError(Secrets.mask(line));
        }

        Parts parse() {
            if (raw.isEmpty()) {
                throw new UserError(origin + " is empty; set it to " + EXAMPLE);
            }
            String lower = raw.toLowerCase(Locale.ROOT);
            String rest;
            boolean authority = true;
            if (lower.startsWith("jdbc:postgresql://")) {
                rest = raw.substring("jdbc:postgresql://".length());
            } else if (lower.startsWith("postgresql://")) {
                rest = raw.substring("postgresql://".length());
            } else if (lower.startsWith("postgres://")) {
                rest = raw.substring("postgres://".length());
            } else if (lower.startsWith("jdbc:postgresql:")) {
                rest = raw.substring("jdbc:postgresql:".length());
                authority = false;
            } else {
                throw schemeError(lower);
            }
            for (int i = 0; i < rest.length(); i++) {
                if (Character.isWhitespace(rest.charAt(i)) || Character.isISOControl(rest.charAt(i))) {
                    throw fail("it contains a space or control character; percent-encode it (a space is %20)");
                }
            }
            Parts parts = new Parts();
            String afterAuthority = authority ? readAuthority(rest, parts) : rest;
            readPathAndQuery(afterAuthority, parts, authority);
            return parts;
        }

        private UserError schemeError(String lower) {
            if (lower.startsWith("sqlite:") || lower.endsWith(".db") || lower.endsWith(".sqlite") || lower.endsWith(".sqlite3")) {
                return fail("this is a SQLite database, not PostgreSQL; the target must be " + EXAMPLE
                        + " (a SQLite file is a source: sqlite:PATH)");
            }
            if (lower.startsWith("postgres:") || lower.startsWith("postgresql:")) {
                return fail("the scheme must be followed by \"//\"; write " + EXAMPLE);
            }
            Matcher m = SCHEME.matcher(lower);
            if (m.find() && !(lower.length() > m.end() && Character.isDigit(lower.charAt(m.end())))) { // not host:port
                String scheme = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                return fail("scheme \"" + scheme + ":\" is not PostgreSQL; pgferry needs postgresql://, postgres:// or jdbc:postgresql://, as in " + EXAMPLE);
            }
            return fail("it does not start with postgresql://, postgres:// or jdbc:postgresql://; write " + EXAMPLE);
        }

        /** Reads {@code [userinfo@]hostlist}; returns what follows it. */
        private String readAuthority(String rest, Parts parts) {
            int q = rest.indexOf('?');
            int at = (q < 0 ? rest : rest.substring(0, q)).lastIndexOf('@');
            if (at < 0 && q >= 0) {
                int later = rest.lastIndexOf('@');
                if (later > q) {
                    String between = rest.substring(q, later);
                    if (between.indexOf('=') < 0 && between.indexOf('&') < 0) {
                        at = later; // a '?' inside the password
                    }
                }
            }
            String afterAt = rest;
            if (at >= 0) {
                atSeen = true;
                String userInfo = rest.substring(0, at);
                afterAt = rest.substring(at + 1);
                int colon = userInfo.indexOf(':');
                String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
                String rawPassword = colon < 0 ? null : userInfo.substring(colon + 1);
                String head = raw.substring(0, raw.length() - rest.length());
                display = Secrets.mask(head + rawUser + (rawPassword == null ? "" : ":" + Secrets.MASK) + "@" + afterAt);
                if (rawPassword != null) {
                    knownPassword = rawPassword;
                    try {
                        parts.password = PercentCoding.decode(rawPassword);
                    } catch (PercentCoding.BadEscape e) {
                        throw fail("the password " + e.getMessage());
                    }
                }
                if (!rawUser.isEmpty()) {
                    try {
                        parts.user = PercentCoding.decode(rawUser);
                    } catch (PercentCoding.BadEscape e) {
                        throw fail("the user name " + e.getMessage());
                    }
                } else if (rawPassword != null) {
                    throw fail("there is a password but no user name before it; write USER:PASSWORD@HOST");
                }
            }
            int end = 0;
            while (end < afterAt.length() && afterAt.charAt(end) != '/' && afterAt.charAt(end) != '?') {
                end++;
            }
            readHosts(afterAt.substring(0, end), parts);
            return afterAt.substring(end);
        }

        private void readHosts(String spec, Parts parts) {
            if (spec.isEmpty()) {
                return;
            }
            List<String> names = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            List<String> entries = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < spec.length(); i++) {
                char c = spec.charAt(i);
                if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth = Math.max(0, depth - 1);
                } else if (c == ',' && depth == 0) {
                    entries.add(spec.substring(start, i));
                    start = i + 1;
                }
            }
            entries.add(spec.substring(start));
            boolean anyName = false;
            for (String entry : entries) {
                if (entry.isEmpty()) {
                    throw fail("the host list has an empty entry (two commas in a row, or one at an end); separate hosts by single commas: h1:5432,h2:5433");
                }
                String name;
                String port = null;
                if (entry.startsWith("[")) {
                    int close = entry.indexOf(']');
                    if (close < 0) {
                        throw fail("an IPv6 address lacks its closing ']'; write [::1]:5432");
                    }
                    name = entry.substring(1, close);
                    String after = entry.substring(close + 1);
                    if (!after.isEmpty()) {
                        if (!after.startsWith(":")) {
                            throw fail("unexpected text after the IPv6 address [" + name + "]; write [" + name + "]:5432");
                        }
                        port = after.substring(1);
                    }
                    if (!IPV6.matcher(name).matches() || name.indexOf(':') < 0) {
                        throw fail("\"[" + name + "]\" is not an IPv6 address; brackets are only for IPv6 such as [::1]");
                    }
                } else {
                    int colon = entry.indexOf(':');
                    if (colon >= 0 && entry.indexOf(':', colon + 1) >= 0) {
                        throw fail(atSeen
                                ? "host \"" + entry + "\" looks like an IPv6 address; put it in brackets: [" + entry + "]:5432"
                                : "a host has more than one ':'; an IPv6 address goes in brackets ([::1]:5432), and USER:PASSWORD must end with '@' before the host");
                    }
                    name = colon < 0 ? entry : entry.substring(0, colon);
                    port = colon < 0 ? null : entry.substring(colon + 1);
                    try {
                        name = PercentCoding.decode(name);
                    } catch (PercentCoding.BadEscape e) {
                        throw fail("the host name " + e.getMessage());
                    }
                    if (name.startsWith("/")) {
                        throw fail(unixSocket("", name).substring(2));
                    }
                    if (!name.isEmpty() && !HOST_NAME.matcher(name).matches()) {
                        throw fail("host \"" + name + "\" has characters a host name cannot have; write a name such as db.example.com or an IP address");
                    }
                }
                names.add(name.isEmpty() ? null : name);
                anyName |= !name.isEmpty();
                ports.add(port == null ? null : port(port, name, !atSeen));
            }
            if (anyName) {
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i) == null) {
                        throw fail("a host in the list has a port but no name; write host:port for each");
                    }
                }
                parts.hostNames = names;
            }
            parts.ports = ports;
        }

        private Integer port(String port, String host, boolean mayBePassword) {
            if (port.isEmpty()) {
                throw fail(host == null ? "parameter port has an empty entry; write port=5432"
                        : "the port after \"" + host + ":\" is empty; write " + host + ":5432 or leave out the ':'");
            }
            if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                if (mayBePassword) {
                    // without '@' the text after ':' may be a password whose '@HOST' was forgotten
                    throw fail("the port of host \"" + host + "\" is not a number; if \"" + host
                            + ":...\" is USER:PASSWORD, follow it with @HOST");
                }
                throw fail("port \"" + port + "\" is not a number; use a port from 1 to 65535 such as 5432");
            }
            int n = port.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(port);
            if (n < 1 || n > 65535) {
                throw fail("port " + port + " is out of range; use a port from 1 to 65535 such as 5432");
            }
            return n;
        }

        private void readPathAndQuery(String s, Parts parts, boolean authority) {
            int hash = s.indexOf('#');
            if (hash >= 0) {
                throw fail("it has a '#'; a URL cannot carry a fragment (percent-encode a '#' in a value as %23)");
            }
            int q = s.indexOf('?');
            String path = q < 0 ? s : s.substring(0, q);
            String query = q < 0 ? null : s.substring(q + 1);
            if (authority && !path.isEmpty() && !path.startsWith("/")) {
                throw fail("unexpected text \"" + path + "\" after the host; the database goes after a '/'");
            }
            String dbRaw = path.startsWith("/") ? path.substring(1) : path;
            if (!dbRaw.isEmpty()) {
                if (dbRaw.indexOf('/') >= 0) {
                    throw fail("database name \"" + dbRaw + "\" has a '/'; the path is one database name (percent-encode a '/' in it as %2F)");
                }
                try {
                    parts.database = PercentCoding.decode(dbRaw);
                } catch (PercentCoding.BadEscape e) {
                    throw fail("the database name " + e.getMessage());
                }
            }
            if (query != null) {
                readQuery(query, parts);
            }
        }

        private void readQuery(String query, Parts parts) {
            String hostParam = null;
            String portParam = null;
            Map<String, String> seen = new LinkedHashMap<>();
            for (String piece : query.split("&", -1)) {
                if (piece.isEmpty()) {
                    continue;
                }
                int eq = piece.indexOf('=');
                if (eq < 0) {
                    throw fail("parameter \"" + piece + "\" has no value; write " + piece + "=VALUE");
                }
                String name;
                try {
                    name = PercentCoding.decode(piece.substring(0, eq));
                } catch (PercentCoding.BadEscape e) {
                    throw fail("a parameter name " + e.getMessage());
                }
                if (name.isEmpty()) {
                    throw fail("a parameter has no name before its '='; write name=VALUE");
                }
                boolean secret = isSecretName(name);
                if (secret) {
                    knownPassword = piece.substring(eq + 1);
                }
                String value;
                try {
                    value = PercentCoding.decode(piece.substring(eq + 1));
                } catch (PercentCoding.BadEscape e) {
                    throw fail("the value of parameter \"" + name + "\" " + e.getMessage());
                }
                if (seen.put(name, value) != null) {
                    throw fail("parameter \"" + name + "\" is given twice; keep one");
                }
                switch (name) {
                    case "user" -> {
                        if (parts.user != null) {
                            throw fail("the user is given both before '@' and as user=; keep one");
                        }
                        parts.user = value.isEmpty() ? null : value;
                    }
                    case "password" -> {
                        if (parts.password != null) {
                            throw fail("the password is given both before '@' and as password=; keep one");
                        }
                        parts.password = value;
                    }
                    case "dbname" -> {
                        if (parts.database != null) {
                            throw fail("the database is given both in the path and as dbname=; keep one");
                        }
                        if (value.isEmpty()) {
                            throw fail("parameter dbname is empty; write dbname=DATABASE");
                        }
                        parts.database = value;
                    }
                    case "host" -> hostParam = value;
                    case "port" -> portParam = value;
                    case "sslmode" -> {
                        if (!SSL_MODES.contains(value)) {
                            throw fail("sslmode \"" + value + "\" is not one of " + String.join(", ", SSL_MODES)
                                    + "; use sslmode=require (or verify-full) for a remote server");
                        }
                        parts.parameters.put(name, value);
                    }
                    case "ssl" -> {
                        if (!value.equals("true") && !value.equals("false")) {
                            throw fail("ssl \"" + value + "\" is not true or false; prefer sslmode=require or verify-full");
                        }
                        parts.parameters.put(name, value);
                    }
                    default -> parts.parameters.put(name, value);
                }
            }
            if (hostParam != null) {
                List<String> names = new ArrayList<>();
                for (String h : hostParam.split(",", -1)) {
                    String name = h.strip();
                    if (name.startsWith("[") && name.endsWith("]")) {
                        name = name.substring(1, name.length() - 1);
                    }
                    if (name.startsWith("/")) {
                        throw fail(unixSocket("", name).substring(2));
                    }
                    if (name.isEmpty() || !(HOST_NAME.matcher(name).matches() || IPV6.matcher(name).matches())) {
                        throw fail("host=\"" + hostParam + "\" is not a list of host names or IP addresses; write host=db.example.com");
                    }
                    names.add(name);
                }
                parts.hostNames = names;
                if (portParam == null && parts.ports != null && parts.ports.size() != names.size()) {
                    parts.ports = null;
                }
            }
            if (portParam != null) {
                List<Integer> ports = new ArrayList<>();
                for (String p : portParam.split(",", -1)) {
                    ports.add(port(p.strip(), null, false));
                }
                int hostCount = parts.hostNames == null ? 1 : parts.hostNames.size();
                if (ports.size() != 1 && ports.size() != hostCount) {
                    throw fail(hostCount + " hosts but " + ports.size() + " ports; give one port for all hosts or one port per host");
                }
                parts.ports = ports;
            }
        }
    }

    private static boolean isSecretName(String name) {
        return name.equals("password") || SECRET_PARAMETERS.contains(name);
    }

    // ------------------------------------------------------------------ accessors

    public List<Host> hosts() {
        return hosts;
    }

    /** The first (usually only) host name. */
    public String host() {
        return hosts.get(0).name();
    }

    /** The first host's port. */
    public int port() {
        return hosts.get(0).port();
    }

    public String database() {
        return database;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password, for a driver or pool only. Never print, log or put it in a message. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** Query parameters other than user, password, host, port and dbname, as written (libpq names). */
    public Map<String, String> parameters() {
        return parameters;
    }

    public Optional<String> sslmode() {
        return Optional.ofNullable(parameters.get("sslmode"));
    }

    /**
     * The sslmode the driver will use: the {@code sslmode} parameter; else {@code verify-full} for
     * PgJDBC's {@code ssl=true}; else {@code prefer}, the default of both libpq and PgJDBC (try TLS,
     * fall back to an unencrypted connection without saying so).
     */
    public String effectiveSslMode() {
        String mode = parameters.get("sslmode");
        if (mode != null) {
            return mode;
        }
        if ("true".equals(parameters.get("ssl"))) {
            return "verify-full";
        }
        if ("false".equals(parameters.get("ssl"))) {
            return "disable";
        }
        return "prefer";
    }

    /** True when every host is this machine (localhost, 127.0.0.0/8, ::1); names are not looked up. */
    public boolean isLoopback() {
        return hosts.stream().allMatch(Host::isLoopback);
    }

    /** The same server and login, another database (e.g. a scratch database for a test). */
    public DatabaseUrl withDatabase(String name) {
        if (name == null || name.isBlank()) {
            throw new UserError("database name is empty; give the name of a database");
        }
        return new DatabaseUrl(hosts, name, user, password, parameters);
    }

    // ------------------------------------------------------------------ writing

    /**
     * {@code jdbc:postgresql://host:port[,host2:port2]/database?params}: every parameter except the
     * user name and the secrets (password, sslpassword), in PgJDBC's names. Safe to log; pass
     * {@link #properties()} (or user and password) beside it.
     */
    public String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://");
        sb.append(hosts.stream().map(Host::spec).collect(Collectors.joining(",")));
        sb.append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8));
        String query = jdbcParameters().entrySet().stream()
                .filter(e -> !SECRET_PARAMETERS.contains(e.getKey()))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (!query.isEmpty()) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    /**
     * Connection properties for {@code DriverManager.getConnection(jdbcUrl(), properties())} or a
     * pool: {@code user}, {@code password} and every parameter in PgJDBC's names. Holds the
     * password: never print it.
     */
    public Properties properties() {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        jdbcParameters().forEach(props::setProperty);
        return props;
    }

    /** The parameters under PgJDBC's names (libpq's application_name is PgJDBC's ApplicationName, ...). */
    public Map<String, String> jdbcParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            switch (name) {
                case "application_name" -> out.put("ApplicationName", value);
                case "connect_timeout" -> out.put("connectTimeout", value);
                case "target_session_attrs" -> out.put("targetServerType", switch (value) {
                    case "read-write", "primary" -> "primary";
                    case "read-only", "standby" -> "secondary";
                    case "prefer-standby" -> "preferSecondary";
                    default -> "any";
                });
                default -> out.put(name, value);
            }
        });
        return out;
    }

    /**
     * Opens a JDBC connection: the password travels as a property, never in the URL; a failure is
     * one line naming this URL with its password masked.
     */
    public java.sql.Connection connect() {
        Properties props = properties();
        props.putIfAbsent("ApplicationName", "pgferry");
        props.putIfAbsent("connectTimeout", "10");
        try {
            return java.sql.DriverManager.getConnection(jdbcUrl(), props);
        } catch (java.sql.SQLException e) {
            String reason = e.getMessage() == null ? String.valueOf(e.getSQLState()) : e.getMessage().lines().findFirst().orElse("");
            throw new pgferry.UserError(Secrets.mask("cannot connect to " + this + " (" + reason
                    + "): check the URL, or start the local service with 'pgferry up'"));
        }
    }

    /**
     * The libpq environment for client programs (pg_dump, pg_restore, psql): PGPASSWORD, so that the
     * password is never on a command line, and PGSSLMODE and friends for the URL's parameters.
     */
    public Map<String, String> libpqEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        parameters.forEach((name, value) -> {
            switch (name) {
                case "sslmode" -> env.put("PGSSLMODE", value);
                case "sslrootcert" -> env.put("PGSSLROOTCERT", value);
                case "sslcert" -> env.put("PGSSLCERT", value);
                case "sslkey" -> env.put("PGSSLKEY", value);
                case "options" -> env.put("PGOPTIONS", value);
                case "application_name" -> env.put("PGAPPNAME", value);
                case "connect_timeout" -> env.put("PGCONNECT_TIMEOUT", value);
                default -> {
                    // JDBC-only settings mean nothing to libpq
                }
            }
        });
        return env;
    }

    /** {@code postgresql://user:***@host:port/database?params}, the password masked: safe to print. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("postgresql://");
        if (user != null) {
            sb.append(PercentCoding.encode(user));
            if (password != null) {
                sb.append(':').append(Secrets.MASK);
            }
            sb.append('@');
        }
        sb.append(hosts.stream().map(Host::spec).collect(Collectors.joining(",")));
        sb.append('/').append(PercentCoding.encode(database));
        if (!parameters.isEmpty()) {
            sb.append('?').append(parameters.entrySet().stream()
                    .map(e -> PercentCoding.encode(e.getKey()) + "="
                            + (SECRET_PARAMETERS.contains(e.getKey()) ? Secrets.MASK : PercentCoding.encode(e.getValue())))
                    .collect(Collectors.joining("&")));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseUrl other && hosts.equals(other.hosts) && database.equals(other.database)
                && Objects.equals(user, other.user) && Objects.equals(password, other.password)
                && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hosts, database, user, password, parameters);
    }
}
