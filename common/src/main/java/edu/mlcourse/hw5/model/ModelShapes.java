package edu.mlcourse.hw5.model;

import edu.mlcourse.hw5.StudentFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walks a model's layers with the shape of one image's tensor, checking that every layer fits what
 * it receives (and that its arrays are complete, rectangular and finite), and counting what the
 * model costs: parameters, and multiply-adds per image.
 */
public final class ModelShapes {
    private ModelShapes() {
    }

    /**
     * What a valid model computes.
     *
     * @param shapes the tensor shape of one image before the first layer, then after each layer
     * @param parameters the number of weights, biases and batch-norm statistics
     * @param multiplyAdds multiply-adds of the linear and convolution layers for one image
     */
    public record Summary(List<int[]> shapes, long parameters, long multiplyAdds) {
        /** The shape after the last layer. */
        public int[] output() {
            return shapes.get(shapes.size() - 1);
        }
    }

    /** Checks the layers of {@code model} against its input shape; {@code name} starts every message. */
    public static Summary check(ModelFile model, String name) {
        int[] shape = model.input().shape().stream().mapToInt(Integer::intValue).toArray();
        List<int[]> shapes = new ArrayList<>(List.of(shape));
        long parameters = 0;
        long multiplyAdds = 0;
        for (int index = 0; index < model.layers().size(); index++) {
            Layer layer = model.layers().get(index);
            if (layer == null) {
                throw new StudentFileException(name + ": layer " + index + " is null.");
            }
            String where = name + ": layer " + index + " (" + layer.typeName() + ")";
            LayerCost cost = next(layer, shape, where);
            shape = cost.shape();
            shapes.add(shape);
            parameters += cost.parameters();
            multiplyAdds += cost.multiplyAdds();
        }
        return new Summary(List.copyOf(shapes), parameters, multiplyAdds);
    }

