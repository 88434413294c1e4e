package edu.mlcourse.hw5.npy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax that {@code .npy} headers use, instead of
 * evaluating anything: dicts with string keys, lists, tuples, strings, integers, {@code True},
 * {@code False} and {@code None}.
 *
 * <p>Values become {@link Map} (insertion order), {@link List} (a list), {@link Tuple},
 * {@link String}, {@link BigInteger} (so that a huge shape is seen as huge, not wrapped),
 * {@link Boolean} and {@link #NONE}. Any other syntax, such as a float or a name, is an error.
 */
final class PyLiteral {
    /** Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A Python tuple, kept apart from a list because numpy requires the shape to be a tuple. */
    record Tuple(List<Object> items) {
    }

    /** Why a header is not a literal, with the character offset where parsing stopped. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    // Far deeper than any real header; bounds recursion on a hostile one.
    private static final int MAX_DEPTH = 32;

    private final String text;
    private final boolean longSuffix;
    private int pos;

    private PyLiteral(String text, boolean longSuffix) {
        this.text = text;
        this.longSuffix = longSuffix;
    }

    /**
     * Parses one literal that may be surrounded by whitespace.
     *
     * @param longSuffix accept Python 2's {@code L} after an integer ({@code 10L}), as numpy does
     *     for format versions 1.0 and 2.0, whose files Python 2 may have written
     */
    static Object parse(String text, boolean longSuffix) throws SyntaxError {
        PyLiteral parser = new PyLiteral(text, longSuffix);
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected " + parser.describeNext() + " after the end of the literal");
        }
        return value;
    }

    private Object value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of the header");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return dict(depth);
        }
        if (c == '[' || c == '(') {
            return sequence(depth);
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '-' || c == '+' || isDigit(c)) {
            return integer();
        }
        if (Character.isLetter(c) || c == '_') {
            return name();
        }
        throw error("unexpected " + describeNext());
    }

    private Map<String, Object> dict(int depth) throws SyntaxError {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek('}')) {
                pos++;
                return map;
            }
            int keyAt = pos;
            Object key = value(depth + 1);
            if (!(key instanceof String name)) {
                pos = keyAt;
                throw error("a dict key is not a string");
            }
            skipSpace();
            expect(':');
            Object value = value(depth + 1);
            if (map.containsKey(name)) {
                pos = keyAt;
                throw error("the key '" + name + "' appears twice");
            }
            map.put(name, value);
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (!peek('}')) {
                throw error("expected ',' or '}' but found " + describeNext());
            }
        }
    }

    private Object sequence(int depth) throws SyntaxError {
        char close = text.charAt(pos) == '[' ? ']' : ')';
        pos++;
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (peek(close)) {
                pos++;
                break;
            }
            items.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
                sawComma = true;
            } else if (!peek(close)) {
                throw error("expected ',' or '" + close + "' but found " + describeNext());
            }
        }
        if (close == ']') {
            return List.copyOf(items);
        }
        // As in Python, (5) is just 5 in parentheses; (5,) and () are tuples.
        return items.size() == 1 && !sawComma ? items.get(0) : new Tuple(List.copyOf(items));
    }

    private String string() throws SyntaxError {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\n') {
                break;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '\\', '\'', '"' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'x' -> out.appendCodePoint(hex(2));
                case 'u' -> out.appendCodePoint(hex(4));
                case 'U' -> out.appendCodePoint(hex(8));
                default -> out.append('\\').append(e);
            }
        }
        throw error("a string is not closed");
    }

    private int hex(int digits) throws SyntaxError {
        if (pos + digits > text.length()) {
            throw error("a \\x, \\u or \\U escape is cut short");
        }
        try {
            int code = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
            if (!Character.isValidCodePoint(code)) {
                throw error("an escape names no character");
            }
            pos += digits;
            return code;
        } catch (NumberFormatException e) {
            throw error("a \\x, \\u or \\U escape has a non-hex digit");
        }
    }

    private BigInteger integer() throws SyntaxError {
        int start = pos;
        if (peek('-') || peek('+')) {
            pos++;
            skipSpace();
        }
        int digitsStart = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digitsStart) {
            pos = start;
            throw error("a sign is not followed by digits");
        }
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos = start;
            throw error("only integers are expected, found a floating-point number");
        }
        BigInteger value = new BigInteger(text.substring(digitsStart, pos));
        if (longSuffix && peek('L')) {
            pos++;
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos = start;
            throw error("a number runs into letters");
        }
        return text.charAt(start) == '-' ? value.negate() : value;
    }

    private Object name() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        switch (name) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return NONE;
            default:
                pos = start;
                throw error("unexpected name '" + name + "' (only True, False and None are literals)");
        }
    }

    private void expect(char c) throws SyntaxError {
        if (!peek(c)) {
            throw error("expected '" + c + "' but found " + describeNext());
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\n\r\f\u000b".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private String describeNext() {
        if (pos >= text.length()) {
            return "the end of the header";
        }
        char c = text.charAt(pos);
        return c >= ' ' && c < 0x7f ? "'" + c + "'" : String.format("the character U+%04X", (int) c);
    }

    private SyntaxError error(String what) {
        return new SyntaxError(what + " (at character " + pos + ")");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
