package edu.mlcourse.hw5.npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a one-dimensional array of whole numbers from a numpy {@code .npy} file, as
 * {@code np.save} writes it, and refuses anything else with a message that says what is wrong
 * and how to save the array instead.
 *
 * <p>Format (numpy's {@code numpy/lib/format.py}): the magic {@code \x93NUMPY}; a major and a
 * minor version byte; the header length, an unsigned little-endian 16-bit int in version 1.0 and
 * a 32-bit one in 2.0 and 3.0; the header, a Python dict literal with exactly the keys
 * {@code descr}, {@code fortran_order} and {@code shape}, Latin-1 text (UTF-8 in 3.0) padded
 * with spaces and a final newline; then the values, nothing else.
 *
 * <p>Accepted: versions 1.0, 2.0 and 3.0; dtypes int8..int64, uint8..uint64, float32 and float64
 * in either byte order ({@link NpyDtype#parse}), floats only when every value is a whole number;
 * any shape with at most one dimension other than 1, such as {@code (N,)}, {@code (N, 1)},
 * {@code (1, N)} or {@code ()}, in either {@code fortran_order} (with a single dimension above
 * 1 both orders lay the values out the same); every value within {@code int}'s range.
 *
 * <p>Refused: anything else, and in particular any object, pickled or structured array (the
 * reader parses the header itself and never unpickles or evaluates anything); a header longer than
 * {@value #MAX_HEADER_BYTES} bytes (numpy's own {@code np.load} limit); a declared size that the
 * file does not hold, checked against the file's real size before anything is allocated; and
 * bytes after the values. numpy itself ignores such trailing bytes, but {@code np.save} never
 * writes them: they mean the file holds something else too (typically a second array, from
 * calling {@code np.save} twice on one open file), and grading the first array of an ambiguous
 * file silently is worse than asking for a clean one.
 *
 * <p>What numpy's header may hold beyond that is also accepted: whitespace after the dict instead
 * of exactly one newline (numpy does not check it either), and, in versions 1.0 and 2.0, Python
 * 2's {@code L} suffix on integers ({@code (10L,)}), which numpy strips too.
 */
public final class NpyReader {
    /** numpy's {@code np.load} refuses longer headers too ({@code max_header_size}). */
    public static final int MAX_HEADER_BYTES = 10_000;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    private static final int CHUNK = 1 << 16;

    private NpyReader() {
    }

    /** The validated header; the file's size is checked to match it exactly. */
    public static NpyHeader readHeader(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return header(channel, new Problem(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The values, in order, as {@code int}s. */
    public static int[] readInts(Path file) {
        Problem problem = new Problem(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader header = header(channel, problem);
            return values(channel, header, problem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** How a student saves an array this reader accepts. */
    public static String saveHint(String fileName) {
        return "Save the labels with np.save('" + fileName + "', preds.astype(np.int64)).";
    }

    private static NpyHeader header(FileChannel channel, Problem problem) throws IOException {
        long size = channel.size();
        byte[] start = read(channel, 0, (int) Math.min(size, MAGIC.length + 2));
        checkMagic(start, size, problem);
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (minor != 0 || major < 1 || major > 3) {
            throw problem.fail("uses .npy format version " + major + "." + minor + ", which is not read here"
                    + " (versions 1.0, 2.0 and 3.0 are).");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        long prefix = MAGIC.length + 2 + lengthBytes;
        if (size < prefix) {
            throw problem.fail("is truncated: it ends inside its header.");
        }
        ByteBuffer lengthField = ByteBuffer.wrap(read(channel, MAGIC.length + 2, lengthBytes)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? lengthField.getShort() & 0xFFFF : lengthField.getInt() & 0xFFFF_FFFFL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw problem.fail("declares a header of " + headerLength + " bytes, more than the " + MAX_HEADER_BYTES
                    + " numpy's own np.load accepts; np.save writes about 128 for an array of labels.");
        }
        if (prefix + headerLength > size) {
            throw problem.fail("is truncated: its header is declared as " + headerLength + " bytes but the file ends "
                    + (size - prefix) + " bytes after the header starts.");
        }
        String text = decode(read(channel, prefix, (int) headerLength), major, problem);
        Map<?, ?> dict = dict(text, major, problem);
        NpyDtype dtype = dtype(dict.get("descr"), text, problem);
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw problem.malformed("'fortran_order' must be True or False, not " + fortran, text);
        }
        List<BigInteger> shape = shape(dict.get("shape"), text, problem);
        long dataOffset = prefix + headerLength;
        List<Long> dims = checkSize(shape, dtype, size - dataOffset, problem);
        return new NpyHeader(major, minor, dtype, fortranOrder, dims, dataOffset);
    }

    private static void checkMagic(byte[] start, long size, Problem problem) {
        if (size == 0) {
            throw problem.fail("is empty (0 bytes).");
        }
        for (int i = 0; i < Math.min(start.length, MAGIC.length); i++) {
            if (start[i] != MAGIC[i]) {
                throw problem.fail("is not a numpy .npy file: " + notNpy(start));
            }
        }
        if (size < MAGIC.length + 2) {
            throw problem.fail("is truncated: it is only " + size + " bytes long.");
        }
    }

    /** What the first bytes suggest the file is, since students do save other things under this name. */
    private static String notNpy(byte[] start) {
        if (start.length >= 2 && start[0] == 'P' && start[1] == 'K') {
            return "it is a zip archive, as np.savez and np.savez_compressed write to hold several arrays.";
        }
        if ((start[0] & 0xFF) == 0x80) {
            return "it looks like a Python pickle (pickle.dump, joblib.dump or torch.save), which the grader"
                    + " never loads.";
        }
        boolean text = true;
        for (byte b : start) {
            text &= b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' || b == '\t';
        }
        if (text) {
            return "it is a text file, while np.save writes a binary file that starts with \\x93NUMPY"
                    + " (text belongs in a .csv file).";
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : start) {
            hex.append(String.format(" %02x", b & 0xFF));
        }
        return "it does not start with the bytes \\x93NUMPY that every .npy file starts with (it starts with"
                + hex + ").";
    }

    private static String decode(byte[] bytes, int major, Problem problem) {
        if (major < 3) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw problem.fail("has a damaged header: format version 3.0 requires UTF-8 text, and the header is not.");
        }
    }

    private static Map<?, ?> dict(String text, int major, Problem problem) {
        Object parsed;
        try {
            parsed = PyLiteral.parse(text, major < 3);
        } catch (PyLiteral.SyntaxError e) {
            throw problem.malformed("it is not a Python literal: " + e.getMessage(), text);
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw problem.malformed("it is not a dict", text);
        }
        if (!dict.keySet().equals(KEYS)) {
            Set<Object> missing = new TreeSet<>(KEYS);
            missing.removeAll(dict.keySet());
            Set<Object> extra = new TreeSet<>(dict.keySet());
            extra.removeAll(KEYS);
            throw problem.malformed("it must have exactly the keys 'descr', 'fortran_order' and 'shape'"
                    + (missing.isEmpty() ? "" : "; missing: " + missing)
                    + (extra.isEmpty() ? "" : "; unexpected: " + extra), text);
        }
        return dict;
    }

    private static NpyDtype dtype(Object descr, String text, Problem problem) {
        if (descr instanceof List<?> fields) {
            throw problem.fail("holds a structured array (a dtype with " + fields.size() + " named field(s)), not"
                    + " plain numbers.");
        }
        if (!(descr instanceof String name)) {
            throw problem.malformed("'descr' must be a dtype string such as '<i8', not " + descr, text);
        }
        NpyDtype.Result result = NpyDtype.parse(name);
        if (result.dtype() == null) {
            throw problem.fail("has dtype '" + name + "', " + result.otherwise() + ". Labels must be stored as integers.");
        }
        return result.dtype();
    }

    private static List<BigInteger> shape(Object shape, String text, Problem problem) {
        List<BigInteger> dims = new ArrayList<>();
        if (shape instanceof PyLiteral.Tuple tuple) {
            for (Object dim : tuple.items()) {
                if (!(dim instanceof BigInteger n) || n.signum() < 0) {
                    dims = null;
                    break;
                }
                dims.add(n);
            }
        } else {
            dims = null;
        }
        if (dims == null) {
            throw problem.malformed("'shape' must be a tuple of non-negative integers such as (10000,), not "
                    + (shape instanceof PyLiteral.Tuple t ? NpyHeader.shapeText(t.items()) : shape), text);
        }
        if (dims.stream().filter(d -> !d.equals(BigInteger.ONE)).count() > 1) {
            throw problem.fail("holds an array of shape " + NpyHeader.shapeText(dims) + ", but only one label per"
                    + " image is read, shape (N,) or (N, 1). If these are per-class scores or probabilities, save"
                    + " preds.argmax(axis=1); if they are labels, flatten them with preds.ravel().");
        }
        return dims;
    }

    /** Compares the declared data size with what the file holds, before anything is allocated. */
    private static List<Long> checkSize(List<BigInteger> shape, NpyDtype dtype, long available, Problem problem) {
        BigInteger count = shape.stream().reduce(BigInteger.ONE, BigInteger::multiply);
        BigInteger declared = count.multiply(BigInteger.valueOf(dtype.size()));
        BigInteger actual = BigInteger.valueOf(available);
        String declares = "its header declares shape " + NpyHeader.shapeText(shape) + " of " + dtype.describe()
                + ", that is " + count + " value(s) or " + declared + " bytes";
        if (declared.compareTo(actual) > 0) {
            throw problem.fail("is truncated or damaged: " + declares + ", but only " + available
                    + " bytes follow the header.");
        }
        if (declared.compareTo(actual) < 0) {
            throw problem.fail("has " + actual.subtract(declared) + " unexpected bytes after its data: " + declares
                    + ", and np.save writes nothing after them. The file holds something more (for example"
                    + " np.save called twice on one open file) or is damaged.");
        }
        if (count.compareTo(BigInteger.valueOf(Integer.MAX_VALUE - 8)) > 0) {
            throw problem.fail("holds " + count + " values, more than a Java array can hold.");
        }
        return shape.stream().map(BigInteger::longValueExact).toList();
    }

    private static int[] values(FileChannel channel, NpyHeader header, Problem problem) throws IOException {
        NpyDtype dtype = header.dtype();
        int count = (int) header.count();
        int[] values = new int[count];
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, header.dataBytes())).order(dtype.order());
        long position = header.dataOffset();
        int index = 0;
        while (index < count) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), (long) (count - index) * dtype.size()));
            readFully(channel, buffer, position);
            position += buffer.limit();
            buffer.flip();
            while (buffer.hasRemaining()) {
                values[index] = value(buffer, dtype, index, problem);
                index++;
            }
        }
        return values;
    }

    private static int value(ByteBuffer buffer, NpyDtype dtype, int index, Problem problem) {
        return switch (dtype.kind()) {
            case SIGNED -> switch (dtype.size()) {
                case 1 -> buffer.get();
                case 2 -> buffer.getShort();
                case 4 -> buffer.getInt();
                default -> toInt(buffer.getLong(), index, problem);
            };
            case UNSIGNED -> switch (dtype.size()) {
                case 1 -> buffer.get() & 0xFF;
                case 2 -> buffer.getShort() & 0xFFFF;
                case 4 -> toInt(buffer.getInt() & 0xFFFF_FFFFL, index, problem);
                default -> {
                    long v = buffer.getLong();
                    if (v < 0) {
                        throw problem.tooBig(Long.toUnsignedString(v), index);
                    }
                    yield toInt(v, index, problem);
                }
            };
            case FLOAT -> {
                if (dtype.size() == 4) {
                    float f = buffer.getFloat();
                    yield toInt(f, Float.toString(f), index, problem);
                }
                double d = buffer.getDouble();
                yield toInt(d, Double.toString(d), index, problem);
            }
        };
    }

    private static int toInt(long v, int index, Problem problem) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw problem.tooBig(Long.toString(v), index);
        }
        return (int) v;
    }

    private static int toInt(double v, String shown, int index, Problem problem) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw problem.fail("holds " + shown + " at index " + index + "; every label must be a whole number."
                    + " Check how preds was computed.");
        }
        if (v != Math.rint(v)) {
            throw problem.fail("holds " + shown + " at index " + index + ", which is not a whole number; labels are"
                    + " class numbers. If preds holds per-class scores or probabilities, take preds.argmax(axis=1).");
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw problem.tooBig(shown, index);
        }
        return (int) v;
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        readFully(channel, buffer, position);
        return buffer.array();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                // The size was checked; only a file changed while being read ends early.
                throw new IOException("the file ended early; was it modified while being read?");
            }
            at += n;
        }
    }

    /** Builds the messages about one file, which name it without its folder. */
    private static final class Problem {
        private final String name;

        Problem(Path file) {
            this.name = String.valueOf(file.getFileName());
        }

        /** Every message ends with how to save a file that is accepted. */
        NpyException fail(String what) {
            return new NpyException(name + " " + what + " " + saveHint(name));
        }

        NpyException malformed(String what, String header) {
            return fail("has a malformed header (" + what + "). The header reads: " + shown(header));
        }

        NpyException tooBig(String shown, int index) {
            return fail("holds " + shown + " at index " + index + ", which does not fit in a 32-bit int; labels"
                    + " are small class numbers.");
        }

        private static String shown(String header) {
            String trimmed = header.strip();
            StringBuilder out = new StringBuilder();
            trimmed.codePoints().limit(200).forEach(c -> {
                if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out + (trimmed.codePointCount(0, trimmed.length()) > 200 ? "…" : "");
        }
    }
}
