package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.model.Layer;
import java.util.Arrays;
import java.util.List;

/**
 * The model evaluator's forward pass over a block of images at once, in single precision (as
 * PyTorch and DJL run a trained network): convolutions as im2col followed by a matrix product,
 * linear layers as a matrix product, both with loops the JIT turns into vector instructions, twice
 * as many lanes of {@code float} as of {@code double}. {@link ModelEvaluator} takes a label from
 * these scores only where single precision cannot have changed it, and asks the definition in
 * doubles ({@link PerImageForward}) for the others.
 *
 * <p>A block's tensor is held in one of two layouts. <em>Planes</em>, for {@code (C, H, W)}
 * tensors: one array per channel holding that channel's {@code H·W} values of every image of the
 * block, image after image, so a convolution is one product {@code weights (F × C·kh·kw) ·
 * columns (C·kh·kw × images·oh·ow)} whose rows are the next layer's planes. <em>Rows</em>, for
 * vectors: one array per image, in the row-major order of its shape, so flatten is a copy out of
 * the planes. Every value is the same sum of the same products as the per-image definition of
 * each layer, rounded to {@code float} and added in another order.
 */
final class BlockForward {
    /** Output columns of a convolution computed together: the im2col tile (at most 4 MB of columns at 3·3·64 inputs) stays in L2. */
    private static final int TILE = 256;

    private final List<Layer> layers;
    private final List<int[]> shapes;
    /** Per layer: a convolution's weights as {@code F} rows of {@code C·kh·kw}, a linear layer's ({@code N × K}) as {@code K} rows of {@code N}; else null. */
    private final float[][][] matrices;
    /** Per layer: a convolution's or a linear layer's bias; else null. */
    private final float[][] biases;

