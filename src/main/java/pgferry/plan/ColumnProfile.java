package pgferry.plan;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import pgferry.catalog.Affinity;
import pgferry.catalog.Column;
import pgferry.source.sqlite.SqliteValue;

/**
 * What one pass over a column's values found: storage classes, ranges, whether its text is all
 * date-times or all JSON, and the precision audit numbers. Constant memory per column.
 */
final class ColumnProfile {

    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,6})?");

    final Column column;
    final boolean audit;
    final boolean dateTimeDeclared;
    long nulls;
    long integers;
    long reals;
    long texts;
    long blobs;
    long intMin = Long.MAX_VALUE;
    long intMax = Long.MIN_VALUE;
    /** Over INTEGER and finite REAL values. */
    double numberMaxAbs;
    boolean numbersAllJulian = true;
    // audit
    long auditValues;
    int maxIntegerDigits;
    int maxScale;
    long nonFinite;
    long negativeZeros;
    long numericTexts;
    String firstNonNumericText;
    // text shape
    boolean textAllDateTime = true;
    long textDateTimes;
    /** Text values shaped like a date-time but impossible (Feb 30, 0000-00-00...). */
    long textDateShaped;
    boolean textAllDateOnly = true;
    boolean textAllMidnight = true;
    String firstNonDateTime;
    boolean textAllJson = true;
    String firstNonJson;
    boolean textAllBoolean = true;
    boolean textAllUuid = true;

    ColumnProfile(Column column, boolean dateTimeDeclared) {
        this.column = column;
        this.dateTimeDeclared = dateTimeDeclared;
        Affinity a = column.affinity();
        this.audit = a == Affinity.REAL || a == Affinity.NUMERIC || a == Affinity.BLOB;
    }

    long nonNull() {
        return integers + reals + texts + blobs;
    }

    void add(SqliteValue v) {
        switch (v.storageClass()) {
            case NULL -> nulls++;
            case INTEGER -> {
                integers++;
                long i = v.integer();
                intMin = Math.min(intMin, i);
                intMax = Math.max(intMax, i);
                double abs = Math.abs((double) i);
                numberMaxAbs = Math.max(numberMaxAbs, abs);
                if (i < TimeNumbers.JULIAN_MIN || i >= TimeNumbers.JULIAN_MAX) {
                    numbersAllJulian = false;
                }
                if (audit) {
                    auditValues++;
                    String digits = Long.toString(i);
                    int n = i == 0 ? 0 : digits.length() - (i < 0 ? 1 : 0);
                    maxIntegerDigits = Math.max(maxIntegerDigits, n);
                }
            }
            case REAL -> {
                reals++;
                double d = v.real();
                if (!Double.isFinite(d)) {
                    nonFinite++;
                    numbersAllJulian = false;
                    return;
                }
                numberMaxAbs = Math.max(numberMaxAbs, Math.abs(d));
                if (d < TimeNumbers.JULIAN_MIN || d >= TimeNumbers.JULIAN_MAX) {
                    numbersAllJulian = false;
                }
                if (audit) {
                    auditValues++;
                    if (d == 0 && 1 / d < 0) {
                        negativeZeros++;
                    }
                    ShortestDecimal s = ShortestDecimal.of(d);
                    maxIntegerDigits = Math.max(maxIntegerDigits, s.integerDigits());
                    maxScale = Math.max(maxScale, s.scale());
                }
            }
            case TEXT -> {
                texts++;
                text(v);
            }
            case BLOB -> blobs++;
        }
    }

    private void text(SqliteValue v) {
        boolean wantDate = textAllDateTime || dateTimeDeclared;
        boolean wantJson = textAllJson;
        if (!wantDate && !wantJson && !audit && !textAllBoolean && !textAllUuid) {
            return;
        }
        String s = TextCheck.textOrNull(v);
        if (s == null) {
            textAllDateTime = textAllJson = textAllBoolean = textAllUuid = false;
            if (firstNonDateTime == null) {
                firstNonDateTime = "invalid text";
            }
            return;
        }
        if (wantDate) {
            DateTimeText.Parsed p = DateTimeText.parse(s);
            if (p.ok()) {
                textDateTimes++;
                if (!p.dateOnly()) {
                    textAllDateOnly = false;
                    if (p.local().toLocalTime().toNanoOfDay() != 0 || p.offset() != null && p.offset().getTotalSeconds() != 0) {
                        textAllMidnight = false;
                    }
                }
            } else {
                textAllDateTime = false;
                if (p.dateShaped()) {
                    textDateShaped++;
                }
                if (firstNonDateTime == null) {
                    firstNonDateTime = p.problem();
                }
            }
        }
        if (wantJson) {
            int k = 0;
            while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            if (k == s.length() || s.charAt(k) != '{' && s.charAt(k) != '[') {
                textAllJson = false;
                firstNonJson = "text '" + TextCheck.excerpt(s) + "' is not a JSON object or array";
            } else {
                JsonText.Check c = JsonText.check(s);
                if (c.problem() != null || !c.container()) {
                    textAllJson = false;
                    firstNonJson = c.problem() != null ? c.problem() : "not a JSON object or array";
                }
            }
        }
        if (textAllBoolean) {
            String l = s.toLowerCase(java.util.Locale.ROOT);
            textAllBoolean = l.equals("true") || l.equals("false") || l.equals("t") || l.equals("f")
                    || l.equals("0") || l.equals("1");
        }
        if (textAllUuid) {
            textAllUuid = s.length() >= 32 && s.length() <= 36
                    && s.matches("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
        }
        if (audit) {
            if (DECIMAL_TEXT.matcher(s).matches()) {
                BigDecimal d = new BigDecimal(s).stripTrailingZeros();
                numericTexts++;
                auditValues++;
                maxScale = Math.max(maxScale, Math.max(d.scale(), 0));
                maxIntegerDigits = Math.max(maxIntegerDigits, d.signum() == 0 ? 0 : Math.max(d.precision() - d.scale(), 0));
            } else if (firstNonNumericText == null) {
                firstNonNumericText = s;
            }
        }
    }

    boolean onlyZeroOne() {
        return reals == 0 && blobs == 0 && (integers == 0 || intMin >= 0 && intMax <= 1)
                && (texts == 0 || textAllBoolean);
    }

    /** The smallest numeric(p,s) holding every audited value, "numeric" beyond p=1000, null if none. */
    String recommended() {
        if (auditValues == 0) {
            return null;
        }
        int p = Math.max(maxIntegerDigits + maxScale, 1);
        if (p > 1000) {
            return "numeric";
        }
        return "numeric(" + p + "," + maxScale + ")";
    }
}
