package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.model.Layer;
import java.util.Arrays;
import java.util.List;

/**
 * The model evaluator's forward pass over a block of images at once, in doubles: convolutions as
 * im2col followed by a matrix product, linear layers as a matrix product, both with loops the JIT
 * turns into vector instructions.
 *
 * <p>A block's tensor is held in one of two layouts. <em>Planes</em>, for {@code (C, H, W)}
 * tensors: one array per channel holding that channel's {@code H·W} values of every image of the
 * block, image after image, so a convolution is one product {@code weights (F × C·kh·kw) ·
 * columns (C·kh·kw × images·oh·ow)} whose rows are the next layer's planes. <em>Rows</em>, for
 * vectors: one array per image, in the row-major order of its shape, so flatten is a copy out of
 * the planes. Every value is the same sum of the same products as the per-image definition of
 * each layer; only the order in which a sum's terms are added differs (which moves a score by a
 * few units in the last place, never more).
 */
final class BlockForward {
    /** Output columns of a convolution computed together: the im2col tile (at most 4 MB of columns at 3·3·64 inputs) stays in L2. */
    private static final int TILE = 256;

    private final List<Layer> layers;
    private final List<int[]> shapes;
    /** Per layer: a convolution's weights as {@code F} rows of {@code C·kh·kw}, a linear layer's as {@code K} rows of {@code N}; else null. */
    private final double[][][] matrices;

