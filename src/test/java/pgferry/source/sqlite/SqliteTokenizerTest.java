package pgferry.source.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pgferry.source.sqlite.SqliteTokenizer.Kind;
import pgferry.source.sqlite.SqliteTokenizer.Token;

class SqliteTokenizerTest {

    @Test
    void quotesLiteralsCommentsAndOperators() {
        List<Token> t = SqliteTokenizer.tokenize(
                "\"a \"\"b\"\"\" `c``d` [e f] 'it''s' X'0aFF' 1.5e3 0x1F .5 -- comment ( \n a/*(*/==b||c ->> d");
        assertThat(t).extracting(Token::kind).containsExactly(Kind.QUOTED_IDENTIFIER, Kind.QUOTED_IDENTIFIER,
                Kind.QUOTED_IDENTIFIER, Kind.STRING, Kind.BLOB, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER, Kind.WORD,
                Kind.SYMBOL, Kind.WORD, Kind.SYMBOL, Kind.WORD, Kind.SYMBOL, Kind.WORD);
        assertThat(t).extracting(Token::value).containsExactly("a \"b\"", "c`d", "e f", "it's", "0aFF", "1.5e3",
                "0x1F", ".5", "a", "==", "b", "||", "c", "->>", "d");
    }

    @Test
    void offsetsCutTheOriginalTextAndParenthesesNest() {
        String sql = "CHECK ( f(a, (b)) > ')' )";
        List<Token> t = SqliteTokenizer.tokenize(sql);
        int close = SqliteTokenizer.matchingParen(t, 1);
        assertThat(SqliteTokenizer.text(sql, t, 2, close)).isEqualTo("f(a, (b)) > ')'");
        assertThat(SqliteTokenizer.splitTopLevel(t, 4, SqliteTokenizer.matchingParen(t, 3))).hasSize(2);
    }

    @Test
    void unterminatedInputDoesNotThrow() {
        assertThat(SqliteTokenizer.tokenize("'abc")).extracting(Token::value).containsExactly("abc");
        assertThat(SqliteTokenizer.tokenize("a /* never closed")).hasSize(1);
        assertThat(SqliteTokenizer.tokenize("[x")).extracting(Token::value).containsExactly("x");
    }
}
