package edu.mlcourse.hw5.predictions;

import edu.mlcourse.hw5.predictions.PredictionsException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the text formats (CSV and JSON) share: decoding the file, and turning a number into a label. */
final class PredictionsText {
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private PredictionsText() {
    }

    /** The file as UTF-8 text without a byte-order mark (Excel and Notepad write one). */
    static String read(Path file, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (bytes.length > 0 && (bytes[0] & 0xFF) == 0x93 && new String(bytes, 1, Math.min(5, bytes.length - 1),
                StandardCharsets.ISO_8859_1).equals("NUMPY")) {
            throw malformed(name, name + " is a numpy .npy file (written by np.save), not text. Name it"
                    + " predictions.npy, or write text with np.savetxt('" + name + "', preds, fmt='%d').");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(name, name + " is not UTF-8 text (is it a binary file under a text name?). Write it"
                    + " as plain text, one label per line for .csv or a JSON array for .json.");
        }
    }

    /**
     * A whole number that fits an {@code int}; {@code 3}, {@code 3.0} and {@code 3e0} are all 3.
     *
     * @param where e.g. {@code line 5} or {@code element 4}, for the message
     */
    static int wholeNumber(BigDecimal value, String text, String where, String name) {
        if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) {
            throw malformed(name, name + ", " + where + ": " + text + " is not a class label; classes are 0..9.");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw malformed(name, name + ", " + where + ": " + text + " is not a whole number; labels are class"
                    + " numbers 0..9. If you have per-class scores or probabilities, take preds.argmax(axis=1).");
        }
        return value.intValueExact();
    }

    static PredictionsException malformed(String name, String message) {
        return new PredictionsException(Kind.MALFORMED, name, message);
    }
}
