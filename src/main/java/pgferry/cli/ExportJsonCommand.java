package pgferry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.UserError;
import pgferry.source.json.Mapping;
import pgferry.store.ExportResult;
import pgferry.store.ExportStyle;
import pgferry.store.JsonExport;

/** {@code pgferry export-json [TARGET] --mapping FILE --out DIR}: PostgreSQL back into the JSON-file layout. */
@Command(name = "export-json", mixinStandardHelpOptions = true,
        description = "Write PostgreSQL back into the JSON-file layout a mapping describes (the same files, arrays of objects, "
                + "single-object files, child rows nested under their parent, exact numbers, times in the files' form), "
                + "each file written atomically. The JSON fallback of seed 002: json:DIR -> PostgreSQL -> export-json gives "
                + "the same JSON trees.")
public final class ExportJsonCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "postgresql://user@host:port/db (default: the local service from services/postgres.json).")
    String target;

    @Option(names = "--mapping", required = true, paramLabel = "FILE",
            description = "The mapping file (as for migrate json:DIR), e.g. src/main/resources/pgferry/systems/prescient/mapping.json.")
    Path mapping;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: new or empty.")
    Path out;

    @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "public", description = "Source schema (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--style", paramLabel = "STYLE",
            description = "python or javascript: how numbers and non-ASCII text are printed (default: python when the "
                    + "mapping has a \"format\": \"python\" column, else javascript).")
    String style;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Mapping m = Mapping.load(mapping);
        ExportStyle s = style == null ? ExportStyle.of(m) : parseStyle(style);
        ExportResult r = JsonExport.export(m, Endpoints.target(target), schema, out, s);
        for (ExportResult.File f : r.files()) {
            w.printf(Locale.ROOT, "%-45s %-22s %10d records %12d bytes%n", f.relative(), f.table(), f.records(), f.bytes());
        }
        for (String note : r.notes()) {
            w.println("note: " + note);
        }
        w.printf(Locale.ROOT, "exported %d files, %d records to %s in %d ms%n", r.files().size(), r.records(), r.dir(), r.wallMillis());
        w.flush();
        return 0;
    }

    private static ExportStyle parseStyle(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "python" -> ExportStyle.PYTHON;
            case "javascript", "js", "node" -> ExportStyle.JAVASCRIPT;
            default -> throw new UserError("--style must be python or javascript, not " + s);
        };
    }
}
