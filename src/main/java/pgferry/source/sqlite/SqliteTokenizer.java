package pgferry.source.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQLite SQL text (CREATE TABLE / CREATE INDEX statements, CHECK and DEFAULT expressions)
 * into tokens, following SQLite's lexical rules: identifiers quoted as {@code "a""b"}, {@code `a``b`}
 * or {@code [a b]}; string literals {@code 'it''s'}; blob literals {@code X'AB'}; numbers (incl. hex);
 * {@code --} and {@code /* *}{@code /} comments (dropped); operators. Each token keeps its offsets in
 * the original text, so callers can cut original source text (a CHECK expression) out verbatim.
 * It never throws: an unterminated quote or comment runs to the end of the text.
 */
public final class SqliteTokenizer {

    /** Kinds of token. */
    public enum Kind {
        /** A bare word: keyword or unquoted identifier. */
        WORD,
        /** A quoted identifier ("..", `..`, [..]); {@link Token#value()} is the unquoted name. */
        QUOTED_IDENTIFIER,
        /** A '..' string literal; {@link Token#value()} is the unescaped content. */
        STRING,
        /** X'..' blob literal; {@link Token#value()} is the hex digits. */
        BLOB,
        /** A numeric literal as written. */
        NUMBER,
        /** An operator or punctuation: ( ) , ; . = == != <> < <= > >= || + - * / % & | ~ << >> ? */
        SYMBOL
    }

    /**
     * One token.
     *
     * @param kind  its kind
     * @param text  the exact source text of the token
     * @param value the token's meaning: unquoted name, unescaped string, or the text itself
     * @param start offset of the first character in the original text
     * @param end   offset just past the last character
     */
    public record Token(Kind kind, String text, String value, int start, int end) {
        /** True for a bare word equal (case-insensitively) to {@code word}. */
        public boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        public boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** True for a bare word or quoted identifier: something that can name a column or table. */
        public boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER
                    || kind == Kind.STRING; // SQLite accepts 'name' where a name is expected
        }

        /** The upper-case text of a bare word (for keyword comparisons). */
        public String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqliteTokenizer() {
    }

    /** All tokens of {@code sql}, comments and whitespace dropped. */
    public static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'') {
                i = quoted(sql, i, '\'', '\'', Kind.STRING, out);
            } else if (c == '"') {
                i = quoted(sql, i, '"', '"', Kind.QUOTED_IDENTIFIER, out);
            } else if (c == '`') {
                i = quoted(sql, i, '`', '`', Kind.QUOTED_IDENTIFIER, out);
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                int end = close < 0 ? n : close + 1;
                String value = sql.substring(i + 1, close < 0 ? n : close);
                out.add(new Token(Kind.QUOTED_IDENTIFIER, sql.substring(i, end), value, i, end));
                i = end;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int close = sql.indexOf('\'', i + 2);
                int end = close < 0 ? n : close + 1;
                out.add(new Token(Kind.BLOB, sql.substring(i, end), sql.substring(i + 2, close < 0 ? n : close), i, end));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                i = number(sql, i, out);
            } else if (isWordStart(c)) {
                int start = i;
                while (i < n && isWordPart(sql.charAt(i))) {
                    i++;
                }
                String text = sql.substring(start, i);
                out.add(new Token(Kind.WORD, text, text, start, i));
            } else {
                int len = symbolLength(sql, i);
                String text = sql.substring(i, i + len);
                out.add(new Token(Kind.SYMBOL, text, text, i, i + len));
                i += len;
            }
        }
        return out;
    }

    private static int quoted(String sql, int start, char open, char close, Kind kind, List<Token> out) {
        StringBuilder value = new StringBuilder();
        int n = sql.length();
        int i = start + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == close) {
                if (i + 1 < n && sql.charAt(i + 1) == close) {
                    value.append(close);
                    i += 2;
                    continue;
                }
                i++;
                out.add(new Token(kind, sql.substring(start, i), value.toString(), start, i));
                return i;
            }
            value.append(c);
            i++;
        }
        out.add(new Token(kind, sql.substring(start, n), value.toString(), start, n));
        return n;
    }

    private static int number(String sql, int start, List<Token> out) {
        int n = sql.length();
        int i = start;
        if (sql.charAt(i) == '0' && i + 1 < n && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')) {
            i += 2;
            while (i < n && Character.digit(sql.charAt(i), 16) >= 0) {
                i++;
            }
        } else {
            while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                i++;
            }
            if (i < n && sql.charAt(i) == '.') {
                i++;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
            if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                    j++;
                }
                if (j < n && Character.isDigit(sql.charAt(j))) {
                    i = j;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                }
            }
        }
        String text = sql.substring(start, i);
        out.add(new Token(Kind.NUMBER, text, text, start, i));
        return i;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || c > 127;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static int symbolLength(String sql, int i) {
        if (i + 1 < sql.length()) {
            String two = sql.substring(i, i + 2);
            switch (two) {
                case "==", "!=", "<>", "<=", ">=", "||", "<<", ">>", "->" -> {
                    if (two.equals("->") && i + 2 < sql.length() && sql.charAt(i + 2) == '>') {
                        return 3;
                    }
                    return 2;
                }
                default -> {
                }
            }
        }
        return 1;
    }

    /**
     * Index of the token that closes the parenthesis opened at {@code open}, or -1 when unbalanced.
     */
    public static int matchingParen(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Splits tokens[from, to) at top-level commas; each element is a [start, end) index range.
     */
    public static List<int[]> splitTopLevel(List<Token> tokens, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            parts.add(new int[] {start, to});
        }
        return parts;
    }

    /** The original text spanning tokens[from, to), or "" when empty. */
    public static String text(String sql, List<Token> tokens, int from, int to) {
        if (from >= to) {
            return "";
        }
        return sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }
}
