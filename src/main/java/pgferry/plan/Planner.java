package pgferry.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import pgferry.UserError;
import pgferry.catalog.Affinity;
import pgferry.catalog.Catalog;
import pgferry.catalog.Check;
import pgferry.catalog.Column;
import pgferry.catalog.ForeignKey;
import pgferry.catalog.Index;
import pgferry.catalog.Key;
import pgferry.catalog.Table;
import pgferry.catalog.View;
import pgferry.source.sqlite.RowReader;
import pgferry.source.sqlite.SqliteSource;

/**
 * Builds the {@link MigrationPlan} for a SQLite source: default cast rules per declared type and
 * affinity, refined by one streaming pass over each table (precision audit, date-time / JSON /
 * boolean detection, epoch units), user overrides on top, identifiers mapped, constraints and indexes
 * translated, tables ordered by foreign-key dependency. Writes nothing anywhere.
 *
 * <pre>{@code
 * try (SqliteSource source = SqliteSource.open(Path.of("trading.db"))) {
 *     MigrationPlan plan = Planner.plan(source, PlanOptions.defaults());
 *     System.out.println(new DdlWriter(null).script(plan));
 * }
 * }</pre>
 */
public final class Planner {

    private static final Set<String> KNOWN_INTEGER = Set.of("INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT",
            "BIGINT", "UNSIGNED BIG INT", "INT2", "INT4", "INT8");
    private static final Set<String> KNOWN_TEXT = Set.of("CHARACTER", "VARCHAR", "VARYING CHARACTER", "NCHAR",
            "NATIVE CHARACTER", "NVARCHAR", "TEXT", "CLOB", "CHAR", "CHARACTER VARYING");
    private static final Set<String> KNOWN_REAL = Set.of("REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT4",
            "FLOAT8");

    private final SqliteSource source;
    private final PlanOptions options;
    private final List<PlanWarning> warnings = new ArrayList<>();
    private final List<Rename> renames = new ArrayList<>();
    private final List<NumericAudit> audit = new ArrayList<>();
    private final Identifiers.Namespace namespace = new Identifiers.Namespace();

    private Planner(SqliteSource source, PlanOptions options) {
        this.source = source;
        this.options = options;
    }

    /**
     * Plans the migration of {@code source}.
     *
     * @throws UserError for a bad option (an override or a table filter naming something missing)
     */
    public static MigrationPlan plan(SqliteSource source, PlanOptions options) {
        return new Planner(source, options).run();
    }

