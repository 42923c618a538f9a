package pgferry.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import pgferry.store.DualWriteStore;
import pgferry.store.EntityType;
import pgferry.store.PgRepository;

/**
 * Seed 002's {@code test_data_consistency} for one dual-written collection: every key whose value in
 * the JSON file differs from its PostgreSQL row, or that one side lacks. Values are compared as the
 * entity's JSON form with numbers by value (10.5 = 10.50) and times by instant.
 */
final class StoreConsistency {

    private StoreConsistency() {
    }

    /** One line per difference; empty when the two stores agree. */
    static <T> List<String> differences(DualWriteStore<T> store, PgRepository<T> repository, Connection c) throws SQLException {
        EntityType<T> type = store.type();
        Map<String, ObjectNode> json = byKey(type, store.findAllInJson());
        Map<String, ObjectNode> pg = byKey(type, repository.findAll(c));
        List<String> out = new ArrayList<>();
        for (String key : new TreeSet<>(union(json, pg))) {
            ObjectNode a = json.get(key);
            ObjectNode b = pg.get(key);
            if (a == null) {
                out.add(type.name() + " " + key + ": only in PostgreSQL");
            } else if (b == null) {
                out.add(type.name() + " " + key + ": only in the JSON file");
            } else if (!same(a, b)) {
                out.add(type.name() + " " + key + ": JSON " + a + " | PostgreSQL " + b);
            }
        }
        return out;
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static <T> Map<String, ObjectNode> byKey(EntityType<T> type, List<T> values) {
        Map<String, ObjectNode> m = new LinkedHashMap<>();
        for (T v : values) {
            m.put(type.keyOf(v), type.toJson(v));
        }
        return m;
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.asText().equals(b.asText()) || sameInstant(a.asText(), b.asText());
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (!b.has(n) || !same(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