    BlockForward(List<Layer> layers, List<int[]> shapes) {
        this.layers = layers;
        this.shapes = shapes;
        this.matrices = new double[layers.size()][][];
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l) instanceof Layer.Conv2d conv) {
                double[][][][] weight = conv.weight();
                double[][] rows = new double[weight.length][];
                for (int f = 0; f < weight.length; f++) {
                    rows[f] = Arrays.stream(weight[f]).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
                }
                matrices[l] = rows;
            } else if (layers.get(l) instanceof Layer.Linear linear) {
                matrices[l] = linear.weights();
            }
        }
    }

    /** The block's tensor: planes (one per channel, every image's plane in turn) or rows (one per image). */
    private record Tensor(double[][] data, boolean planes, int images) {
    }

    /** The 10 scores of each of the block's images, given as rows of the model's input shape (left as they are). */
    double[][] scores(double[][] rows) {
        double[][] scores = forward(copy(rows), false);
        for (double[] row : scores) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    // Math.max(NaN, 0) is NaN where the definition of ReLU gives 0; NaN spreads through
                    // every later layer, so a block whose scores hold none never met the difference.
                    return forward(copy(rows), true);
                }
            }
        }
        return scores;
    }

    private static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    private double[][] forward(double[][] rows, boolean exactRelu) {
        Tensor x = new Tensor(rows, false, rows.length);
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            int[] in = shapes.get(l);
            if (layer instanceof Layer.Conv2d conv) {
                x = conv2d(planes(x, in), in, conv, matrices[l]);
            } else if (layer instanceof Layer.MaxPool2d pool) {
                x = pool(planes(x, in), in, pool.kernel(), pool.stride(), pool.padding(), true);
            } else if (layer instanceof Layer.AvgPool2d pool) {
                x = pool(planes(x, in), in, pool.kernel(), pool.stride(), pool.padding(), false);
            } else if (layer instanceof Layer.BatchNorm norm) {
                boolean relu = !exactRelu && l + 1 < layers.size() && layers.get(l + 1) instanceof Layer.Relu;
                batchNorm(x, in, norm, relu);
                if (relu) {
                    l++;  // done with the batch norm, in the same pass
                }
            } else if (layer instanceof Layer.Relu) {
                relu(x, exactRelu);
            } else if (layer instanceof Layer.Linear linear) {
                x = new Tensor(linear(rows(x, in).data(), matrices[l], linear.bias()), false, x.images());
            } else if (layer instanceof Layer.Softmax) {
                x = rows(x, in);
                DenseOps.softmax(x.data(), false);
            } else if (layer instanceof Layer.LogSoftmax) {
                x = rows(x, in);
                DenseOps.softmax(x.data(), true);
            }
            // Flatten and dropout change nothing in either layout.
        }
        return rows(x, shapes.get(shapes.size() - 1)).data();
    }

    /**
     * {@code max(0, x)} in place: with {@code Math.max}, which C2 turns into vector instructions,
     * or as {@link DenseOps#relu} defines it, which differs only on NaN.
     */
    private static void relu(Tensor x, boolean exact) {
        if (exact) {
            DenseOps.relu(x.data());
            return;
        }
        for (double[] array : x.data()) {
            for (int k = 0; k < array.length; k++) {
                array[k] = Math.max(array[k], 0.0);
            }
        }
    }

    /** {@code x} as planes, for a tensor of shape {@code (C, H, W)}. */
    private static Tensor planes(Tensor x, int[] shape) {
        if (x.planes()) {
            return x;
        }
        int channels = shape[0];
        int area = shape[1] * shape[2];
        double[][] planes = new double[channels][x.images() * area];
        for (int b = 0; b < x.images(); b++) {
            double[] row = x.data()[b];
            for (int c = 0; c < channels; c++) {
                System.arraycopy(row, c * area, planes[c], b * area, area);
            }
        }
        return new Tensor(planes, true, x.images());
    }

    /** {@code x} as rows, each in the row-major order of {@code shape} (the flatten of PyTorch and DJL). */
    private static Tensor rows(Tensor x, int[] shape) {
        if (!x.planes()) {
            return x;
        }
        int channels = x.data().length;
        int area = Arrays.stream(shape).reduce(1, Math::multiplyExact) / channels;
        double[][] rows = new double[x.images()][channels * area];
        for (int b = 0; b < x.images(); b++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(x.data()[c], b * area, rows[b], c * area, area);
            }
        }
        return new Tensor(rows, false, x.images());
    }

    private static Tensor conv2d(Tensor x, int[] shape, Layer.Conv2d conv, double[][] weights) {
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
        double[][] out = new double[weights.length][x.images() * area];
        // Whole images per tile, as many as fit in TILE columns (at least one).
        int perTile = Math.max(1, TILE / area);
        double[][] columns = new double[inner][perTile * area];
        double[] sums = new double[perTile * area];
        Window window = new Window(h, w, kh, kw, sy, sx, py, px, oh, ow);
        for (int first = 0; first < x.images(); first += perTile) {
            int count = Math.min(perTile, x.images() - first);
            int width = count * area;
            for (int c = 0; c < channels; c++) {
                im2col(x.data()[c], first, count, window, columns, c * kh * kw);
            }
            multiply(weights, conv.bias(), columns, width, sums, out, first * area);
        }
        return new Tensor(out, true, x.images());
    }

    /**
     * Row {@code f} of {@code weights · columns + bias[f]}, for every filter {@code f}, into
     * {@code out[f]} from {@code offset}: one tile of a convolution's output. A method of its own for
     * the reason {@link #im2col} is.
     */
    private static void multiply(double[][] weights, double[] bias, double[][] columns, int width, double[] sums,
                                 double[][] out, int offset) {
        for (int f = 0; f < weights.length; f++) {
            Arrays.fill(sums, 0, width, bias[f]);
            accumulate(sums, weights[f], columns, width);
            System.arraycopy(sums, 0, out[f], offset, width);
        }
    }

    /** A convolution's window over an {@code h × w} plane, and the {@code oh × ow} positions it takes. */
    private record Window(int h, int w, int kh, int kw, int sy, int sx, int py, int px, int oh, int ow) {
    }

    /**
     * The columns of one channel's {@code plane} for images {@code first..first+count}: row
     * {@code row + i·kw + j} of {@code columns} holds, for every output position, the input under
     * the window's {@code (i, j)} (zero in the padding). A method of its own, called for every tile,
     * so that C2 compiles it once as a whole rather than again and again on stack replacement inside
     * the convolution's loop (four compilations of a 20 kB method took longer than the evaluation).
     */
    private static void im2col(double[] plane, int first, int count, Window win, double[][] columns, int row) {
        int h = win.h();
        int w = win.w();
        int ow = win.ow();
        int area = win.oh() * ow;
        for (int i = 0; i < win.kh(); i++) {
            for (int j = 0; j < win.kw(); j++) {
                double[] column = columns[row + i * win.kw() + j];
                int xFrom = Math.max(0, ceilDiv(win.px() - j, win.sx()));
                int xTo = Math.max(xFrom, Math.min(ow, ceilDiv(w + win.px() - j, win.sx())));
                for (int b = 0; b < count; b++) {
                    int source = (first + b) * h * w;
                    for (int y = 0; y < win.oh(); y++) {
                        int o = b * area + y * ow;
                        int iy = y * win.sy() + i - win.py();
                        if (iy < 0 || iy >= h) {
                            Arrays.fill(column, o, o + ow, 0);
                            continue;
                        }
                        Arrays.fill(column, o, o + xFrom, 0);
                        Arrays.fill(column, o + xTo, o + ow, 0);
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
    private static void accumulate(double[] target, double[] a, double[][] rows, int width) {
        int k = 0;
        for (; k + 4 <= a.length; k += 4) {
            double a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3];
            double[] r0 = rows[k], r1 = rows[k + 1], r2 = rows[k + 2], r3 = rows[k + 3];
            for (int p = 0; p < width; p++) {
                target[p] += a0 * r0[p] + a1 * r1[p] + a2 * r2[p] + a3 * r3[p];
            }
        }
        for (; k < a.length; k++) {
            double a0 = a[k];
            double[] r0 = rows[k];
            for (int p = 0; p < width; p++) {
                target[p] += a0 * r0[p];
            }
        }
    }

    /** {@code x·W + b} for every row of {@code x}. */
    private static double[][] linear(double[][] x, double[][] w, double[] b) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = b.clone();
            accumulate(out[i], x[i], w, b.length);
        }
        return out;
    }

    /** Batch norm at inference as {@link DenseOps#batchNorm} computes it, followed by ReLU (with {@code Math.max}) when {@code relu}. */
    private static void batchNorm(Tensor x, int[] shape, Layer.BatchNorm norm, boolean relu) {
        int channels = shape[0];
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = norm.gamma()[c] / Math.sqrt(norm.variance()[c] + norm.eps());
            shift[c] = norm.beta()[c] - norm.mean()[c] * scale[c];
        }
        if (x.planes()) {
            for (int c = 0; c < channels; c++) {
                double[] plane = x.data()[c];
                double a = scale[c];
                double b = shift[c];
                if (relu) {
                    for (int k = 0; k < plane.length; k++) {
                        plane[k] = Math.max(plane[k] * a + b, 0.0);
                    }
                } else {
                    for (int k = 0; k < plane.length; k++) {
                        plane[k] = plane[k] * a + b;
                    }
                }
            }
        } else {
            DenseOps.batchNorm(x.data(), shape, norm);
            if (relu) {
                relu(x, false);
            }
        }
    }

    private static Tensor pool(Tensor x, int[] shape, int[] kernel, int[] stride, int[] padding, boolean max) {
        int channels = shape[0];
        int h = shape[1];
        int w = shape[2];
        int oh = outputSize(h, kernel[0], stride[0], padding[0]);
        int ow = outputSize(w, kernel[1], stride[1], padding[1]);
        double area = (double) kernel[0] * kernel[1];
        double[][] out = new double[channels][x.images() * oh * ow];
        if (max && kernel[0] == 2 && kernel[1] == 2 && stride[0] == 2 && stride[1] == 2 && padding[0] == 0
                && padding[1] == 0) {
            // The usual 2×2 max pooling without the general loop's tests: the maximum of each pair of
            // rows (a loop C2 vectorises), then of each pair of columns. Math.max is associative and
            // commutative (NaN wins, 0.0 beats -0.0), so the order changes nothing.
            double[] pairs = new double[w];
            for (int c = 0; c < channels; c++) {
                double[] in = x.data()[c];
                double[] to = out[c];
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
            double[] in = x.data()[c];
            double[] to = out[c];
            for (int b = 0; b < x.images(); b++) {
                int source = b * h * w;
                int target = b * oh * ow;
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int i = 0; i < kernel[0]; i++) {
                            int iy = y * stride[0] + i - padding[0];
                            if (iy < 0 || iy >= h) {
                                continue;  // padding: never the max, zero in the sum
                            }
                            int row = source + iy * w;
                            for (int j = 0; j < kernel[1]; j++) {
                                int ix = xx * stride[1] + j - padding[1];
                                if (ix >= 0 && ix < w) {
                                    double v = in[row + ix];
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