    private MigrationPlan run() {
        Catalog catalog = source.catalog();
        options.casts().validate(catalog);
        for (String w : catalog.warnings()) {
            warnings.add(new PlanWarning(null, null, w));
        }
        for (View v : catalog.views()) {
            warnings.add(new PlanWarning(v.name(), null,
                    "view not migrated: rewrite its SQLite SQL for PostgreSQL and create it after the migration"));
        }
        List<Table> tables = selectTables(catalog);
        Map<String, String> tableNames = Identifiers.map(tables.stream().map(Table::name).toList());
        for (Table t : tables) {
            String target = tableNames.get(t.name());
            namespace.reserve(target);
            if (!target.equals(t.name())) {
                renames.add(new Rename(Rename.Kind.TABLE, t.name(), t.name(), target, Identifiers.reason(t.name(), target)));
            }
        }
        Map<String, TablePlan> drafts = new LinkedHashMap<>();
        for (Table t : tables) {
            drafts.put(key(t.name()), planColumns(t, tableNames.get(t.name())));
        }
        List<TablePlan> planned = new ArrayList<>();
        for (TablePlan draft : drafts.values()) {
            planned.add(planConstraints(draft, drafts));
        }
        return new MigrationPlan(source.path(), options.sourceTimeZone(), dependencyOrder(planned), renames, warnings,
                audit, catalog.views(), options.readData());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private List<Table> selectTables(Catalog catalog) {
        for (String name : options.tables()) {
            if (catalog.table(name).isEmpty()) {
                throw new UserError("--tables " + name + ": there is no such table (tables: "
                        + catalog.tables().stream().map(Table::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        for (String name : options.excludeTables()) {
            if (catalog.table(name).isEmpty()) {
                throw new UserError("--exclude " + name + ": there is no such table (tables: "
                        + catalog.tables().stream().map(Table::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        Set<String> include = options.tables().stream().map(Planner::key).collect(Collectors.toSet());
        Set<String> exclude = options.excludeTables().stream().map(Planner::key).collect(Collectors.toSet());
        return catalog.tables().stream()
                .filter(t -> include.isEmpty() || include.contains(key(t.name())))
                .filter(t -> !exclude.contains(key(t.name())))
                .toList();
    }

    // ---- columns --------------------------------------------------------------------------------

    private void warn(Table t, Column c, String message) {
        warnings.add(new PlanWarning(t.name(), c == null ? null : c.name(), message));
    }

    private TablePlan planColumns(Table table, String targetName) {
        Map<String, ColumnProfile> profiles = new HashMap<>();
        long rows = -1;
        for (Column c : table.columns()) {
            profiles.put(key(c.name()), new ColumnProfile(c, isDateTimeName(base(c))));
        }
        if (options.readData()) {
            rows = profile(table, profiles);
        }
        Map<String, String> columnNames = Identifiers.map(table.columns().stream().map(Column::name).toList());
        Optional<Column> rowidAlias = table.rowidAlias();
        List<ColumnPlan> plans = new ArrayList<>();
        for (Column c : table.columns()) {
            String target = columnNames.get(c.name());
            if (!target.equals(c.name())) {
                renames.add(new Rename(Rename.Kind.COLUMN, table.name(), c.name(), target,
                        Identifiers.reason(c.name(), target)));
            }
            boolean isRowidAlias = rowidAlias.isPresent() && rowidAlias.get().name().equals(c.name());
            plans.add(planColumn(table, c, target, options.readData() ? profiles.get(key(c.name())) : null, isRowidAlias));
        }
        return new TablePlan(table, targetName, plans, null, List.of(), List.of(), List.of(), List.of(), rows);
    }

    private long profile(Table table, Map<String, ColumnProfile> profiles) {
        PlanOptions.Progress progress = options.progress();
        long total = progress == null ? -1 : source.rowCount(table);
        List<Column> columns = table.columns();
        ColumnProfile[] byIndex = new ColumnProfile[columns.size()];
        for (int i = 0; i < byIndex.length; i++) {
            byIndex[i] = profiles.get(key(columns.get(i).name()));
        }
        long n = 0;
        try (RowReader rows = source.rows(table, columns)) {
            while (rows.next()) {
                for (int i = 0; i < byIndex.length; i++) {
                    byIndex[i].add(rows.value(i));
                }
                n++;
                if (options.sampleRows() > 0 && n >= options.sampleRows()) {
                    break;
                }
                if (progress != null && n % PlanOptions.Progress.EVERY == 0) {
                    progress.rowsRead(table.name(), n, total);
                }
            }
        }
        if (progress != null) {
            progress.rowsRead(table.name(), n, total);
        }
        return n;
    }

    private static String base(Column c) {
        String decl = c.declaredType().trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        int paren = decl.indexOf('(');
        return paren >= 0 ? decl.substring(0, paren).trim() : decl;
    }

    private static boolean isDateTimeName(String base) {
        return base.contains("DATETIME") || base.contains("TIMESTAMP") || base.equals("DATE");
    }

    private record Decision(TargetType type, String rule, TimeNumbers numbers) {
    }

    private ColumnPlan planColumn(Table table, Column c, String target, ColumnProfile p, boolean rowidAlias) {
        Decision d = decide(table, c, p, rowidAlias);
        boolean notNull = c.notNull() || c.inPrimaryKey();
        ValueConverter converter = Converters.forType(d.type(), options.sourceTimeZone(), options.nonFinite(), d.numbers());
        if (c.inPrimaryKey() && !rowidAlias) {
            converter = Converters.notNull(converter, "NULL in primary key column " + c.name()
                    + " (SQLite allows it; PostgreSQL does not)");
        }
        if (notNull) {
            ValueConverter inner = converter;
            converter = v -> {
                Converted out = inner.convert(v);
                if (out instanceof Converted.Value value && value.isNull()) {
                    return new Rejection(v.isNull() ? "NULL in NOT NULL column " + c.name()
                            : "value " + v.display() + " maps to NULL but column " + c.name() + " is NOT NULL");
                }
                return out;
            };
        }
        String defaultSql = null;
        if (!rowidAlias && c.defaultExpression() != null) {
            DefaultTranslator.Result r = DefaultTranslator.translate(c.defaultExpression(), d.type(), c.affinity(),
                    Converters.forType(d.type(), options.sourceTimeZone(), options.nonFinite(), d.numbers()));
            defaultSql = r.sql();
            if (r.warning() != null) {
                warn(table, c, r.warning());
            }
        }
        if (c.generated()) {
            warn(table, c, "generated column: its values are loaded as a plain column; its expression is not carried");
        }
        if (c.collation() != null && !c.collation().equalsIgnoreCase("BINARY")) {
            warn(table, c, "COLLATE " + c.collation() + " is not carried: comparisons, ordering and UNIQUE become "
                    + "case- and space-sensitive in PostgreSQL");
        }
        if (p != null && (p.audit || c.affinity() == Affinity.REAL) && (d.type().kind() == TargetType.Kind.NUMERIC
                || d.type().kind() == TargetType.Kind.DOUBLE_PRECISION || d.type().kind() == TargetType.Kind.REAL)) {
            audit.add(new NumericAudit(table.name(), c.name(), c.declaredType(), p.auditValues, p.reals,
                    p.maxIntegerDigits, p.maxScale, p.nonFinite, p.negativeZeros, p.recommended(), d.type().sql()));
            if (p.nonFinite > 0 && options.nonFinite() == NonFinite.REJECT) {
                warn(table, c, p.nonFinite + " non-finite value(s) (NaN/±Infinity): those rows will be rejected"
                        + " unless --non-finite keep|null");
            }
            if (p.negativeZeros > 0) {
                warn(table, c, p.negativeZeros + " value(s) -0.0 load as 0 (NUMERIC has no negative zero)");
            }
        }
        return new ColumnPlan(c, target, d.type(), notNull, rowidAlias ? null : defaultSql, rowidAlias, converter,
                d.rule(), d.numbers());
    }

    private Decision decide(Table table, Column c, ColumnProfile p, boolean rowidAlias) {
        String base = base(c);
        Optional<TargetType> override = options.casts().lookup(table.name(), c.name());
        if (override.isPresent()) {
            TargetType t = override.get();
            TimeNumbers numbers = null;
            if (t.kind() == TargetType.Kind.TIMESTAMPTZ || t.kind() == TargetType.Kind.TIMESTAMP
                    || t.kind() == TargetType.Kind.DATE) {
                numbers = timeNumbers(table, c, p);
            }
            return new Decision(t, "override --cast " + table.name() + "." + c.name() + "=" + t.sql(), numbers);
        }
        if (rowidAlias) {
            return new Decision(TargetType.BIGINT, "INTEGER PRIMARY KEY (rowid) → bigint identity", null);
        }
        if (base.contains("BOOL")) {
            if (p == null || p.onlyZeroOne()) {
                return new Decision(TargetType.BOOLEAN, "BOOLEAN with 0/1 values → boolean", null);
            }
            Decision fallback = byValues(p, "declared " + c.declaredType());
            warn(table, c, "declared " + c.declaredType() + " but holds values other than 0/1"
                    + (p.integers > 0 ? " (integers " + p.intMin + ".." + p.intMax + ")" : "")
                    + "; planned " + fallback.type().sql());
            return fallback;
        }
        if (isDateTimeName(base)) {
            if (p != null && p.nonNull() > 0 && p.textDateTimes + p.textDateShaped == 0 && p.integers + p.reals == 0) {
                warn(table, c, "declared " + c.declaredType() + " but no value is a date-time ("
                        + p.firstNonDateTime + "); planned text");
                return new Decision(TargetType.TEXT, "declared " + c.declaredType() + " without date-time values → text", null);
            }
            TimeNumbers numbers = timeNumbers(table, c, p);
            if (p != null && !p.textAllDateTime && p.textDateTimes + p.textDateShaped > 0) {
                warn(table, c, (p.texts - p.textDateTimes) + " text value(s) are not valid date-times (e.g. "
                        + p.firstNonDateTime + "): those rows will be rejected");
            }
            if (base.equals("DATE")) {
                if (p != null && !p.textAllMidnight) {
                    warn(table, c, "declared DATE but values have a time of day; planned timestamptz so none is lost");
                    return new Decision(TargetType.TIMESTAMPTZ, "DATE holding times of day → timestamptz", numbers);
                }
                return new Decision(TargetType.DATE, "DATE → date", numbers);
            }
            return new Decision(TargetType.TIMESTAMPTZ, c.declaredType() + " → timestamptz (text without offset read in "
                    + options.sourceTimeZone() + ")", numbers);
        }
        if (base.equals("JSON") || base.equals("JSONB")) {
            return new Decision(TargetType.JSONB, c.declaredType() + " → jsonb", null);
        }
        if (base.equals("UUID")) {
            if (p == null || p.blobs == 0 && p.integers + p.reals == 0 && (p.texts == 0 || p.textAllUuid)) {
                return new Decision(TargetType.UUID, "UUID → uuid", null);
            }
            warn(table, c, "declared UUID but not every value is a UUID; planned text");
            return new Decision(TargetType.TEXT, "UUID with non-UUID values → text", null);
        }
        switch (c.affinity()) {
            case INTEGER -> {
                if (!KNOWN_INTEGER.contains(base)) {
                    warn(table, c, "unknown type name '" + c.declaredType() + "': INTEGER affinity, planned bigint");
                }
                return new Decision(TargetType.BIGINT, c.declaredType() + " → bigint", null);
            }
            case REAL -> {
                if (!KNOWN_REAL.contains(base)) {
                    warn(table, c, "unknown type name '" + c.declaredType() + "': REAL affinity, planned numeric");
                }
                return new Decision(TargetType.NUMERIC, c.declaredType() + " → numeric (shortest exact decimal of each double)", null);
            }
            case NUMERIC -> {
                if (base.equals("NUMERIC") || base.equals("DECIMAL")) {
                    return declaredNumeric(table, c, p);
                }
                if (p != null && p.texts > p.numericTexts) {
                    warn(table, c, "unknown type name '" + c.declaredType() + "' (NUMERIC affinity) holds text such as '"
                            + TextCheck.excerpt(String.valueOf(p.firstNonNumericText)) + "'; planned text");
                    return new Decision(TargetType.TEXT, "unknown type with text values → text", null);
                }
                warn(table, c, "unknown type name '" + c.declaredType() + "': NUMERIC affinity, planned numeric");
                return new Decision(TargetType.NUMERIC, "unknown type, NUMERIC affinity → numeric", null);
            }
            case TEXT -> {
                if (!KNOWN_TEXT.contains(base)) {
                    warn(table, c, "unknown type name '" + c.declaredType() + "': TEXT affinity, planned text");
                }
                return refineText(table, c, p, c.declaredType());
            }
            default -> {
                if (!base.isEmpty()) {
                    if (!base.equals("BLOB")) {
                        warn(table, c, "unknown type name '" + c.declaredType() + "': BLOB affinity, planned bytea");
                    }
                    return new Decision(TargetType.BYTEA, c.declaredType() + " → bytea", null);
                }
                Decision d = byValues(p, "no declared type");
                warn(table, c, "no declared type; planned " + d.type().sql() + " from its values");
                return d;
            }
        }
    }

    /** The type the values call for, when the declared type does not say (or is contradicted). */
    private Decision byValues(ColumnProfile p, String what) {
        if (p == null || p.nonNull() == 0) {
            return new Decision(TargetType.TEXT, what + ", no values → text", null);
        }
        if (p.texts == 0 && p.blobs == 0 && p.reals == 0) {
            return new Decision(TargetType.BIGINT, what + ", integer values → bigint", null);
        }
        if (p.texts == 0 && p.blobs == 0) {
            return new Decision(TargetType.NUMERIC, what + ", numeric values → numeric", null);
        }
        if (p.blobs == p.nonNull()) {
            return new Decision(TargetType.BYTEA, what + ", blob values → bytea", null);
        }
        if (p.texts == p.nonNull()) {
            return refineText(null, null, p, what);
        }
        return new Decision(TargetType.TEXT, what + ", mixed values → text", null);
    }

    private Decision refineText(Table table, Column c, ColumnProfile p, String what) {
        if (p != null && p.texts > 0 && p.texts == p.nonNull()) {
            if (p.textAllJson) {
                return new Decision(TargetType.JSONB, what + " holding only JSON objects/arrays → jsonb", null);
            }
            if (p.textAllDateTime && p.textDateTimes == p.texts) {
                if (p.textAllDateOnly) {
                    return new Decision(TargetType.DATE, what + " holding only dates → date", null);
                }
                return new Decision(TargetType.TIMESTAMPTZ, what + " holding only date-times → timestamptz (text without "
                        + "offset read in " + options.sourceTimeZone() + ")", null);
            }
        }
        return new Decision(TargetType.TEXT, what + " → text", null);
    }

    private Decision declaredNumeric(Table table, Column c, ColumnProfile p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)")
                .matcher(c.declaredType());
        if (!m.find()) {
            return new Decision(TargetType.NUMERIC, c.declaredType() + " → numeric", null);
        }
        int precision = Integer.parseInt(m.group(1));
        int scale = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (precision < 1 || precision > 1000 || scale > precision) {
            warn(table, c, "declared " + c.declaredType() + " is not a valid PostgreSQL numeric; planned numeric");
            return new Decision(TargetType.NUMERIC, c.declaredType() + " → numeric", null);
        }
        TargetType declared = TargetType.numeric(precision, scale);
        if (p == null || p.maxScale <= scale && p.maxIntegerDigits <= precision - scale) {
            return new Decision(declared, c.declaredType() + " → " + declared.sql() + " (every value fits)", null);
        }
        warn(table, c, "declared " + c.declaredType() + " but values need " + p.recommended()
                + " (max " + p.maxIntegerDigits + " integer digits, scale " + p.maxScale
                + "); planned numeric so nothing is rounded; --cast " + table.name() + "." + c.name() + "="
                + declared.sql() + " enforces the declared type and rejects the rows that do not fit");
        return new Decision(TargetType.NUMERIC, c.declaredType() + " with values beyond it → numeric", null);
    }

    /** How the numbers of a date-time column are read, decided from its values (null when none). */
    private TimeNumbers timeNumbers(Table table, Column c, ColumnProfile p) {
        if (p == null || p.integers + p.reals - p.nonFinite == 0) {
            return null;
        }
        long numbers = p.integers + p.reals - p.nonFinite;
        if (p.numbersAllJulian) {
            warn(table, c, numbers + " numeric value(s) read as Julian day numbers (all lie in "
                    + TimeNumbers.JULIAN_MIN + ".." + TimeNumbers.JULIAN_MAX + ")");
            return TimeNumbers.JULIAN_DAY;
        }
        TimeNumbers unit = TimeNumbers.epochUnitFor(p.numberMaxAbs);
        if (unit == null) {
            warn(table, c, "numeric values up to " + (long) p.numberMaxAbs
                    + " are too large for epoch time; read as seconds, out-of-range rows will be rejected");
            return TimeNumbers.EPOCH_SECONDS;
        }
        warn(table, c, numbers + " numeric value(s) read as " + unit.describe() + " (largest magnitude "
                + ShortestDecimal.toPlainString(p.numberMaxAbs) + ")");
        return unit;
    }

    // ---- constraints --------------------------------------------------------------------------

    private String constraintName(Table t, String sourceName, String generated) {
        if (sourceName != null) {
            String snake = Identifiers.snakeCase(sourceName);
            String wanted = snake != null ? snake : sourceName;
            String name = namespace.claim(wanted);
            if (!name.equals(sourceName)) {
                renames.add(new Rename(Rename.Kind.CONSTRAINT, t.name(), sourceName, name,
                        name.equals(snake) ? "lower snake_case" : "name already taken in PostgreSQL"));
            }
            return name;
        }
        return namespace.claim(generated);
    }

    private List<String> targets(TablePlan plan, List<String> sourceColumns) {
        List<String> out = new ArrayList<>();
        for (String s : sourceColumns) {
            Optional<ColumnPlan> c = plan.column(s);
            if (c.isEmpty()) {
                return null;
            }
            out.add(c.get().name());
        }
        return out;
    }

    private TablePlan planConstraints(TablePlan plan, Map<String, TablePlan> all) {
        Table t = plan.source();
        Map<String, String> colMap = new HashMap<>();
        Set<String> booleans = new HashSet<>();
        for (ColumnPlan c : plan.columns()) {
            colMap.put(key(c.source().name()), c.name());
            if (c.type().kind() == TargetType.Kind.BOOLEAN) {
                booleans.add(key(c.source().name()));
            }
        }
        ExpressionTranslator translator = new ExpressionTranslator(t.name(), colMap, booleans);

        Key pk = null;
        if (t.primaryKey() != null) {
            pk = new Key(constraintName(t, t.primaryKey().name(), plan.name() + "_pkey"),
                    targets(plan, t.primaryKey().columns()));
        }
        List<Key> uniques = new ArrayList<>();
        for (Key u : t.uniqueKeys()) {
            List<String> cols = targets(plan, u.columns());
            uniques.add(new Key(constraintName(t, u.name(), plan.name() + "_" + String.join("_", cols) + "_key"), cols));
        }
        List<Check> checks = new ArrayList<>();
        for (Check ch : t.checks()) {
            ExpressionTranslator.Result r = translator.translate(ch.expression());
            if (r.problem() != null) {
                warnings.add(new PlanWarning(t.name(), ch.column(), "CHECK (" + oneLine(ch.expression())
                        + ") not carried: " + r.problem()));
                continue;
            }
            String generated = plan.name() + "_" + (ch.column() != null ? colMap.get(key(ch.column())) + "_" : "") + "check";
            checks.add(new Check(constraintName(t, ch.name(), generated), r.sql(),
                    ch.column() == null ? null : colMap.get(key(ch.column()))));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
            String desc = "FOREIGN KEY (" + String.join(", ", fk.columns()) + ") REFERENCES " + fk.referencedTable()
                    + (fk.referencedColumns().isEmpty() ? "" : " (" + String.join(", ", fk.referencedColumns()) + ")");
            TablePlan parent = all.get(key(fk.referencedTable()));
            if (parent == null) {
                warn(t, null, desc + " not carried: table " + fk.referencedTable() + " is not migrated"
                        + (source.catalog().table(fk.referencedTable()).isEmpty() ? " (it does not exist in the source)" : ""));
                continue;
            }
            List<String> childCols = targets(plan, fk.columns());
            List<String> parentCols = targets(parent, fk.referencedColumns());
            if (childCols == null || parentCols == null || parentCols.isEmpty() || childCols.size() != parentCols.size()) {
                warn(t, null, desc + " not carried: its columns do not exist");
                continue;
            }
            if (!isUniqueIn(parent.source(), fk.referencedColumns())) {
                warn(t, null, desc + " not carried: the referenced columns are neither the primary key nor UNIQUE "
                        + "in " + fk.referencedTable() + " (PostgreSQL requires one)");
                continue;
            }
            String mismatch = null;
            for (int i = 0; i < fk.columns().size(); i++) {
                TargetType a = plan.column(fk.columns().get(i)).orElseThrow().type();
                TargetType b = parent.column(fk.referencedColumns().get(i)).orElseThrow().type();
                if (!compatible(a, b)) {
                    mismatch = fk.columns().get(i) + " is " + a.sql() + " but " + fk.referencedTable() + "."
                            + fk.referencedColumns().get(i) + " is " + b.sql();
                }
            }
            if (mismatch != null) {
                warn(t, null, desc + " not carried: " + mismatch + " (use --cast to align the types)");
                continue;
            }
            fks.add(new ForeignKey(constraintName(t, fk.name(), plan.name() + "_" + String.join("_", childCols) + "_fkey"),
                    childCols, parent.name(), parentCols, fk.onDelete(), fk.onUpdate(), fk.deferrable(),
                    fk.initiallyDeferred()));
        }
        List<Index> indexes = new ArrayList<>();
        for (Index ix : t.indexes()) {
            Index translated = translateIndex(t, plan, ix, translator);
            if (translated != null) {
                indexes.add(translated);
            }
        }
        return new TablePlan(t, plan.name(), plan.columns(), pk, uniques, checks, fks, indexes, plan.sourceRows());
    }

    private static boolean compatible(TargetType a, TargetType b) {
        TargetType.Kind x = a.kind() == TargetType.Kind.VARCHAR ? TargetType.Kind.TEXT : a.kind();
        TargetType.Kind y = b.kind() == TargetType.Kind.VARCHAR ? TargetType.Kind.TEXT : b.kind();
        return x == y;
    }

    private static boolean isUniqueIn(Table parent, List<String> columns) {
        Set<String> wanted = columns.stream().map(Planner::key).collect(Collectors.toSet());
        if (parent.primaryKey() != null
                && parent.primaryKey().columns().stream().map(Planner::key).collect(Collectors.toSet()).equals(wanted)) {
            return true;
        }
        for (Key u : parent.uniqueKeys()) {
            if (u.columns().stream().map(Planner::key).collect(Collectors.toSet()).equals(wanted)) {
                return true;
            }
        }
        for (Index ix : parent.indexes()) {
            if (ix.unique() && !ix.partial() && !ix.hasExpressions() && ix.terms().stream()
                    .map(term -> key(term.column())).collect(Collectors.toSet()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private Index translateIndex(Table t, TablePlan plan, Index ix, ExpressionTranslator translator) {
        List<Index.Term> terms = new ArrayList<>();
        for (Index.Term term : ix.terms()) {
            String collation = term.collation();
            if (collation != null && !collation.equalsIgnoreCase("BINARY")) {
                warn(t, null, "index " + ix.name() + ": COLLATE " + collation + " is not carried"
                        + (ix.unique() ? " (uniqueness becomes case-sensitive)" : ""));
            }
            if (term.column() != null) {
                terms.add(new Index.Term(plan.column(term.column()).orElseThrow().name(), null, term.descending(), null));
                continue;
            }
            if (term.expression().equalsIgnoreCase("rowid")) {
                Optional<Column> alias = t.rowidAlias();
                if (alias.isEmpty()) {
                    warn(t, null, "index " + ix.name() + " not carried: it indexes the rowid, which PostgreSQL does not have");
                    return null;
                }
                terms.add(new Index.Term(plan.column(alias.get().name()).orElseThrow().name(), null, term.descending(), null));
                continue;
            }
            ExpressionTranslator.Result r = translator.translate(term.expression());
            if (r.problem() != null) {
                warn(t, null, "index " + ix.name() + " not carried: expression " + oneLine(term.expression()) + ": " + r.problem());
                return null;
            }
            terms.add(new Index.Term(null, r.sql(), term.descending(), null));
        }
        String where = null;
        if (ix.where() != null) {
            ExpressionTranslator.Result r = translator.translate(ix.where());
            if (r.problem() != null) {
                warn(t, null, "index " + ix.name() + " not carried: WHERE " + oneLine(ix.where()) + ": " + r.problem());
                return null;
            }
            where = r.sql();
        }
        String snake = Identifiers.snakeCase(ix.name());
        String name = namespace.claim(snake != null ? snake : ix.name());
        if (!name.equals(ix.name())) {
            renames.add(new Rename(Rename.Kind.INDEX, t.name(), ix.name(), name,
                    name.equals(snake) ? "lower snake_case" : "name already taken in PostgreSQL"));
        }
        return new Index(name, ix.unique(), terms, where, null);
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Parents before children (Kahn's algorithm, by name within a level); cycles are broken with a warning. */
    private List<TablePlan> dependencyOrder(List<TablePlan> tables) {
        Map<String, TablePlan> byName = new LinkedHashMap<>();
        for (TablePlan t : tables) {
            byName.put(t.name(), t);
        }
        Map<String, Set<String>> parents = new HashMap<>();
        for (TablePlan t : tables) {
            Set<String> ps = new HashSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (!fk.referencedTable().equals(t.name())) {
                    ps.add(fk.referencedTable());
                }
            }
            parents.put(t.name(), ps);
        }
        List<TablePlan> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        PriorityQueue<String> ready = new PriorityQueue<>();
        while (done.size() < tables.size()) {
            for (TablePlan t : tables) {
                if (!done.contains(t.name()) && !ready.contains(t.name()) && done.containsAll(parents.get(t.name()))) {
                    ready.add(t.name());
                }
            }
            if (ready.isEmpty()) {
                String first = tables.stream().map(TablePlan::name).filter(n -> !done.contains(n)).sorted().findFirst().orElseThrow();
                warnings.add(new PlanWarning(byName.get(first).source().name(), null,
                        "foreign keys form a cycle; table order is arbitrary within it (foreign keys are created after all data)"));
                ready.add(first);
            }
            while (!ready.isEmpty()) {
                String n = ready.poll();
                out.add(byName.get(n));
                done.add(n);
            }
        }
        return out;
    }
}
