package pgferry.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import pgferry.UserError;

/**
 * What {@code PGFERRY_ENV=production} refuses (outside production nothing is refused):
 * <ul>
 * <li>an empty or missing password (unless a client certificate, {@code sslcert}, logs in);</li>
 * <li>a well-known default password: postgres, password, admin, root, changeme, secret, 123456 and
 *     the like, the user name itself, or the database name;</li>
 * <li>toward a host that is not this machine: {@code sslmode} disable, allow or prefer — and no
 *     sslmode at all, because the default of libpq and PgJDBC is {@code prefer}, which falls back to
 *     an unencrypted connection without a word. {@code require}, {@code verify-ca} and
 *     {@code verify-full} (or PgJDBC's {@code ssl=true}, which means verify-full) pass.</li>
 * </ul>
 * Each refusal is one line saying why and how to fix it, with the password never in it.
 */
public final class ProductionRules {

    public static final String VARIABLE = "PGFERRY_ENV";

    /** Passwords that ship as defaults or sit in every example; compared ignoring case. */
    static final Set<String> DEFAULT_PASSWORDS = Set.of(
            "postgres", "postgresql", "password", "passw0rd", "pass", "passwd", "admin", "administrator",
            "root", "toor", "changeme", "change_me", "changeit", "secret", "123456", "1234567", "12345678",
            "123456789", "1234", "12345", "qwerty", "letmein", "test", "default", "welcome", "guest",
            "strong_password", "your_password", "yourpassword", "mypassword", "pgpass", "pgferry");

    private static final Set<String> WEAK_SSL_MODES = Set.of("disable", "allow", "prefer");

    private ProductionRules() {
    }

    /** True when {@code PGFERRY_ENV} is {@code production} (any case, spaces ignored). */
    public static boolean isProduction(Map<String, String> env) {
        String value = env.get(VARIABLE);
        return value != null && value.strip().equalsIgnoreCase("production");
    }

    /** Every refusal for this URL in this environment, each one line; empty outside production. */
    public static List<String> refusals(DatabaseUrl url, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        if (!isProduction(env)) {
            return out;
        }
        String prefix = VARIABLE + "=production: ";
        String user = url.user().orElse("");
        boolean clientCertificate = url.parameters().containsKey("sslcert");
        if (!url.hasPassword()) {
            if (!clientCertificate) {
                out.add(prefix + "the connection to " + url + " has no password; set a strong password for user \""
                        + user + "\" in DATABASE_URL (postgresql://USER:PASSWORD@HOST/DB) or PGPASSWORD");
            }
        } else {
            String password = url.password().orElseThrow().strip().toLowerCase(Locale.ROOT);
            String why = null;
            if (DEFAULT_PASSWORDS.contains(password)) {
                why = "is a well-known default password";
            } else if (!user.isEmpty() && password.equals(user.toLowerCase(Locale.ROOT))) {
                why = "is the user name itself";
            } else if (password.equals(url.database().toLowerCase(Locale.ROOT))) {
                why = "is the database name";
            }
            if (why != null) {
                // the user is not named: here its name may be the password itself
                out.add(prefix + "the database password " + why + "; change it on the server"
                        + " (ALTER ROLE ... PASSWORD) to a long random one and put that in DATABASE_URL");
            }
        }
        if (!url.isLoopback()) {
            String mode = url.effectiveSslMode();
            String hosts = url.hosts().stream().map(DatabaseUrl.Host::name).reduce((a, b) -> a + "," + b).orElse("");
            if (WEAK_SSL_MODES.contains(mode)) {
                String stated = url.sslmode().isPresent() || url.parameters().containsKey("ssl")
                        ? "sslmode=" + mode + (mode.equals("disable") ? " sends" : " may send")
                        : "no sslmode is set, and the default (prefer) may send";
                out.add(prefix + stated + " the password and data unencrypted to " + hosts
                        + "; add ?sslmode=require to the URL (better: sslmode=verify-full&sslrootcert=PATH/TO/ca.pem)");
            }
        }
        return out;
    }

    /** Throws the first refusal as a {@link UserError}; does nothing outside production. */
    public static void enforce(DatabaseUrl url, Map<String, String> env) {
        List<String> refusals = refusals(url, env);
        if (!refusals.isEmpty()) {
            throw new UserError(Secrets.mask(refusals.get(0)));
        }
    }
}
