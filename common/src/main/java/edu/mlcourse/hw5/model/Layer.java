package edu.mlcourse.hw5.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a sequential model file. In JSON a layer is an object whose {@code type} names it;
 * {@link ModelFile} documents every type with its shapes and layout. Each layer works on one
 * image's tensor at a time: {@code (C, H, W)} (channels, rows, columns) or {@code (D)} (features).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Layer.Linear.class, name = "linear"),
    @JsonSubTypes.Type(value = Layer.Relu.class, name = "relu"),
    @JsonSubTypes.Type(value = Layer.Softmax.class, name = "softmax"),
    @JsonSubTypes.Type(value = Layer.LogSoftmax.class, name = "logsoftmax"),
    @JsonSubTypes.Type(value = Layer.Conv2d.class, name = "conv2d"),
    @JsonSubTypes.Type(value = Layer.MaxPool2d.class, name = "maxpool2d"),
    @JsonSubTypes.Type(value = Layer.AvgPool2d.class, name = "avgpool2d"),
    @JsonSubTypes.Type(value = Layer.Flatten.class, name = "flatten"),
    @JsonSubTypes.Type(value = Layer.BatchNorm.class, name = "batchnorm"),
    @JsonSubTypes.Type(value = Layer.Dropout.class, name = "dropout")
})
public sealed interface Layer {
    /** The name of the layer's type in JSON ({@code "conv2d"}), for messages. */
    default String typeName() {
        for (JsonSubTypes.Type type : Layer.class.getAnnotation(JsonSubTypes.class).value()) {
            if (type.value() == getClass()) {
                return type.name();
            }
        }
        throw new IllegalStateException(getClass() + " is not listed in Layer's @JsonSubTypes");
    }

    /**
     * {@code out = x·W + b} on a vector of D features, the layer of {@code Q1.linearForward}.
     * PyTorch and DJL keep the weight transposed, M×D.
     *
     * @param weights W, D×M (JSON key {@code W})
     * @param bias b, M entries (JSON key {@code b})
     */
    record Linear(@JsonProperty("W") double[][] weights, @JsonProperty("b") double[] bias) implements Layer {
        public int inputs() {
            return weights.length;
        }

        public int outputs() {
            return bias.length;
        }
    }

    /** {@code max(0, x)} element-wise, any shape. */
    record Relu() implements Layer {
    }

    /** Softmax over the D features of a vector; it does not change which class scores highest. */
    record Softmax() implements Layer {
    }

    /** The log of softmax over the D features of a vector; it does not change which class scores highest. */
    record LogSoftmax() implements Layer {
    }

    /**
     * Two-dimensional convolution (cross-correlation, as PyTorch and DJL compute it) of a
     * {@code (C, H, W)} tensor with {@code F} filters: {@code out[f][y][x] = bias[f] + Σ_c Σ_i Σ_j
     * weight[f][c][i][j] · in[c][y·sy + i − py][x·sx + j − px]}, where positions outside the input
     * (the zero padding) contribute 0. The output is {@code (F, H', W')} with
     * {@code H' = (H + 2·py − kh) / sy + 1} rounded down (the same for W').
     *
     * @param weight {@code [F][C][kh][kw]}, PyTorch's and DJL's layout
     * @param bias F entries
     * @param stride {@code [sy, sx]}
     * @param padding {@code [py, px]}, zeros added on each side
     */
    record Conv2d(double[][][][] weight, double[] bias, int[] stride, int[] padding) implements Layer {
    }

    /**
     * The largest value of each {@code kh×kw} window of every channel, windows {@code stride} apart;
     * padded positions never win. Output size as for {@link Conv2d}.
     *
     * @param kernel {@code [kh, kw]}
     * @param stride {@code [sy, sx]}
     * @param padding {@code [py, px]}
     */
    record MaxPool2d(int[] kernel, int[] stride, int[] padding) implements Layer {
    }

    /**
     * The mean of each {@code kh×kw} window of every channel, windows {@code stride} apart; padded
     * positions count as zeros (always divided by {@code kh·kw}, PyTorch's default
     * {@code count_include_pad=True}). Output size as for {@link Conv2d}.
     *
     * @param kernel {@code [kh, kw]}
     * @param stride {@code [sy, sx]}
     * @param padding {@code [py, px]}
     */
    record AvgPool2d(int[] kernel, int[] stride, int[] padding) implements Layer {
    }

    /** A {@code (C, H, W)} tensor as a vector of C·H·W features, channel first, then row, then column. */
    record Flatten() implements Layer {
    }

    /**
     * Batch normalisation at inference: every value of channel c (of a {@code (C, H, W)} tensor)
     * or feature c (of a vector) becomes {@code gamma[c]·(x − mean[c]) / √(variance[c] + eps) + beta[c]}
     * with the running mean and variance kept during training.
     *
     * @param mean the running mean, one per channel
     * @param variance the running variance, one per channel
     * @param gamma the scale, one per channel (all 1 if the layer had none)
     * @param beta the shift, one per channel (all 0 if the layer had none)
     * @param eps added to the variance, e.g. 1e-5
     */
    record BatchNorm(double[] mean, double[] variance, double[] gamma, double[] beta, double eps) implements Layer {
    }

    /**
     * Dropout, which is the identity at inference: kept in the file so that it mirrors the network.
     *
     * @param rate the fraction dropped while training (informative only)
     */
    record Dropout(double rate) implements Layer {
    }
}