    BlockForward(List<Layer> layers, List<int[]> shapes) {
        this.layers = layers;
        this.shapes = shapes;
        this.matrices = new float[layers.size()][][];
        this.biases = new float[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l) instanceof Layer.Conv2d conv) {
                double[][][][] weight = conv.weight();
                float[][] rows = new float[weight.length][];
                for (int f = 0; f < weight.length; f++) {
                    rows[f] = floats(Arrays.stream(weight[f]).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray());
                }
                matrices[l] = rows;
                biases[l] = floats(conv.bias());
            } else if (layers.get(l) instanceof Layer.Linear linear) {
                double[][] weights = linear.weights();
                float[][] byOutput = new float[linear.bias().length][weights.length];
                for (int k = 0; k < weights.length; k++) {
                    for (int j = 0; j < byOutput.length; j++) {
                        byOutput[j][k] = (float) weights[k][j];
                    }
                }
                matrices[l] = byOutput;
                biases[l] = floats(linear.bias());
            }
        }
    }

    /** The block's tensor: planes (one per channel, every image's plane in turn) or rows (one per image). */
    private record Tensor(float[][] data, boolean planes, int images) {
    }

    /**
     * One thread's arrays, kept from block to block: each layer's output and scratch space has the
     * same shape in every full block, and allocating them afresh (zeroed memory, megabytes a block)
     * took a tenth of the evaluation. Every array handed out is either overwritten whole before it
     * is read, or (a convolution's columns) written at the same positions by every block.
     */
    static final class Workspace {
        /**
         * What a layer may keep: its output; a product's columns and sums; its input turned into
         * planes or columns, or into rows (a softmax's, the scores').
         */
        private enum Use { OUTPUT, COLUMNS, SUMS, INPUT, ROWS }

        private final int layers;
        private final float[][][] arrays;

        private Workspace(int layers) {
            this.layers = layers;
            arrays = new float[(layers + 1) * Use.values().length][][];
        }

        /** Rows for a block's {@code count} images of {@code length} values, the network's input. */
        float[][] input(int count, int length) {
            return get(layers, Use.INPUT, count, length);
        }

        /** A {@code count × length} array for {@code use} at layer {@code layer}: the last one, if of that shape. */
        private float[][] get(int layer, Use use, int count, int length) {
            int slot = layer * Use.values().length + use.ordinal();
            float[][] kept = arrays[slot];
            if (kept == null || kept.length != count || count > 0 && kept[0].length != length) {
                kept = new float[count][length];
                arrays[slot] = kept;
            }
            return kept;
        }
    }

    /** A workspace for this network. */
    Workspace workspace() {
        return new Workspace(layers.size());
    }

    /** {@code values} rounded to {@code float}. */
    static float[] floats(double[] values) {
        float[] rounded = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            rounded[k] = (float) values[k];
        }
        return rounded;
    }

    /** {@code values} widened to {@code double}, exactly. */
    static double[] doubles(float[] values) {
        double[] widened = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            widened[k] = values[k];
        }
        return widened;
    }

    /**
     * The 10 scores of each of the block's images, given as rows of the model's input shape
     * (overwritten). The rows returned belong to {@code space}: the next block overwrites them.
     */
    float[][] scores(float[][] rows, Workspace space) {
        Tensor x = new Tensor(rows, false, rows.length);
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            int[] in = shapes.get(l);
            if (layer instanceof Layer.Conv2d conv) {
                x = conv2d(planes(x, in, space, l), in, conv, matrices[l], biases[l], space, l);
            } else if (layer instanceof Layer.MaxPool2d pool) {
                x = pool(planes(x, in, space, l), in, pool.kernel(), pool.stride(), pool.padding(), true, space, l);
            } else if (layer instanceof Layer.AvgPool2d pool) {
                x = pool(planes(x, in, space, l), in, pool.kernel(), pool.stride(), pool.padding(), false, space, l);
            } else if (layer instanceof Layer.BatchNorm norm) {
                boolean relu = l + 1 < layers.size() && layers.get(l + 1) instanceof Layer.Relu;
                batchNorm(x, in, norm, relu);
                if (relu) {
                    l++;  // done with the batch norm, in the same pass
                }
            } else if (layer instanceof Layer.Relu) {
                relu(x);
            } else if (layer instanceof Layer.Linear linear) {
                x = linear(x, in, matrices[l], biases[l], space, l);
            } else if (layer instanceof Layer.Softmax) {
                x = rows(x, in, space, l);
                softmax(x.data(), false);
            } else if (layer instanceof Layer.LogSoftmax) {
                x = rows(x, in, space, l);
                softmax(x.data(), true);
            }
            // Flatten and dropout change nothing in either layout.
        }
        return rows(x, shapes.get(shapes.size() - 1), space, layers.size() - 1).data();
    }

    /**
     * {@code max(0, x)} in place, with {@code Math.max}, which C2 turns into vector instructions. It
     * keeps NaN where the definition gives 0; NaN then reaches the scores, and the image's label is
     * the definition's ({@link ModelEvaluator}).
     */
    private static void relu(Tensor x) {
        for (float[] array : x.data()) {
            for (int k = 0; k < array.length; k++) {
                array[k] = Math.max(array[k], 0f);
            }
        }
    }

    /** Softmax of every row in place, or its log, as {@link DenseOps#softmax} computes it in doubles (a last layer: 10 values an image). */
    private static void softmax(float[][] x, boolean log) {
        double[][] wide = Arrays.stream(x).map(BlockForward::doubles).toArray(double[][]::new);
        DenseOps.softmax(wide, log);
        for (int i = 0; i < x.length; i++) {
            x[i] = floats(wide[i]);
        }
    }

    /** {@code x} as planes, for a tensor of shape {@code (C, H, W)}, the input of layer {@code layer}. */
    private static Tensor planes(Tensor x, int[] shape, Workspace space, int layer) {
        if (x.planes()) {
            return x;
        }
        int channels = shape[0];
        int area = shape[1] * shape[2];
        float[][] planes = space.get(layer, Workspace.Use.INPUT, channels, x.images() * area);
        for (int b = 0; b < x.images(); b++) {
            float[] row = x.data()[b];
            for (int c = 0; c < channels; c++) {
                System.arraycopy(row, c * area, planes[c], b * area, area);
            }
        }
        return new Tensor(planes, true, x.images());
    }

    /**
     * {@code x} as rows, each in the row-major order of {@code shape} (the flatten of PyTorch and
     * DJL), as layer {@code layer} needs them.
     */
    private static Tensor rows(Tensor x, int[] shape, Workspace space, int layer) {
        if (!x.planes()) {
            return x;
        }
        int channels = x.data().length;
        int area = Arrays.stream(shape).reduce(1, Math::multiplyExact) / channels;
        float[][] rows = space.get(layer, Workspace.Use.ROWS, x.images(), channels * area);
        for (int b = 0; b < x.images(); b++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(x.data()[c], b * area, rows[b], c * area, area);
            }
        }
        return new Tensor(rows, false, x.images());
    }

    private static Tensor conv2d(Tensor x, int[] shape, Layer.Conv2d conv, float[][] weights, float[] bias,
                                 Workspace space, int layer) {
        int channels = shape[0];
        int h = shape[1];
        int w = shape[2];
        int kh = conv.weight()[0][0].length;
        int kw = conv.weight()[0][0][0].length;
        int sy = conv.stride()[0];
        int sx = conv.stride()[1];
        int py = conv.padding()[0];
        int px = conv.padding()[1];
        int oh = outputSize(h, kh, sy, py);
        int ow = outputSize(w, kw, sx, px);
        int area = oh * ow;
        int inner = channels * kh * kw;
        float[][] out = space.get(layer, Workspace.Use.OUTPUT, weights.length, x.images() * area);
        // Whole images per tile, as many as fit in TILE columns (at least one).
        int perTile = Math.max(1, TILE / area);
        float[][] columns = space.get(layer, Workspace.Use.COLUMNS, inner, perTile * area);
        float[][] sums = space.get(layer, Workspace.Use.SUMS, 2, perTile * area);
        Window window = new Window(h, w, kh, kw, sy, sx, py, px, oh, ow);
        for (int first = 0; first < x.images(); first += perTile) {
            int count = Math.min(perTile, x.images() - first);
            int width = count * area;
            for (int c = 0; c < channels; c++) {
                im2col(x.data()[c], first, count, window, columns, c * kh * kw);
            }
            multiply(weights, bias, columns, width, sums, out, first * area);
        }
        return new Tensor(out, true, x.images());
    }

    /**
     * Row {@code f} of {@code weights · columns + bias[f]}, for every filter {@code f}, into
     * {@code out[f]} from {@code offset}: one tile of a convolution's output. A method of its own for
     * the reason {@link #im2col} is.
     */
    private static void multiply(float[][] weights, float[] bias, float[][] columns, int width, float[][] sums,
                                 float[][] out, int offset) {
        int f = 0;
        for (; f + 2 <= weights.length; f += 2) {
            Arrays.fill(sums[0], 0, width, bias[f]);
            Arrays.fill(sums[1], 0, width, bias[f + 1]);
            accumulate(sums[0], sums[1], weights[f], weights[f + 1], columns, width);
            System.arraycopy(sums[0], 0, out[f], offset, width);
            System.arraycopy(sums[1], 0, out[f + 1], offset, width);
        }
        for (; f < weights.length; f++) {
            Arrays.fill(sums[0], 0, width, bias[f]);
            accumulate(sums[0], weights[f], columns, width);
            System.arraycopy(sums[0], 0, out[f], offset, width);
        }
    }

    /** {@link #accumulate(float[], float[], float[][], int)} for two filters: each row is read once for both. */
    private static void accumulate(float[] target, float[] other, float[] a, float[] b, float[][] rows, int width) {
        int k = 0;
        for (; k + 4 <= a.length; k += 4) {
            float a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3];
            float b0 = b[k], b1 = b[k + 1], b2 = b[k + 2], b3 = b[k + 3];
            float[] r0 = rows[k], r1 = rows[k + 1], r2 = rows[k + 2], r3 = rows[k + 3];
            for (int p = 0; p < width; p++) {
                float x0 = r0[p], x1 = r1[p], x2 = r2[p], x3 = r3[p];
                target[p] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
                other[p] += b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
            }
        }
        for (; k < a.length; k++) {
            float a0 = a[k];
            float b0 = b[k];
            float[] r0 = rows[k];
            for (int p = 0; p < width; p++) {
                target[p] += a0 * r0[p];
                other[p] += b0 * r0[p];
            }
        }
    }

    /** A convolution's window over an {@code h × w} plane, and the {@code oh × ow} positions it takes. */
    private record Window(int h, int w, int kh, int kw, int sy, int sx, int py, int px, int oh, int ow) {
    }

    /**
     * The columns of one channel's {@code plane} for images {@code first..first+count}: row
     * {@code row + i·kw + j} of {@code columns} holds, for every output position, the input under
     * the window's {@code (i, j)}. Positions under the padding are left alone: {@code columns} starts
     * as zeros, and which positions read the padding depends on the window alone, so no tile (of
     * this block or of any later block given the same columns) ever writes there. A method of its
     * own, called for every tile, so that C2 compiles it once as a whole rather than again and again
     * on stack replacement inside the convolution's loop (four compilations of a 20 kB method took
     * longer than the evaluation).
     */
    private static void im2col(float[] plane, int first, int count, Window win, float[][] columns, int row) {
        int h = win.h();
        int w = win.w();
        int ow = win.ow();
        int area = win.oh() * ow;
        for (int i = 0; i < win.kh(); i++) {
            for (int j = 0; j < win.kw(); j++) {
                float[] column = columns[row + i * win.kw() + j];
                int xFrom = Math.max(0, ceilDiv(win.px() - j, win.sx()));
                int xTo = Math.max(xFrom, Math.min(ow, ceilDiv(w + win.px() - j, win.sx())));
                for (int b = 0; b < count; b++) {
                    int source = (first + b) * h * w;
                    for (int y = 0; y < win.oh(); y++) {
                        int o = b * area + y * ow;
                        int iy = y * win.sy() + i - win.py();
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int s = source + iy * w + j - win.px();
                        if (win.sx() == 1) {
                            System.arraycopy(plane, s + xFrom, column, o + xFrom, xTo - xFrom);
                        } else if (win.sx() == 2) {
                            // A constant stride lets C2 drop the bounds checks: the usual downsampling
                            // convolution spent more time here than in its products.
                            for (int xx = xFrom; xx < xTo; xx++) {
                                column[o + xx] = plane[s + 2 * xx];
                            }
                        } else {
                            for (int xx = xFrom; xx < xTo; xx++) {
                                column[o + xx] = plane[s + xx * win.sx()];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code target[p] += Σ_k a[k]·rows[k][p]} for {@code p < width}, four rows at a time. The
     * loops are written so that C2 turns them into vector instructions: every array is indexed by
     * the loop variable alone (an offset makes C2 fear that {@code target} overlaps a row) and at most
     * four rows per loop (with eight, C2 gives up and runs it one value at a time, at half the speed).
     */
    private static void accumulate(float[] target, float[] a, float[][] rows, int width) {
        int k = 0;
        for (; k + 4 <= a.length; k += 4) {
            float a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3];
            float[] r0 = rows[k], r1 = rows[k + 1], r2 = rows[k + 2], r3 = rows[k + 3];
            for (int p = 0; p < width; p++) {
                target[p] += a0 * r0[p] + a1 * r1[p] + a2 * r2[p] + a3 * r3[p];
            }
        }
        for (; k < a.length; k++) {
            float a0 = a[k];
            float[] r0 = rows[k];
            for (int p = 0; p < width; p++) {
                target[p] += a0 * r0[p];
            }
        }
    }

    /**
     * {@code x·W + b} for every image, as the product {@code Wᵀ (K × N) · xᵀ (N × images)}: its rows
     * are as long as the block, where {@code x·W} row by row would vectorise rows of K (often 10).
     */
    private static Tensor linear(Tensor x, int[] shape, float[][] weightsByOutput, float[] bias, Workspace space,
                                 int layer) {
        int images = x.images();
        float[][] transposed = space.get(layer, Workspace.Use.COLUMNS, bias.length, images);
        multiply(weightsByOutput, bias, columns(x, shape, space, layer), images,
                space.get(layer, Workspace.Use.SUMS, 2, images), transposed, 0);
        float[][] out = space.get(layer, Workspace.Use.OUTPUT, images, bias.length);
        for (int j = 0; j < bias.length; j++) {
            for (int b = 0; b < images; b++) {
                out[b][j] = transposed[j][b];
            }
        }
        return new Tensor(out, false, images);
    }

    /** {@code x} transposed: one array per value of an image's (flattened) tensor, holding it for every image of the block. */
    private static float[][] columns(Tensor x, int[] shape, Workspace space, int layer) {
        int size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        float[][] columns = space.get(layer, Workspace.Use.INPUT, size, x.images());
        if (x.planes()) {
            int area = size / x.data().length;
            for (int c = 0; c < x.data().length; c++) {
                float[] plane = x.data()[c];
                for (int b = 0; b < x.images(); b++) {
                    for (int q = 0; q < area; q++) {
                        columns[c * area + q][b] = plane[b * area + q];
                    }
                }
            }
        } else {
            for (int b = 0; b < x.images(); b++) {
                float[] row = x.data()[b];
                for (int k = 0; k < size; k++) {
                    columns[k][b] = row[k];
                }
            }
        }
        return columns;
    }

    /**
     * Batch norm at inference as {@link DenseOps#batchNorm} computes it, followed by ReLU (with
     * {@code Math.max}) when {@code relu}. Channel {@code c} is plane {@code c}, or in rows the
     * c-th run of {@code size / channels} consecutive values.
     */
    private static void batchNorm(Tensor x, int[] shape, Layer.BatchNorm norm, boolean relu) {
        int channels = shape[0];
        int run = x.planes() || x.images() == 0 ? 0 : x.data()[0].length / channels;
        for (int c = 0; c < channels; c++) {
            double scale = norm.gamma()[c] / Math.sqrt(norm.variance()[c] + norm.eps());
            float a = (float) scale;
            float b = (float) (norm.beta()[c] - norm.mean()[c] * scale);
            if (x.planes()) {
                scaleAndShift(x.data()[c], 0, x.data()[c].length, a, b, relu);
            } else {
                for (float[] row : x.data()) {
                    scaleAndShift(row, c * run, (c + 1) * run, a, b, relu);
                }
            }
        }
    }

    private static void scaleAndShift(float[] values, int from, int to, float a, float b, boolean relu) {
        if (relu) {
            for (int k = from; k < to; k++) {
                values[k] = Math.max(values[k] * a + b, 0f);
            }
        } else {
            for (int k = from; k < to; k++) {
                values[k] = values[k] * a + b;
            }
        }
    }

    private static Tensor pool(Tensor x, int[] shape, int[] kernel, int[] stride, int[] padding, boolean max,
                               Workspace space, int layer) {
        int channels = shape[0];
        int h = shape[1];
        int w = shape[2];
        int oh = outputSize(h, kernel[0], stride[0], padding[0]);
        int ow = outputSize(w, kernel[1], stride[1], padding[1]);
        float area = (float) kernel[0] * kernel[1];
        float[][] out = space.get(layer, Workspace.Use.OUTPUT, channels, x.images() * oh * ow);
        if (max && kernel[0] == 2 && kernel[1] == 2 && stride[0] == 2 && stride[1] == 2 && padding[0] == 0
                && padding[1] == 0) {
            // The usual 2×2 max pooling without the general loop's tests: the maximum of each pair of
            // rows (a loop C2 vectorises), then of each pair of columns. Math.max is associative and
            // commutative (NaN wins, 0.0 beats -0.0), so the order changes nothing.
            float[] pairs = space.get(layer, Workspace.Use.SUMS, 1, w)[0];
            for (int c = 0; c < channels; c++) {
                float[] in = x.data()[c];
                float[] to = out[c];
                for (int b = 0; b < x.images(); b++) {
                    for (int y = 0; y < oh; y++) {
                        int row = b * h * w + 2 * y * w;
                        for (int xx = 0; xx < w; xx++) {
                            pairs[xx] = Math.max(in[row + xx], in[row + w + xx]);
                        }
                        int target = (b * oh + y) * ow;
                        for (int xx = 0; xx < ow; xx++) {
                            to[target + xx] = Math.max(pairs[2 * xx], pairs[2 * xx + 1]);
                        }
                    }
                }
            }
            return new Tensor(out, true, x.images());
        }
        for (int c = 0; c < channels; c++) {
            float[] in = x.data()[c];
            float[] to = out[c];
            for (int b = 0; b < x.images(); b++) {
                int source = b * h * w;
                int target = b * oh * ow;
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        float acc = max ? Float.NEGATIVE_INFINITY : 0;
                        for (int i = 0; i < kernel[0]; i++) {
                            int iy = y * stride[0] + i - padding[0];
                            if (iy < 0 || iy >= h) {
                                continue;  // padding: never the max, zero in the sum
                            }
                            int row = source + iy * w;
                            for (int j = 0; j < kernel[1]; j++) {
                                int ix = xx * stride[1] + j - padding[1];
                                if (ix >= 0 && ix < w) {
                                    float v = in[row + ix];
                                    acc = max ? Math.max(acc, v) : acc + v;
                                }
                            }
                        }
                        to[target + y * ow + xx] = max ? acc : acc / area;
                    }
                }
            }
        }
        return new Tensor(out, true, x.images());
    }

    /** The output length of a window of {@code kernel} moved by {@code stride} over {@code size + 2·padding}. */
    static int outputSize(int size, int kernel, int stride, int padding) {
        return (size + 2 * padding - kernel) / stride + 1;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
