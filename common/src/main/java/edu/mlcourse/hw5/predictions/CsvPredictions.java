package edu.mlcourse.hw5.predictions;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * {@code predictions.csv}: one label per line, as {@code np.savetxt(f, preds, fmt='%d')} or
 * {@code pd.Series(preds).to_csv(f, index=False, header=False)} write it.
 *
 * <p>Tolerated: a UTF-8 byte-order mark; {@code \n}, {@code \r\n} or {@code \r} line ends; spaces
 * and tabs around a value; blank lines at the end; whole numbers written as floats ({@code 3.0},
 * {@code 3.000000000000000000e+00}, np.savetxt's default); and one header line, only as the first
 * line and only if it is a single name such as {@code label}, {@code prediction} or
 * {@code "class"} (a word of letters, digits and underscores that starts with a letter or
 * underscore, optionally in quotes), as {@code pandas.to_csv} writes it. A header that is a
 * number, such as the {@code 0} pandas writes for an unnamed Series, cannot be told from a label
 * and is read as one: the count check then reports one label too many.
 *
 * <p>Refused, with the line number: a blank line before the last label, a line with more than one
 * column (an index column, or all labels on one line), anything that is not a whole number.
 */
final class CsvPredictions {
    private static final Pattern LINE_END = Pattern.compile("\r\n|\n|\r");
    private static final Pattern HEADER = Pattern.compile("([\"']?)[A-Za-z_][A-Za-z0-9_]*\\1");
    // Names that numpy prints for values, which are bad labels rather than headers.
    private static final Pattern NOT_A_HEADER = Pattern.compile("(?i)[\"']?(nan|inf|infinity|true|false|none)[\"']?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SEPARATOR = Pattern.compile("[,;\\t ]");

    private CsvPredictions() {
    }

    static int[] parse(String text, String name) {
        String[] lines = LINE_END.split(text, -1);
        int end = lines.length;
        while (end > 0 && lines[end - 1].isBlank()) {
            end--;
        }
        int first = end > 0 && isHeader(lines[0].strip()) ? 1 : 0;
        int[] labels = new int[Math.max(0, end - first)];
        for (int i = first; i < end; i++) {
            labels[i - first] = label(lines[i].strip(), "line " + (i + 1), name);
        }
        return labels;
    }

    private static boolean isHeader(String line) {
        return HEADER.matcher(line).matches() && !NOT_A_HEADER.matcher(line).matches();
    }

    private static int label(String value, String where, String name) {
        if (value.isEmpty()) {
            throw PredictionsText.malformed(name, name + ", " + where + ": the line is blank. Write one label per"
                    + " line with no blank lines between them.");
        }
        if (SEPARATOR.matcher(value).find()) {
            String[] columns = SEPARATOR.split(value, -1);
            throw PredictionsText.malformed(name, name + ", " + where + ": \"" + shorten(value) + "\" has "
                    + columns.length + " columns; write exactly one label per line and nothing else, e.g."
                    + " np.savetxt('" + name + "', preds, fmt='%d') or"
                    + " pd.Series(preds).to_csv('" + name + "', index=False, header=False).");
        }
        if (!NUMBER.matcher(value).matches()) {
            throw PredictionsText.malformed(name, name + ", " + where + ": \"" + shorten(value) + "\" is not a"
                    + " number. Write each label as a class number 0..9, one per line.");
        }
        return PredictionsText.wholeNumber(new BigDecimal(value), value, where, name);
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
