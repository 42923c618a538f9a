package pgferry.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pgferry.UserError;
import pgferry.config.SourceLocation;
import pgferry.load.MigrationResult;
import pgferry.source.json.JsonStore;
import pgferry.source.json.Mapping;

/** SOURCE arguments of the form json:DIR, opened with their --mapping file. */
final class JsonSources {

    private JsonSources() {
    }

    static boolean isJson(String source) {
        return source != null && source.strip().toLowerCase(Locale.ROOT).startsWith("json:");
    }

    static JsonStore open(String source, Path mapping) {
        SourceLocation location = SourceLocation.parse(source);
        if (mapping == null) {
            throw new UserError("a JSON source needs --mapping FILE saying which files feed which tables "
                    + "(examples: src/main/resources/pgferry/systems/prescient/mapping.json)");
        }
        return JsonStore.open(location.path(), Mapping.load(mapping));
    }

    /** The result with the store's unmapped fields added to its warnings. */
    static MigrationResult withUnknownFields(MigrationResult r, JsonStore store) {
        List<String> warnings = new ArrayList<>(r.warnings());
        warnings.addAll(store.unknownFieldReport());
        return new MigrationResult(r.source(), r.target(), r.tables(), r.postData(), r.rejectsFile(), r.totalRejected(),
                r.wallMillis(), warnings);
    }
}
