package pgferry.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL identifiers for source names (DESIGN.md, Identifiers): a plain name becomes lower
 * snake_case ({@code OrderQty} → {@code order_qty}) when no other name in the same namespace maps to
 * the same result; a name with spaces, quotes or other characters, or one whose snake_case form would
 * collide, is kept as-is (it is always quoted). Names longer than PostgreSQL's 63 bytes are shortened
 * with a hash suffix instead of being truncated silently by the server.
 */
public final class Identifiers {

    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Identifiers() {
    }

    /** An identifier in double quotes, inner quotes doubled: safe for any name. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The lower snake_case form of a plain name, or null when the name is not plain. */
    public static String snakeCase(String name) {
        if (!PLAIN.matcher(name).matches()) {
            return null;
        }
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char prev = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (prev != '_' && (Character.isLowerCase(prev) || Character.isDigit(prev)
                        || Character.isUpperCase(prev) && nextLower)) {
                    b.append('_');
                }
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /**
     * Maps the names of one namespace (the tables of a database, or the columns of a table).
     *
     * @return source name → target name, in the given order
     */
    public static Map<String, String> map(Collection<String> names) {
        Map<String, String> target = new LinkedHashMap<>();
        for (String n : names) {
            String s = snakeCase(n);
            target.put(n, s == null ? n : s);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, List<String>> byTarget = new HashMap<>();
            for (Map.Entry<String, String> e : target.entrySet()) {
                byTarget.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
            }
            for (List<String> group : byTarget.values()) {
                if (group.size() > 1) {
                    for (String n : group) {
                        if (!target.get(n).equals(n)) {
                            target.put(n, n);
                            changed = true;
                        }
                    }
                }
            }
        }
        Set<String> taken = new HashSet<>();
        for (Map.Entry<String, String> e : target.entrySet()) {
            String t = e.getValue();
            if (utf8Length(t) > MAX_BYTES) {
                t = shorten(t, e.getKey(), taken);
                e.setValue(t);
            }
            taken.add(t);
        }
        return target;
    }

    /** Why a name changed, for the rename record. */
    static String reason(String from, String to) {
        return to.equals(snakeCase(from)) ? "lower snake_case" : "shortened to PostgreSQL's 63-byte limit";
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A name of at most 63 bytes: a prefix of {@code name} plus "_" and 8 hex digits of a hash of {@code seed}. */
    static String shorten(String name, String seed, Set<String> taken) {
        String hash = String.format("%08x", seed.hashCode());
        StringBuilder prefix = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_BYTES - 9) {
                break;
            }
            prefix.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        String candidate = prefix + "_" + hash;
        int n = 2;
        while (taken.contains(candidate)) {
            candidate = prefix.substring(0, Math.max(0, prefix.length() - 3)) + "_" + hash + n++;
        }
        return candidate;
    }

    /**
     * A namespace of PostgreSQL relation and constraint names; hands out unique names for generated
     * ones ({@code trades_pkey}, {@code trades_symbol_key}...).
     */
    static final class Namespace {
        private final Set<String> taken = new HashSet<>();

        void reserve(String name) {
            taken.add(name);
        }

        boolean isTaken(String name) {
            return taken.contains(name);
        }

        /** {@code wanted} itself if free, else wanted_2, wanted_3...; at most 63 bytes. */
        String claim(String wanted) {
            String base = utf8Length(wanted) > MAX_BYTES ? shorten(wanted, wanted, taken) : wanted;
            String name = base;
            int n = 2;
            while (taken.contains(name)) {
                String suffix = "_" + n++;
                String b = base;
                while (utf8Length(b + suffix) > MAX_BYTES) {
                    b = b.substring(0, b.length() - 1);
                }
                name = b + suffix;
            }
            taken.add(name);
            return name;
        }
    }
}
