package pgferry.source.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pgferry.catalog.Check;
import pgferry.source.sqlite.SqliteTokenizer.Kind;
import pgferry.source.sqlite.SqliteTokenizer.Token;

/**
 * Reads what SQLite's pragmas do not tell from the CREATE TABLE and CREATE INDEX text kept in
 * sqlite_schema: CHECK constraints, AUTOINCREMENT, constraint names, DEFERRABLE, COLLATE, and the
 * exact text of index expressions and partial-index WHERE clauses. Works on tokens (see
 * {@link SqliteTokenizer}), so quoted identifiers, literals, comments and nested parentheses are safe.
 */
final class CreateStatementParser {

    private static final Set<String> COLUMN_CONSTRAINT_STARTS = Set.of(
            "CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE",
            "REFERENCES", "GENERATED", "AS");

    private CreateStatementParser() {
    }

    /** What the CREATE TABLE text says beyond the pragmas. */
    record ParsedTable(boolean autoincrement, String primaryKeyName, List<Check> checks,
                       List<NamedColumns> uniques, List<ParsedForeignKey> foreignKeys,
                       List<ColumnExtras> columns) {
        String collation(String column) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(column))
                    .map(ColumnExtras::collation).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
    }

    record NamedColumns(String name, List<String> columns) {
    }

    record ColumnExtras(String name, String collation) {
    }

    record ParsedForeignKey(String name, List<String> columns, String referencedTable,
                            boolean deferrable, boolean initiallyDeferred) {
    }

    /** What the CREATE INDEX text says: each term's text and the WHERE text. */
    record ParsedIndex(List<ParsedTerm> terms, String where) {
    }

    record ParsedTerm(String text, boolean singleName, String name, boolean descending, String collation) {
    }

    static ParsedTable parseTable(String sql) {
        List<Check> checks = new ArrayList<>();
        List<NamedColumns> uniques = new ArrayList<>();
        List<ParsedForeignKey> fks = new ArrayList<>();
        List<ColumnExtras> extras = new ArrayList<>();
        boolean autoincrement = false;
        String pkName = null;
        if (sql == null) {
            return new ParsedTable(false, null, checks, uniques, fks, extras);
        }
        List<Token> t = SqliteTokenizer.tokenize(sql);
        int open = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                open = i;
                break;
            }
            if (t.get(i).isWord("AS") && i > 2) {
                break; // CREATE TABLE x AS SELECT: no declared constraints
            }
        }
        int close = open < 0 ? -1 : SqliteTokenizer.matchingParen(t, open);
        if (close < 0) {
            return new ParsedTable(false, null, checks, uniques, fks, extras);
        }
        for (int[] part : SqliteTokenizer.splitTopLevel(t, open + 1, close)) {
            int from = part[0];
            int to = part[1];
            if (from >= to) {
                continue;
            }
            Token first = t.get(from);
            boolean tableConstraint = first.kind() == Kind.WORD && Set.of("CONSTRAINT", "PRIMARY", "UNIQUE",
                    "CHECK", "FOREIGN").contains(first.upper());
            String column = null;
            int i = from;
            if (!tableConstraint) {
                column = first.value();
                i = from + 1;
                while (i < to && !(t.get(i).kind() == Kind.WORD
                        && COLUMN_CONSTRAINT_STARTS.contains(t.get(i).upper()))) {
                    i = t.get(i).isSymbol("(") ? SqliteTokenizer.matchingParen(t, i) + 1 : i + 1;
                    if (i <= 0) {
                        i = to;
                    }
                }
            }
            String pendingName = null;
            String collation = null;
            while (i < to) {
                Token tok = t.get(i);
                if (tok.isWord("CONSTRAINT") && i + 1 < to) {
                    pendingName = t.get(i + 1).value();
                    i += 2;
                    continue;
                }
                if (tok.isWord("PRIMARY")) {
                    pkName = pendingName;
                    pendingName = null;
                    int next = skipToNextConstraint(t, i + 1, to, column != null);
                    for (int k = i + 1; k < next; k++) {
                        if (t.get(k).isWord("AUTOINCREMENT")) {
                            autoincrement = true;
                        }
                    }
                    i = next;
                    continue;
                }
                if (tok.isWord("UNIQUE")) {
                    List<String> cols = new ArrayList<>();
                    int next = i + 1;
                    if (column != null) {
                        cols.add(column);
                    } else if (next < to && t.get(next).isSymbol("(")) {
                        int end = SqliteTokenizer.matchingParen(t, next);
                        cols.addAll(columnList(t, next, end));
                    }
                    uniques.add(new NamedColumns(pendingName, cols));
                    pendingName = null;
                    i = skipToNextConstraint(t, i + 1, to, column != null);
                    continue;
                }
                if (tok.isWord("CHECK") && i + 1 < to && t.get(i + 1).isSymbol("(")) {
                    int end = SqliteTokenizer.matchingParen(t, i + 1);
                    if (end < 0) {
                        break;
                    }
                    String expr = SqliteTokenizer.text(sql, t, i + 2, end);
                    checks.add(new Check(pendingName, expr, column));
                    pendingName = null;
                    i = end + 1;
                    continue;
                }
                if (tok.isWord("COLLATE") && i + 1 < to) {
                    collation = t.get(i + 1).value();
                    i += 2;
                    continue;
                }
                if (tok.isWord("FOREIGN") || tok.isWord("REFERENCES")) {
                    List<String> cols = new ArrayList<>();
                    int j = i;
                    if (tok.isWord("FOREIGN")) {
                        j = i + 2; // FOREIGN KEY
                        if (j < to && t.get(j).isSymbol("(")) {
                            int end = SqliteTokenizer.matchingParen(t, j);
                            cols.addAll(columnList(t, j, end));
                            j = end + 1;
                        }
                        // now at REFERENCES
                    } else if (column != null) {
                        cols.add(column);
                    }
                    j++; // skip REFERENCES
                    String refTable = j < to ? t.get(j).value() : null;
                    j++;
                    boolean deferrable = false;
                    boolean initiallyDeferred = false;
                    while (j < to) {
                        Token c = t.get(j);
                        if (c.isSymbol("(")) {
                            j = SqliteTokenizer.matchingParen(t, j) + 1;
                            if (j <= 0) {
                                j = to;
                            }
                            continue;
                        }
                        if (c.isWord("NOT") && j + 1 < to && t.get(j + 1).isWord("DEFERRABLE")) {
                            j += 2;
                            continue;
                        }
                        if (c.isWord("DEFERRABLE")) {
                            deferrable = true;
                            if (j + 2 < to && t.get(j + 1).isWord("INITIALLY") && t.get(j + 2).isWord("DEFERRED")) {
                                initiallyDeferred = true;
                            }
                            j++;
                            continue;
                        }
                        if (c.kind() == Kind.WORD && COLUMN_CONSTRAINT_STARTS.contains(c.upper())
                                && !c.isWord("NULL") && !c.isWord("DEFAULT") && !c.isWord("NOT")
                                || c.isWord("NOT") && j + 1 < to && t.get(j + 1).isWord("NULL")) {
                            break; // the next column constraint ("SET NULL"/"SET DEFAULT" stay in the FK)
                        }
                        j++;
                    }
                    fks.add(new ParsedForeignKey(pendingName, cols, refTable, deferrable, initiallyDeferred));
                    pendingName = null;
                    i = j;
                    continue;
                }
                if (tok.isSymbol("(")) {
                    int end = SqliteTokenizer.matchingParen(t, i);
                    i = end < 0 ? to : end + 1;
                    continue;
                }
                i++;
            }
            if (column != null) {
                extras.add(new ColumnExtras(column, collation));
            }
        }
        return new ParsedTable(autoincrement, pkName, checks, uniques, fks, extras);
    }

    /** From a constraint keyword's successor, the index of the next constraint start (or {@code to}). */
    private static int skipToNextConstraint(List<Token> t, int i, int to, boolean columnLevel) {
        while (i < to) {
            Token c = t.get(i);
            if (c.isSymbol("(")) {
                int end = SqliteTokenizer.matchingParen(t, i);
                i = end < 0 ? to : end + 1;
                continue;
            }
            if (c.isWord("ON") && i + 2 < to && t.get(i + 1).isWord("CONFLICT")) {
                i += 3;
                continue;
            }
            if (c.kind() == Kind.WORD && COLUMN_CONSTRAINT_STARTS.contains(c.upper())) {
                return i;
            }
            i++;
        }
        return to;
    }

    /** Names of a (col [COLLATE x] [ASC|DESC], ...) list whose '(' is at open and ')' at close. */
    private static List<String> columnList(List<Token> t, int open, int close) {
        List<String> cols = new ArrayList<>();
        if (close < 0) {
            return cols;
        }
        for (int[] part : SqliteTokenizer.splitTopLevel(t, open + 1, close)) {
            if (part[0] < part[1]) {
                cols.add(t.get(part[0]).value());
            }
        }
        return cols;
    }

    static ParsedIndex parseIndex(String sql) {
        List<ParsedTerm> terms = new ArrayList<>();
        if (sql == null) {
            return new ParsedIndex(terms, null);
        }
        List<Token> t = SqliteTokenizer.tokenize(sql);
        int on = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isWord("ON")) {
                on = i;
                break;
            }
        }
        int open = -1;
        for (int i = Math.max(on, 0); i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                open = i;
                break;
            }
        }
        int close = open < 0 ? -1 : SqliteTokenizer.matchingParen(t, open);
        if (close < 0) {
            return new ParsedIndex(terms, null);
        }
        for (int[] part : SqliteTokenizer.splitTopLevel(t, open + 1, close)) {
            int from = part[0];
            int to = part[1];
            boolean desc = false;
            String collation = null;
            if (to - 1 > from && (t.get(to - 1).isWord("DESC") || t.get(to - 1).isWord("ASC"))) {
                desc = t.get(to - 1).isWord("DESC");
                to--;
            }
            if (to - 2 > from && t.get(to - 2).isWord("COLLATE")) {
                collation = t.get(to - 1).value();
                to -= 2;
            }
            boolean single = to - from == 1 && t.get(from).isName();
            terms.add(new ParsedTerm(SqliteTokenizer.text(sql, t, from, to), single,
                    single ? t.get(from).value() : null, desc, collation));
        }
        String where = null;
        if (close + 1 < t.size() && t.get(close + 1).isWord("WHERE")) {
            int end = t.size();
            if (t.get(end - 1).isSymbol(";")) {
                end--;
            }
            where = SqliteTokenizer.text(sql, t, close + 2, end);
        }
        return new ParsedIndex(terms, where);
    }
}
