package pgferry.plan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type pgferry can plan and convert to.
 *
 * @param kind      the type
 * @param precision numeric precision or varchar length, null when unconstrained
 * @param scale     numeric scale, null when unconstrained
 */
public record TargetType(Kind kind, Integer precision, Integer scale) {

    /** The supported types, with their PostgreSQL spelling. */
    public enum Kind {
        BIGINT("bigint"), INTEGER("integer"), SMALLINT("smallint"), BOOLEAN("boolean"),
        NUMERIC("numeric"), DOUBLE_PRECISION("double precision"), REAL("real"), TEXT("text"),
        VARCHAR("varchar"), BYTEA("bytea"), TIMESTAMPTZ("timestamptz"), TIMESTAMP("timestamp"),
        DATE("date"), JSONB("jsonb"), JSON("json"), UUID("uuid"), TEXT_ARRAY("text[]");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public static final TargetType BIGINT = of(Kind.BIGINT);
    public static final TargetType BOOLEAN = of(Kind.BOOLEAN);
    public static final TargetType NUMERIC = of(Kind.NUMERIC);
    public static final TargetType TEXT = of(Kind.TEXT);
    public static final TargetType BYTEA = of(Kind.BYTEA);
    public static final TargetType TIMESTAMPTZ = of(Kind.TIMESTAMPTZ);
    public static final TargetType DATE = of(Kind.DATE);
    public static final TargetType JSONB = of(Kind.JSONB);
    public static final TargetType UUID = of(Kind.UUID);

    public TargetType {
        if (kind == Kind.NUMERIC && precision != null) {
            if (precision < 1 || precision > 1000) {
                throw new IllegalArgumentException("numeric precision must be 1..1000, got " + precision);
            }
            if (scale == null) {
                scale = 0;
            }
            if (scale < 0 || scale > precision) {
                throw new IllegalArgumentException("numeric scale must be 0.." + precision + ", got " + scale);
            }
        }
        if (kind == Kind.VARCHAR && precision != null && precision < 1) {
            throw new IllegalArgumentException("varchar length must be positive, got " + precision);
        }
    }

    public static TargetType of(Kind kind) {
        return new TargetType(kind, null, null);
    }

    public static TargetType numeric(int precision, int scale) {
        return new TargetType(Kind.NUMERIC, precision, scale);
    }

    /** The type as PostgreSQL DDL spells it: "numeric(10,2)", "varchar(40)", "timestamptz". */
    public String sql() {
        if (kind == Kind.NUMERIC && precision != null) {
            return "numeric(" + precision + "," + scale + ")";
        }
        if (kind == Kind.VARCHAR && precision != null) {
            return "varchar(" + precision + ")";
        }
        return kind.sql();
    }

    @Override
    public String toString() {
        return sql();
    }

    private static final Pattern WITH_ARGS = Pattern.compile("([a-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    /**
     * Parses a type as a user writes it in {@code --cast} or a mapping file: {@code numeric(10,2)},
     * {@code decimal}, {@code bigint}/{@code int8}, {@code integer}/{@code int}/{@code int4},
     * {@code smallint}/{@code int2}, {@code boolean}/{@code bool}, {@code double precision}/{@code float8},
     * {@code real}/{@code float4}, {@code text}, {@code varchar(n)}, {@code bytea},
     * {@code timestamptz}, {@code timestamp}, {@code date}, {@code jsonb}, {@code json}, {@code uuid},
     * {@code text[]}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static TargetType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.equals("text[]") || t.equals("_text")) {
            return of(Kind.TEXT_ARRAY);
        }
        Matcher m = WITH_ARGS.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown type '" + text + "'");
        }
        String base = m.group(1).trim();
        Integer a = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer b = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        Kind kind = switch (base) {
            case "bigint", "int8" -> Kind.BIGINT;
            case "integer", "int", "int4" -> Kind.INTEGER;
            case "smallint", "int2" -> Kind.SMALLINT;
            case "boolean", "bool" -> Kind.BOOLEAN;
            case "numeric", "decimal" -> Kind.NUMERIC;
            case "double precision", "float8", "double" -> Kind.DOUBLE_PRECISION;
            case "real", "float4" -> Kind.REAL;
            case "text" -> Kind.TEXT;
            case "varchar", "character varying" -> Kind.VARCHAR;
            case "bytea" -> Kind.BYTEA;
            case "timestamptz", "timestamp with time zone" -> Kind.TIMESTAMPTZ;
            case "timestamp", "timestamp without time zone" -> Kind.TIMESTAMP;
            case "date" -> Kind.DATE;
            case "jsonb" -> Kind.JSONB;
            case "json" -> Kind.JSON;
            case "uuid" -> Kind.UUID;
            default -> throw new IllegalArgumentException("unknown type '" + text
                    + "' (known: bigint, integer, smallint, boolean, numeric(p,s), double precision, real, text, "
                    + "varchar(n), bytea, timestamptz, timestamp, date, jsonb, json, uuid, text[])");
        };
        if (a != null && kind != Kind.NUMERIC && kind != Kind.VARCHAR) {
            throw new IllegalArgumentException("type '" + text + "' takes no (arguments)");
        }
        if (b != null && kind != Kind.NUMERIC) {
            throw new IllegalArgumentException("type '" + text + "' takes at most one argument");
        }
        return new TargetType(kind, a, b);
    }
}
