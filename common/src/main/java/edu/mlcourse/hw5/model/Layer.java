package edu.mlcourse.hw5.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a sequential model file. In JSON a layer is an object whose {@code type} is
 * {@code linear}, {@code relu} or {@code softmax}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Layer.Linear.class, name = "linear"),
    @JsonSubTypes.Type(value = Layer.Relu.class, name = "relu"),
    @JsonSubTypes.Type(value = Layer.Softmax.class, name = "softmax")
})
public sealed interface Layer {
    /**
     * {@code out = x·W + b}, the layer of {@code Q1.linearForward}.
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

    /** {@code max(0, x)} element-wise. */
    record Relu() implements Layer {
    }

    /** Row-wise softmax; it does not change which class scores highest. */
    record Softmax() implements Layer {
    }
}
