package pgferry.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;

/** Child process of {@link JsonFileStoreTest}: appends N objects to a JSON array file through the store's lock. */
public final class JsonAppenderMain {
    public static void main(String[] args) {
        JsonFileStore store = JsonFileStore.array(Path.of(args[0]));
        int count = Integer.parseInt(args[2]);
        for (int n = 0; n < count; n++) {
            int i = n;
            store.update(cur -> {
                ((ArrayNode) cur).addObject().put("who", args[1]).put("n", i);
                return cur;
            });
        }
    }
}
