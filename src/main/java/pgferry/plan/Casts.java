package pgferry.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pgferry.UserError;
import pgferry.catalog.Catalog;
import pgferry.catalog.Table;

/**
 * User overrides of the planned types: {@code table.column=TYPE} from {@code --cast} (repeatable)
 * and from a mapping file, applied over the default rules. Names are the SOURCE names (matched
 * case-insensitively; quote a name holding a dot or '=' in double quotes: {@code "my.table".price=numeric}).
 * A mapping file is a JSON object of the same pairs:
 * <pre>{@code {"trades.price": "numeric(18,6)", "trades.flags": "text"}}</pre>
 * Every bad override is a {@link UserError} naming it; an override for a missing table or column is
 * reported by {@link #validate(Catalog)}.
 */
public final class Casts {

    /** One override. */
    public record Cast(String table, String column, TargetType type, String origin) {
    }

    private final Map<String, Cast> casts;

    private Casts(Map<String, Cast> casts) {
        this.casts = Collections.unmodifiableMap(casts);
    }

    public static Casts none() {
        return new Casts(new LinkedHashMap<>());
    }

    /** Casts made by code, e.g. implied by an existing target schema (later ones win). */
    public static Casts of(List<Cast> casts) {
        Map<String, Cast> out = new LinkedHashMap<>();
        for (Cast c : casts) {
            out.put(key(c.table(), c.column()), c);
        }
        return new Casts(out);
    }

    /** Parses {@code table.column=TYPE} strings (later ones win). */
    public static Casts parse(List<String> specs) {
        Map<String, Cast> out = new LinkedHashMap<>();
        for (String spec : specs) {
            Cast c = parseOne(spec, "--cast " + spec);
            out.put(key(c.table(), c.column()), c);
        }
        return new Casts(out);
    }

    /** Reads a JSON mapping file: an object of "table.column": "TYPE" pairs. */
    public static Casts fromFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("cast mapping file " + file + " does not exist: check the path");
        } catch (IOException e) {
            throw new UserError("cast mapping file " + file + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new UserError("cast mapping file " + file
                    + " must hold a JSON object like {\"trades.price\": \"numeric(18,6)\"}");
        }
        Map<String, Cast> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "cast mapping file " + file + ", entry \"" + e.getKey() + "\"";
            if (!e.getValue().isTextual()) {
                throw new UserError(where + ": the type must be a string such as \"numeric(18,6)\"");
            }
            Cast c = parseOne(e.getKey() + "=" + e.getValue().asText(), where);
            out.put(key(c.table(), c.column()), c);
        }
        return new Casts(out);
    }

    /** These overrides with {@code later}'s taking precedence. */
    public Casts and(Casts later) {
        Map<String, Cast> out = new LinkedHashMap<>(casts);
        out.putAll(later.casts);
        return new Casts(out);
    }

    private static Cast parseOne(String spec, String origin) {
        List<String> parts = splitName(spec, origin);
        String table = parts.get(0);
        String column = parts.get(1);
        String type = parts.get(2);
        try {
            return new Cast(table, column, TargetType.parse(type), origin);
        } catch (IllegalArgumentException e) {
            throw new UserError(origin + ": " + e.getMessage());
        }
    }

    /** table, column, type of "table.column=type", honouring double quotes around names. */
    private static List<String> splitName(String spec, String origin) {
        List<String> names = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < spec.length() && spec.charAt(i + 1) == '"') {
                    cur.append('"');
                    i += 2;
                    continue;
                }
                quoted = !quoted;
            } else if (!quoted && c == '.' && names.isEmpty()) {
                names.add(cur.toString().trim());
                cur.setLength(0);
            } else if (!quoted && c == '=') {
                names.add(cur.toString().trim());
                String type = spec.substring(i + 1).trim();
                if (names.size() != 2 || names.get(0).isEmpty() || names.get(1).isEmpty() || type.isEmpty()) {
                    break;
                }
                names.add(type);
                return names;
            } else {
                cur.append(c);
            }
            i++;
        }
        throw new UserError(origin + ": expected table.column=TYPE, e.g. trades.price=numeric(18,6)");
    }

    private static String key(String table, String column) {
        return table.toLowerCase(Locale.ROOT) + "\u0000" + column.toLowerCase(Locale.ROOT);
    }

    /** The override for a source column, if any. */
    public Optional<TargetType> lookup(String table, String column) {
        return Optional.ofNullable(casts.get(key(table, column))).map(Cast::type);
    }

    public List<Cast> all() {
        return List.copyOf(casts.values());
    }

    public boolean isEmpty() {
        return casts.isEmpty();
    }

    /** Fails with a UserError for an override naming a table or column that does not exist. */
    public void validate(Catalog catalog) {
        for (Cast c : casts.values()) {
            Optional<Table> t = catalog.table(c.table());
            if (t.isEmpty()) {
                throw new UserError(c.origin() + ": there is no table " + c.table() + " (tables: "
                        + String.join(", ", catalog.tables().stream().map(Table::name).toList()) + ")");
            }
            if (t.get().column(c.column()).isEmpty()) {
                throw new UserError(c.origin() + ": table " + t.get().name() + " has no column " + c.column()
                        + " (columns: " + String.join(", ", t.get().columns().stream().map(x -> x.name()).toList()) + ")");
            }
        }
    }
}
