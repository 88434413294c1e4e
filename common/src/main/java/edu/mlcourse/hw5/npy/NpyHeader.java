package edu.mlcourse.hw5.npy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The validated header of an {@code .npy} file this project reads.
 *
 * @param majorVersion 1, 2 or 3
 * @param minorVersion 0
 * @param dtype the values' type
 * @param fortranOrder as declared; irrelevant to the values' order, since at most one dimension
 *     exceeds 1
 * @param shape the declared dimensions
 * @param dataOffset where the values start in the file
 */
public record NpyHeader(int majorVersion, int minorVersion, NpyDtype dtype, boolean fortranOrder,
                        List<Long> shape, long dataOffset) {
    public NpyHeader {
        shape = List.copyOf(shape);
    }

    /** The number of values: the product of the shape, 1 for shape {@code ()}. */
    public long count() {
        return shape.stream().reduce(1L, Math::multiplyExact);
    }

    /** The number of data bytes that follow the header. */
    public long dataBytes() {
        return Math.multiplyExact(count(), dtype.size());
    }

    /** The shape as Python prints it, e.g. {@code (12,)} or {@code (12, 1)}. */
    public String shapeText() {
        return shapeText(shape);
    }

    static String shapeText(List<?> shape) {
        return shape.size() == 1 ? "(" + shape.get(0) + ",)"
                : shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }
}
