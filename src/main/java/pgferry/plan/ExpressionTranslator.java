package pgferry.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import pgferry.source.sqlite.SqliteTokenizer;
import pgferry.source.sqlite.SqliteTokenizer.Kind;
import pgferry.source.sqlite.SqliteTokenizer.Token;

/**
 * Translates a SQLite expression (CHECK, partial-index WHERE, index expression) to PostgreSQL:
 * column names become the quoted target names; {@code ==} → {@code =}; {@code LIKE} → {@code ILIKE}
 * (SQLite's LIKE ignores ASCII case); {@code a IS b} → {@code IS NOT DISTINCT FROM}; {@code ifnull},
 * {@code instr}, scalar {@code max}/{@code min} → {@code coalesce}, {@code strpos},
 * {@code greatest}/{@code least}; 0/1 compared with a column planned as boolean → false/true;
 * double-quoted strings that name no column (SQLite's quirk) → string literals; hex numbers →
 * decimal. What has no faithful translation ({@code typeof()}, {@code GLOB}, {@code REGEXP}, date
 * functions, JSON operators, unknown functions or names) yields a problem instead of SQL, so the
 * caller drops the constraint with a warning rather than guessing.
 */
final class ExpressionTranslator {

    /** The PostgreSQL SQL, or null with the problem that prevents a faithful translation. */
    record Result(String sql, String problem) {
        static Result problem(String p) {
            return new Result(null, p);
        }
    }

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "BETWEEN",
            "LIKE", "ESCAPE", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "COLLATE", "EXISTS",
            "DISTINCT", "ISNULL", "NOTNULL", "TRUE", "FALSE", "GLOB", "REGEXP", "MATCH",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP");

    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("abs", "abs"), Map.entry("coalesce", "coalesce"), Map.entry("ifnull", "coalesce"),
            Map.entry("nullif", "nullif"), Map.entry("length", "length"), Map.entry("lower", "lower"),
            Map.entry("upper", "upper"), Map.entry("trim", "trim"), Map.entry("ltrim", "ltrim"),
            Map.entry("rtrim", "rtrim"), Map.entry("replace", "replace"), Map.entry("substr", "substr"),
            Map.entry("substring", "substr"), Map.entry("round", "round"), Map.entry("instr", "strpos"));

    private static final Map<String, String> CAST_TYPES = Map.of("INTEGER", "bigint", "INT", "bigint",
            "TEXT", "text", "REAL", "double precision", "NUMERIC", "numeric", "BLOB", "bytea");

    private final String table;
    private final Map<String, String> columns;
    private final Set<String> booleanColumns;

    /**
     * @param table          the source table name (a {@code table.column} qualifier is dropped)
     * @param columns        lower-cased source column name → target column name
     * @param booleanColumns lower-cased source names of columns planned as boolean
     */
    ExpressionTranslator(String table, Map<String, String> columns, Set<String> booleanColumns) {
        this.table = table;
        this.columns = columns;
        this.booleanColumns = booleanColumns;
    }

    private String column(Token t) {
        if (!t.isName() || t.kind() == Kind.STRING) {
            return null;
        }
        return columns.get(t.value().toLowerCase(Locale.ROOT));
    }

    private boolean isBooleanColumn(Token t) {
        return column(t) != null && booleanColumns.contains(t.value().toLowerCase(Locale.ROOT));
    }

    Result translate(String expression) {
        List<Token> tokens = SqliteTokenizer.tokenize(expression);
        Set<Integer> booleanLiterals = booleanLiterals(tokens);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            String piece;
            switch (t.kind()) {
                case WORD -> {
                    String upper = t.upper();
                    if (next != null && next.isSymbol("(")) {
                        String lower = t.text().toLowerCase(Locale.ROOT);
                        if (lower.equals("typeof")) {
                            return Result.problem("typeof() checks SQLite storage classes; the PostgreSQL column type already enforces the type");
                        }
                        if (lower.equals("json_valid")) {
                            return Result.problem("json_valid(): a jsonb column already enforces valid JSON");
                        }
                        if ((lower.equals("max") || lower.equals("min"))) {
                            int close = SqliteTokenizer.matchingParen(tokens, i + 1);
                            if (close > 0 && SqliteTokenizer.splitTopLevel(tokens, i + 2, close).size() >= 2) {
                                piece = lower.equals("max") ? "greatest" : "least";
                                break;
                            }
                            return Result.problem("aggregate " + lower + "() in an expression");
                        }
                        if (upper.equals("CAST") || upper.equals("EXISTS") || upper.equals("IN")
                                || upper.equals("NOT") || upper.equals("AND") || upper.equals("OR")) {
                            piece = upper;
                            break;
                        }
                        String fn = FUNCTIONS.get(lower);
                        if (fn == null) {
                            return Result.problem("function " + t.text() + "() has no PostgreSQL translation here");
                        }
                        piece = fn;
                        break;
                    }
                    if (next != null && next.isSymbol(".") && t.value().equalsIgnoreCase(table)) {
                        i++; // drop the table qualifier
                        continue;
                    }
                    String col = KEYWORDS.contains(upper) ? null : column(t);
                    if (col != null) {
                        piece = Identifiers.quote(col);
                    } else if (upper.equals("GLOB") || upper.equals("REGEXP") || upper.equals("MATCH")) {
                        return Result.problem(upper + " has no exact PostgreSQL equivalent");
                    } else if (upper.equals("LIKE")) {
                        piece = "ILIKE";
                    } else if (upper.equals("IS")) {
                        boolean not = next != null && next.isWord("NOT");
                        Token after = not ? (i + 2 < tokens.size() ? tokens.get(i + 2) : null) : next;
                        if (after != null && (after.isWord("NULL") || after.isWord("TRUE") || after.isWord("FALSE")
                                || after.isWord("DISTINCT"))) {
                            piece = "IS";
                        } else {
                            piece = not ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM";
                            if (not) {
                                i++;
                            }
                        }
                    } else if (upper.equals("AS") && next != null && CAST_TYPES.containsKey(next.upper())) {
                        piece = "AS " + CAST_TYPES.get(next.upper());
                        i++;
                    } else if (upper.equals("COLLATE")) {
                        String coll = next == null ? "" : next.value().toUpperCase(Locale.ROOT);
                        if (coll.equals("BINARY")) {
                            piece = "COLLATE \"C\"";
                            i++;
                        } else {
                            return Result.problem("COLLATE " + coll + " has no PostgreSQL equivalent");
                        }
                    } else if (KEYWORDS.contains(upper)) {
                        piece = upper;
                    } else {
                        return Result.problem("unknown name " + t.text());
                    }
                }
                case QUOTED_IDENTIFIER -> {
                    String col = column(t);
                    if (col != null) {
                        piece = Identifiers.quote(col);
                    } else if (t.text().startsWith("\"")) {
                        piece = literal(t.value()); // SQLite reads a "string" that names no column as a string
                    } else {
                        return Result.problem("unknown column " + t.text());
                    }
                }
                case STRING -> piece = literal(t.value());
                case BLOB -> piece = "'\\x" + t.value() + "'::bytea";
                case NUMBER -> {
                    String n = t.text().replace("_", "");
                    if (n.startsWith("0x") || n.startsWith("0X")) {
                        n = Long.toString(Long.parseUnsignedLong(n.substring(2), 16));
                    }
                    if (booleanLiterals.contains(i)) {
                        n = n.equals("0") ? "false" : "true";
                    }
                    piece = n;
                }
                default -> {
                    String s = t.text();
                    if (s.equals("==")) {
                        piece = "=";
                    } else if (s.equals("->") || s.equals("->>")) {
                        return Result.problem("JSON operator " + s + " has no direct translation");
                    } else if (s.equals("?") || s.equals(";")) {
                        return Result.problem("unexpected '" + s + "' in expression");
                    } else {
                        piece = s;
                    }
                }
            }
            append(out, piece);
        }
        if (out.length() == 0) {
            return Result.problem("empty expression");
        }
        return new Result(out.toString(), null);
    }

    private static void append(StringBuilder out, String piece) {
        if (out.length() > 0) {
            char last = out.charAt(out.length() - 1);
            boolean noSpace = last == '(' || piece.equals(")") || piece.equals(",") || piece.equals(".")
                    || last == '.' || piece.equals("(") && Character.isLetter(last) && !endsWithKeyword(out);
            if (!noSpace) {
                out.append(' ');
            }
        }
        out.append(piece);
    }

    private static boolean endsWithKeyword(StringBuilder out) {
        int i = out.length();
        while (i > 0 && Character.isLetter(out.charAt(i - 1))) {
            i--;
        }
        String word = out.substring(i);
        return word.equals("IN") || word.equals("AND") || word.equals("OR") || word.equals("NOT")
                || word.equals("EXISTS") || word.equals("ILIKE") || word.equals("THEN") || word.equals("ELSE")
                || word.equals("WHEN") || word.equals("BETWEEN") || word.equals("IS") || word.equals("FROM");
    }

    /** A PostgreSQL string literal (standard_conforming_strings: only quotes are doubled). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Indexes of 0/1 number tokens compared with (or listed IN for) a boolean column. */
    private Set<Integer> booleanLiterals(List<Token> tokens) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!isBooleanColumn(tokens.get(i))) {
                continue;
            }
            int j = i + 1;
            if (j < tokens.size() && isComparison(tokens.get(j)) && j + 1 < tokens.size()) {
                mark(tokens, j + 1, out);
            }
            if (j < tokens.size() && tokens.get(j).isWord("NOT")) {
                j++;
            }
            if (j + 1 < tokens.size() && tokens.get(j).isWord("IN") && tokens.get(j + 1).isSymbol("(")) {
                int close = SqliteTokenizer.matchingParen(tokens, j + 1);
                for (int k = j + 2; k < close; k++) {
                    mark(tokens, k, out);
                }
            }
            if (i >= 2 && isComparison(tokens.get(i - 1))) {
                mark(tokens, i - 2, out);
            }
        }
        return out;
    }

    private static boolean isComparison(Token t) {
        return t.isSymbol("=") || t.isSymbol("==") || t.isSymbol("!=") || t.isSymbol("<>");
    }

    private static void mark(List<Token> tokens, int k, Set<Integer> out) {
        Token t = tokens.get(k);
        if (t.kind() == Kind.NUMBER && (t.text().equals("0") || t.text().equals("1"))) {
            out.add(k);
        }
    }
}
