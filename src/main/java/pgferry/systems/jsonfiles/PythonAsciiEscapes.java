package pgferry.systems.jsonfiles;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Python's default {@code ensure_ascii=True}: every char above 0x7F written as {@code \}{@code uXXXX} with
 * lower-case hex, one escape per UTF-16 unit (so an emoji becomes a surrogate pair of escapes).
 */
final class PythonAsciiEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < 0x80) {
            return null;
        }
        char[] out = {'\\', 'u', HEX[(ch >> 12) & 0xF], HEX[(ch >> 8) & 0xF], HEX[(ch >> 4) & 0xF], HEX[ch & 0xF]};
        return new SerializedString(new String(out));
    }
}