    /** A shape as text, {@code (16, 14, 14)}. */
    public static String describe(int[] shape) {
        return "(" + String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList()) + ")";
    }

    private record LayerCost(int[] shape, long parameters, long multiplyAdds) {
    }

    private static LayerCost next(Layer layer, int[] in, String where) {
        if (layer instanceof Layer.Linear linear) {
            return linear(linear, in, where);
        }
        if (layer instanceof Layer.Conv2d conv) {
            return conv2d(conv, in, where);
        }
        if (layer instanceof Layer.MaxPool2d pool) {
            return new LayerCost(pooled(pool.kernel(), pool.stride(), pool.padding(), in, where), 0, 0);
        }
        if (layer instanceof Layer.AvgPool2d pool) {
            return new LayerCost(pooled(pool.kernel(), pool.stride(), pool.padding(), in, where), 0, 0);
        }
        if (layer instanceof Layer.BatchNorm norm) {
            return batchNorm(norm, in, where);
        }
        if (layer instanceof Layer.Flatten) {
            return new LayerCost(new int[] {Arrays.stream(in).reduce(1, Math::multiplyExact)}, 0, 0);
        }
        if (layer instanceof Layer.Softmax || layer instanceof Layer.LogSoftmax) {
            requireVector(in, where, "a softmax over classes");
            return new LayerCost(in, 0, 0);
        }
        if (layer instanceof Layer.Dropout dropout) {
            if (!(dropout.rate() >= 0 && dropout.rate() < 1)) {
                throw new StudentFileException(where + ": \"rate\" is " + dropout.rate() + "; it must be in [0, 1).");
            }
            return new LayerCost(in, 0, 0);
        }
        return new LayerCost(in, 0, 0);  // relu keeps the shape
    }

    private static LayerCost linear(Layer.Linear linear, int[] in, String where) {
        if (linear.weights() == null || linear.bias() == null) {
            throw new StudentFileException(where + " needs both \"W\" and \"b\".");
        }
        requireVector(in, where, "a linear layer");
        if (linear.inputs() != in[0]) {
            throw new StudentFileException(where + " has W with " + linear.inputs() + " rows but receives " + in[0]
                    + " values; W must be inputs×outputs (D×M), as in Q1.linearForward.");
        }
        int outputs = linear.outputs();
        for (int r = 0; r < linear.weights().length; r++) {
            double[] row = linear.weights()[r];
            if (row == null || row.length != outputs) {
                throw new StudentFileException(where + ": W[" + r + "] has " + (row == null ? "no" : row.length)
                        + " entries but b has " + outputs + ".");
            }
            requireFinite(row, where + ": W[" + r + "]");
        }
        requireFinite(linear.bias(), where + ": b");
        long weights = (long) in[0] * outputs;
        return new LayerCost(new int[] {outputs}, weights + outputs, weights);
    }

    private static LayerCost conv2d(Layer.Conv2d conv, int[] in, String where) {
        requireImage(in, where);
        if (conv.weight() == null || conv.bias() == null) {
            throw new StudentFileException(where + " needs \"weight\" and \"bias\" (zeros if the convolution has none).");
        }
        int filters = conv.bias().length;
        if (conv.weight().length != filters || filters == 0) {
            throw new StudentFileException(where + " has " + conv.weight().length + " filters in \"weight\" but "
                    + filters + " biases; weight must be [filters][channels][kh][kw].");
        }
        double[][][] first = conv.weight()[0];
        int kh = first == null || first.length == 0 || first[0] == null ? 0 : first[0].length;
        int kw = kh == 0 || first[0][0] == null ? 0 : first[0][0].length;
        for (int f = 0; f < filters; f++) {
            double[][][] filter = conv.weight()[f];
            if (filter == null || filter.length != in[0]) {
                throw new StudentFileException(where + ": weight[" + f + "] has " + (filter == null ? "no" : filter.length)
                        + " channels but the layer receives " + in[0] + " (input " + describe(in)
                        + "); weight must be [filters][channels][kh][kw].");
            }
            for (int c = 0; c < filter.length; c++) {
                if (filter[c] == null || filter[c].length != kh) {
                    throw new StudentFileException(where + ": weight[" + f + "][" + c + "] is not a " + kh + "×" + kw + " kernel.");
                }
                for (int i = 0; i < kh; i++) {
                    if (filter[c][i] == null || filter[c][i].length != kw) {
                        throw new StudentFileException(where + ": weight[" + f + "][" + c + "] is not a " + kh + "×" + kw + " kernel.");
                    }
                    requireFinite(filter[c][i], where + ": weight[" + f + "][" + c + "][" + i + "]");
                }
            }
        }
        requireFinite(conv.bias(), where + ": bias");
        int[] out = pooled(new int[] {kh, kw}, conv.stride(), conv.padding(), in, where);
        out[0] = filters;
        long perOutput = (long) in[0] * kh * kw;
        long outputs = (long) filters * out[1] * out[2];
        return new LayerCost(out, (long) filters * perOutput + filters, outputs * perOutput);
    }

    /** The shape after a window of {@code kernel} moved by {@code stride} over the zero-padded input. */
    private static int[] pooled(int[] kernel, int[] stride, int[] padding, int[] in, String where) {
        requireImage(in, where);
        requirePair(kernel, "kernel", 1, where);
        requirePair(stride, "stride", 1, where);
        requirePair(padding, "padding", 0, where);
        int[] out = new int[] {in[0], 0, 0};
        for (int axis = 0; axis < 2; axis++) {
            int size = in[axis + 1] + 2 * padding[axis] - kernel[axis];
            if (size < 0) {
                throw new StudentFileException(where + ": the " + kernel[0] + "×" + kernel[1] + " window does not fit in the input "
                        + describe(in) + " with padding " + padding[0] + "×" + padding[1] + ".");
            }
            if (2 * padding[axis] > kernel[axis]) {
                throw new StudentFileException(where + ": padding " + padding[axis] + " is more than half the window ("
                        + kernel[axis] + "), which PyTorch and DJL do not allow.");
            }
            out[axis + 1] = size / stride[axis] + 1;
        }
        return out;
    }

    private static LayerCost batchNorm(Layer.BatchNorm norm, int[] in, String where) {
        int channels = in[0];
        double[][] arrays = {norm.mean(), norm.variance(), norm.gamma(), norm.beta()};
        String[] names = {"mean", "variance", "gamma", "beta"};
        for (int k = 0; k < arrays.length; k++) {
            if (arrays[k] == null || arrays[k].length != channels) {
                throw new StudentFileException(where + ": \"" + names[k] + "\" has " + (arrays[k] == null ? "no" : arrays[k].length)
                        + " entries but the layer receives " + channels + " channels (input " + describe(in) + ").");
            }
            requireFinite(arrays[k], where + ": " + names[k]);
        }
        if (!(norm.eps() >= 0) || !Double.isFinite(norm.eps())) {
            throw new StudentFileException(where + ": \"eps\" is " + norm.eps() + "; it must be a small positive number such as 1e-5.");
        }
        for (int c = 0; c < channels; c++) {
            if (!(norm.variance()[c] + norm.eps() > 0)) {
                throw new StudentFileException(where + ": variance[" + c + "] + eps is not positive.");
            }
        }
        return new LayerCost(in, 4L * channels, 0);
    }

    private static void requireVector(int[] in, String where, String what) {
        if (in.length != 1) {
            throw new StudentFileException(where + " receives a tensor of shape " + describe(in) + ", but " + what
                    + " takes a vector: put a flatten layer before it.");
        }
    }

    private static void requireImage(int[] in, String where) {
        if (in.length != 3) {
            throw new StudentFileException(where + " receives " + describe(in) + ", but it takes (channels, rows, columns):"
                    + " it must come before the flatten layer, and the input shape must be [1, 28, 28].");
        }
    }

    private static void requirePair(int[] pair, String key, int least, String where) {
        if (pair == null || pair.length != 2 || pair[0] < least || pair[1] < least) {
            throw new StudentFileException(where + ": \"" + key + "\" must be two whole numbers of at least " + least
                    + " (rows, columns), got " + (pair == null ? "none" : Arrays.toString(pair)) + ".");
        }
    }

    static void requireFinite(double[] values, String where) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new StudentFileException(where + "[" + i + "] is " + values[i] + "; every parameter must be finite.");
            }
        }
    }
}
