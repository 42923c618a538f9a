package pgferry.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the store needs to know about one kind of entity: its name, its natural key, and how it is
 * written as a JSON object. The key is a string (a trade id; a composite key joined by the entity).
 *
 * @param <T> the application's value type, e.g. a {@code Trade} record
 */
public interface EntityType<T> {

    /** Short name used in the outbox and in messages, e.g. {@code trades}. */
    String name();

    /** The natural key of a value, e.g. its trade id. */
    String keyOf(T value);

    /** The natural key of a JSON element of the store's file. */
    String keyOf(ObjectNode json);

    /** The value as a JSON object with the store's field names. */
    ObjectNode toJson(T value);

    /** The value read back from a JSON object of the store's file. */
    T fromJson(ObjectNode json);
}
