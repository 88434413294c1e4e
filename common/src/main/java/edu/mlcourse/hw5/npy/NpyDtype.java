package edu.mlcourse.hw5.npy;

import java.nio.ByteOrder;
import java.util.Optional;

/**
 * One of the numeric dtypes this project reads: a signed or unsigned integer of 1, 2, 4 or 8 bytes,
 * or a 4- or 8-byte float, in either byte order.
 *
 * @param kind integer or float
 * @param size bytes per value
 * @param order the byte order of each value
 * @param descr the header's {@code descr} it was parsed from, e.g. {@code <i8}
 */
public record NpyDtype(Kind kind, int size, ByteOrder order, String descr) {
    /** What the bytes of one value mean. */
    public enum Kind {
        SIGNED, UNSIGNED, FLOAT
    }

    /**
     * The dtype a simple {@code descr} string names, or else a clause ("which holds text, ...")
     * saying what the array holds, for the caller's error message.
     *
     * <p>The first character is the byte order: {@code <} little-endian, {@code >} big-endian,
     * {@code |} not applicable (1-byte values only), {@code =} native, which numpy never writes
     * to a file and which is read as little-endian, the order of every machine numpy runs on in
     * practice. A descr without one is read as {@code =}, as numpy does.
     */
    static Result parse(String descr) {
        int at = 0;
        char orderChar = descr.isEmpty() ? '=' : descr.charAt(0);
        if ("<>=|".indexOf(orderChar) >= 0) {
            at = 1;
        } else {
            orderChar = '=';
        }
        if (at >= descr.length()) {
            return unknown(descr);
        }
        char kindChar = descr.charAt(at);
        String sizeText = descr.substring(at + 1);
        Optional<String> other = otherKind(kindChar, sizeText);
        if (other.isPresent()) {
            return new Result(null, other.get());
        }
        if (!sizeText.matches("[0-9]{1,2}")) {
            return unknown(descr);
        }
        int size = Integer.parseInt(sizeText);
        Kind kind;
        switch (kindChar) {
            case 'i' -> kind = Kind.SIGNED;
            case 'u' -> kind = Kind.UNSIGNED;
            case 'f' -> kind = Kind.FLOAT;
            default -> {
                return unknown(descr);
            }
        }
        if (kind == Kind.FLOAT && size == 2) {
            return new Result(null, "which holds 16-bit floats (float16), not read here");
        }
        if (kind == Kind.FLOAT && size != 4 && size != 8) {
            return new Result(null, "which holds " + size * 8 + "-bit floats (long double), not read here");
        }
        if (kind != Kind.FLOAT && size != 1 && size != 2 && size != 4 && size != 8) {
            return unknown(descr);
        }
        if (orderChar == '|' && size != 1) {
            return new Result(null, "whose byte order '|' (not applicable) leaves it unknown whether its "
                    + size + "-byte values are little- or big-endian");
        }
        ByteOrder order = orderChar == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new Result(new NpyDtype(kind, size, order, descr), null);
    }

    private static Optional<String> otherKind(char kindChar, String sizeText) {
        return Optional.ofNullable(switch (kindChar) {
            case 'O' -> "which holds Python objects: reading them would mean unpickling, and the grader"
                    + " never unpickles a file";
            case 'b', '?' -> "which holds booleans (True/False), not class numbers";
            case 'c' -> "which holds complex numbers";
            case 'U', 'S', 'a' -> "which holds text, not class numbers";
            case 'M', 'm' -> "which holds dates or time spans";
            case 'V' -> "which holds raw bytes";
            default -> null;
        });
    }

    private static Result unknown(String descr) {
        return new Result(null, "which is not a dtype numpy writes for numbers");
    }

    /** Either a dtype or, when the descr names something else, what that is. */
    record Result(NpyDtype dtype, String otherwise) {
    }

    /** Readable name, e.g. {@code int64 (little-endian)}. */
    public String describe() {
        String base = switch (kind) {
            case SIGNED -> "int";
            case UNSIGNED -> "uint";
            case FLOAT -> "float";
        };
        return base + size * 8 + (size == 1 ? "" : order == ByteOrder.BIG_ENDIAN ? " (big-endian)" : " (little-endian)");
    }
}
