package pgferry.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import pgferry.catalog.Affinity;
import pgferry.source.sqlite.SqliteTokenizer;
import pgferry.source.sqlite.SqliteTokenizer.Kind;
import pgferry.source.sqlite.SqliteTokenizer.Token;
import pgferry.source.sqlite.SqliteValue;

/**
 * Translates a column's SQLite DEFAULT to PostgreSQL. Literals are converted by the column's own
 * converter (so a 0/1 default of a boolean column becomes false/true, a date default is checked) and
 * written as quoted literals; "now"-style functions map through {@code default-expressions.properties}
 * to PostgreSQL expressions for the column's target type; anything else is dropped with a warning.
 */
final class DefaultTranslator {

    /** The PostgreSQL DEFAULT expression (null = none) and a warning (null = none). */
    record Result(String sql, String warning) {
    }

    private static final Properties EXPRESSIONS = load();
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private DefaultTranslator() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = DefaultTranslator.class.getResourceAsStream("/pgferry/plan/default-expressions.properties")) {
            if (in == null) {
                throw new IllegalStateException("resource default-expressions.properties is missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Result translate(String expression, TargetType type, Affinity affinity, ValueConverter converter) {
        if (expression == null) {
            return new Result(null, null);
        }
        List<Token> tokens = SqliteTokenizer.tokenize(expression);
        while (tokens.size() >= 2 && tokens.get(0).isSymbol("(")
                && SqliteTokenizer.matchingParen(tokens, 0) == tokens.size() - 1) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        if (tokens.isEmpty() || tokens.size() == 1 && tokens.get(0).isWord("NULL")) {
            return new Result(null, null);
        }
        SqliteValue literal = literal(tokens, affinity);
        if (literal != null) {
            Converted c = converter.convert(literal);
            if (c instanceof Rejection r) {
                return new Result(null, "DEFAULT " + expression + " dropped: " + r.reason());
            }
            String text = ((Converted.Value) c).text();
            return new Result(text == null ? null : ExpressionTranslator.literal(text), null);
        }
        String what = classify(tokens);
        if (what == null) {
            return new Result(null, "DEFAULT " + expression + " dropped: no PostgreSQL translation");
        }
        String sql = EXPRESSIONS.getProperty(what + "." + type.kind().name());
        if (sql == null) {
            return new Result(null, "DEFAULT " + expression + " dropped: no faithful translation for a "
                    + type.sql() + " column");
        }
        return new Result(sql, null);
    }

    /** The value a literal default stores, as SQLite would store it in a column of this affinity. */
    private static SqliteValue literal(List<Token> tokens, Affinity affinity) {
        String text;
        if (tokens.size() == 1 && (tokens.get(0).isWord("TRUE") || tokens.get(0).isWord("FALSE"))) {
            return SqliteValue.ofInteger(tokens.get(0).isWord("TRUE") ? 1 : 0);
        }
        if (tokens.size() == 1 && tokens.get(0).kind() == Kind.STRING
                || tokens.size() == 1 && tokens.get(0).kind() == Kind.QUOTED_IDENTIFIER
                && tokens.get(0).text().startsWith("\"")) {
            String s = tokens.get(0).value();
            if (affinity != Affinity.TEXT && affinity != Affinity.BLOB && NUMBER.matcher(s.strip()).matches()) {
                return number(s.strip(), affinity);
            }
            return SqliteValue.ofText(s);
        }
        if (tokens.size() == 1 && tokens.get(0).kind() == Kind.BLOB) {
            return SqliteValue.ofBlob(java.util.HexFormat.of().parseHex(tokens.get(0).value()));
        }
        if (tokens.size() == 1 && tokens.get(0).kind() == Kind.NUMBER) {
            text = tokens.get(0).text();
        } else if (tokens.size() == 2 && (tokens.get(0).isSymbol("-") || tokens.get(0).isSymbol("+"))
                && tokens.get(1).kind() == Kind.NUMBER) {
            text = tokens.get(0).text() + tokens.get(1).text();
        } else {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        if (affinity == Affinity.TEXT) {
            return SqliteValue.ofText(text);
        }
        return number(text, affinity);
    }

    private static SqliteValue number(String text, Affinity affinity) {
        if (text.matches("[+-]?[0-9]+")) {
            try {
                long v = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
                return affinity == Affinity.REAL ? SqliteValue.ofReal(v) : SqliteValue.ofInteger(v);
            } catch (NumberFormatException e) {
                return SqliteValue.ofReal(Double.parseDouble(text));
            }
        }
        double d = Double.parseDouble(text);
        if (affinity != Affinity.REAL && d == Math.rint(d) && Math.abs(d) < 9.2e18) {
            return SqliteValue.ofInteger((long) d);
        }
        return SqliteValue.ofReal(d);
    }

    /** Which "now"-like expression this is, or null. */
    private static String classify(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            if (t.kind() == Kind.STRING) {
                String v = t.value().strip();
                boolean word = v.equalsIgnoreCase("now") || v.equalsIgnoreCase("localtime") || v.equalsIgnoreCase("utc");
                b.append('\'').append(word ? v.toLowerCase(Locale.ROOT) : t.value()).append('\'');
            } else {
                b.append(t.text().toLowerCase(Locale.ROOT));
            }
        }
        String s = b.toString();
        switch (s) {
            case "current_timestamp", "datetime('now')", "datetime('now','utc')", "datetime()" -> {
                return "now";
            }
            case "current_date", "date('now')", "date()" -> {
                return "today";
            }
            case "current_time", "time('now')", "time()" -> {
                return "time";
            }
            case "datetime('now','localtime')" -> {
                return "nowlocal";
            }
            case "strftime('%s','now')", "unixepoch()", "unixepoch('now')" -> {
                return "epoch";
            }
            case "julianday('now')", "julianday()" -> {
                return "julian";
            }
            case "lower(hex(randomblob(16)))", "hex(randomblob(16))" -> {
                return "randomhex";
            }
            case "random()" -> {
                return "random";
            }
            default -> {
            }
        }
        if (s.startsWith("strftime('") && (s.endsWith("','now')") || s.endsWith("','now','utc')"))) {
            String format = s.substring(10, s.indexOf("','now"));
            if (format.equals("%Y-%m-%d %H:%M:%S")) {
                return "now";
            }
            if (format.equals("%Y-%m-%d")) {
                return "today";
            }
            if (format.equals("%s")) {
                return "epoch";
            }
            if (format.contains("%Y") && format.contains("%H")) {
                return "nowinstant"; // another text layout: only an instant type keeps its meaning
            }
        }
        return null;
    }
}
