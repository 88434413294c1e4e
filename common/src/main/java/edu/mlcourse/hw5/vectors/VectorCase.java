package edu.mlcourse.hw5.vectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * One test vector: a named input for one Q1 function with its expected outputs.
 *
 * <p>Array values are plain {@code double[][]} (matrices) or {@code double[]} (vectors), as
 * {@link edu.mlcourse.hw5.contract.Q1Function#params()} and {@code outputs()} declare them. For a
 * backward function the upstream gradient is the input named {@code dout}.
 *
 * @param name a stable identifier, unique within its function and set
 * @param description what the case exercises, shown to students when it fails
 * @param inputs argument name to value, in the method's argument order
 * @param expected output name to value
 * @param mistakes for some classic mistakes ({@link Mistake#id()}), the outputs that mistake
 *     produces on these inputs; only the outputs the mistake changes are listed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VectorCase(
        String name,
        String description,
        Map<String, Object> inputs,
        Map<String, Object> expected,
        Map<String, Map<String, Object>> mistakes) {

    public VectorCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(expected, "expected");
        description = description == null ? "" : description;
        mistakes = mistakes == null ? Map.of() : mistakes;
    }
}
