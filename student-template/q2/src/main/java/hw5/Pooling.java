package hw5;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Max and average pooling over 2-D windows, as PyTorch's {@code nn.MaxPool2d} and
 * {@code nn.AvgPool2d}. It computes what DJL's {@code Pool.maxPool2dBlock} and
 * {@code Pool.avgPool2dBlock} compute, but those keep their window size inside a lambda, where
 * {@link ModelExport} cannot read it; this block remembers it. Given: use it in your network.
 *
 * <pre>{@code
 * network.add(Pooling.max(2));      // 2×2 windows, 2 apart: (C, 28, 28) becomes (C, 14, 14)
 * network.add(Pooling.average(2));
 * }</pre>
 */
public final class Pooling extends AbstractBlock {
    /** Which value of a window is kept. */
    public enum Kind {
        MAX,
        /** The mean; zeros of the padding count (PyTorch's default). */
        AVERAGE
    }

    private final Kind kind;
    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;

    private Pooling(Kind kind, Shape kernel, Shape stride, Shape padding) {
        if (kernel.dimension() != 2 || stride.dimension() != 2 || padding.dimension() != 2) {
            throw new IllegalArgumentException("kernel, stride and padding must each be a Shape of two sizes"
                    + " (rows, columns), e.g. new Shape(2, 2)");
        }
        this.kind = kind;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    /** Max pooling over {@code size×size} windows, {@code size} apart, no padding. */
    public static Pooling max(int size) {
        return max(new Shape(size, size), new Shape(size, size), new Shape(0, 0));
    }

    public static Pooling max(Shape kernel, Shape stride, Shape padding) {
        return new Pooling(Kind.MAX, kernel, stride, padding);
    }

    /** Average pooling over {@code size×size} windows, {@code size} apart, no padding. */
    public static Pooling average(int size) {
        return average(new Shape(size, size), new Shape(size, size), new Shape(0, 0));
    }

    public static Pooling average(Shape kernel, Shape stride, Shape padding) {
        return new Pooling(Kind.AVERAGE, kernel, stride, padding);
    }

    public Kind kind() {
        return kind;
    }

    public Shape kernel() {
        return kernel;
    }

    public Shape stride() {
        return stride;
    }

    public Shape padding() {
        return padding;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(kind == Kind.MAX
                ? Pool.maxPool2d(inputs.singletonOrThrow(), kernel, stride, padding, false)
                : Pool.avgPool2d(inputs.singletonOrThrow(), kernel, stride, padding, false, true));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long rows = (in.get(2) + 2 * padding.get(0) - kernel.get(0)) / stride.get(0) + 1;
        long columns = (in.get(3) + 2 * padding.get(1) - kernel.get(1)) / stride.get(1) + 1;
        return new Shape[] {new Shape(in.get(0), in.get(1), rows, columns)};
    }

    @Override
    public String toString() {
        return (kind == Kind.MAX ? "MaxPool" : "AvgPool") + kernel + " stride " + stride + " padding " + padding;
    }
}
