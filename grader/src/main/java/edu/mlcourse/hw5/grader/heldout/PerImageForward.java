package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelShapes;
import java.util.List;

/**
 * A {@code my_model.json} network evaluated as its definition reads, one image at a time, in
 * doubles: convolution and pooling over one image's {@code (C, H, W)} tensor, stored row-major,
 * with zero padding, as PyTorch and DJL compute them. {@link ModelEvaluator} asks it for the
 * images whose label single precision could have changed; tests hold the fast {@link BlockForward}
 * to it. Its loops are written apart from the block kernel's on purpose: a second reading of each
 * layer's definition, not a copy of the code it checks.
 */
final class PerImageForward {
    private PerImageForward() {
    }

    /** The model's 10 scores for every image, image by image. */
    static double[][] scores(ModelFile model, byte[][] images) {
        List<int[]> shapes = ModelShapes.check(model, ModelFile.FILE_NAME).shapes();
        double[] table = model.input().table();
        double[][] x = new double[images.length][];
        for (int i = 0; i < images.length; i++) {
            x[i] = new double[images[i].length];
            for (int k = 0; k < x[i].length; k++) {
                x[i][k] = table[Byte.toUnsignedInt(images[i][k])];
            }
        }
        List<Layer> layers = model.layers();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            int[] in = shapes.get(l);
            if (layer instanceof Layer.Linear linear) {
                x = linear(x, linear.weights(), linear.bias());
            } else if (layer instanceof Layer.Relu) {
                DenseOps.relu(x);
            } else if (layer instanceof Layer.Softmax) {
                DenseOps.softmax(x, false);
            } else if (layer instanceof Layer.LogSoftmax) {
                DenseOps.softmax(x, true);
            } else if (layer instanceof Layer.BatchNorm norm) {
                DenseOps.batchNorm(x, in, norm);
            } else if (layer instanceof Layer.Conv2d conv) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = conv2d(x[i], in, conv);
                }
            } else if (layer instanceof Layer.MaxPool2d pool) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = maxPool(x[i], in, pool.kernel(), pool.stride(), pool.padding());
                }
            } else if (layer instanceof Layer.AvgPool2d pool) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = avgPool(x[i], in, pool.kernel(), pool.stride(), pool.padding());
                }
            }
        }
        return x;
    }

    /** {@code x·W + b} for every row of {@code x}. */
    private static double[][] linear(double[][] x, double[][] w, double[] b) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = b.clone();
        }
        // k outer, rows inner: the weight row w[k] stays in L1 while every row of the block uses it.
        for (int k = 0; k < w.length; k++) {
            double[] wk = w[k];
            for (int i = 0; i < x.length; i++) {
                double xik = x[i][k];
                if (xik == 0) {
                    continue;
                }
                double[] row = out[i];
                for (int j = 0; j < row.length; j++) {
                    row[j] += xik * wk[j];
                }
            }
        }
        return out;
    }


    private static int outputSize(int size, int kernel, int stride, int padding) {
        return BlockForward.outputSize(size, kernel, stride, padding);
    }

    static double[] conv2d(double[] in, int[] shape, Layer.Conv2d conv) {
        int channels = shape[0];
        int h = shape[1];
        int w = shape[2];
        double[][][][] weight = conv.weight();
        int kh = weight[0][0].length;
        int kw = weight[0][0][0].length;
        int sy = conv.stride()[0];
        int sx = conv.stride()[1];
        int py = conv.padding()[0];
        int px = conv.padding()[1];
        int oh = outputSize(h, kh, sy, py);
        int ow = outputSize(w, kw, sx, px);
        double[] out = new double[weight.length * oh * ow];
        for (int f = 0; f < weight.length; f++) {
            int plane = f * oh * ow;
            java.util.Arrays.fill(out, plane, plane + oh * ow, conv.bias()[f]);
            for (int c = 0; c < channels; c++) {
                int source = c * h * w;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        double wt = weight[f][c][i][j];
                        // Output columns whose input column x·sx + j − px lies inside the image;
                        // the others read padding, which adds nothing.
                        int xFrom = Math.max(0, ceilDiv(px - j, sx));
                        int xTo = Math.min(ow, ceilDiv(w + px - j, sx));
                        for (int y = 0; y < oh; y++) {
                            int iy = y * sy + i - py;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            int o = plane + y * ow;
                            int s = source + iy * w + j - px;
                            // One multiply-add per output column: with stride 1 both rows are
                            // contiguous and the JIT vectorises the loop.
                            for (int x = xFrom; x < xTo; x++) {
                                out[o + x] += wt * in[s + x * sx];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static double[] maxPool(double[] in, int[] shape, int[] kernel, int[] stride, int[] padding) {
        return pool(in, shape, kernel, stride, padding, true);
    }

    static double[] avgPool(double[] in, int[] shape, int[] kernel, int[] stride, int[] padding) {
        return pool(in, shape, kernel, stride, padding, false);
    }

    private static double[] pool(double[] in, int[] shape, int[] kernel, int[] stride, int[] padding, boolean max) {
        int channels = shape[0];
        int h = shape[1];
        int w = shape[2];
        int oh = outputSize(h, kernel[0], stride[0], padding[0]);
        int ow = outputSize(w, kernel[1], stride[1], padding[1]);
        double area = (double) kernel[0] * kernel[1];
        double[] out = new double[channels * oh * ow];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int i = 0; i < kernel[0]; i++) {
                        int iy = y * stride[0] + i - padding[0];
                        if (iy < 0 || iy >= h) {
                            continue;  // padding: never the max, zero in the sum
                        }
                        int row = (c * h + iy) * w;
                        for (int j = 0; j < kernel[1]; j++) {
                            int ix = x * stride[1] + j - padding[1];
                            if (ix >= 0 && ix < w) {
                                double v = in[row + ix];
                                acc = max ? Math.max(acc, v) : acc + v;
                            }
                        }
                    }
                    out[(c * oh + y) * ow + x] = max ? acc : acc / area;
                }
            }
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
