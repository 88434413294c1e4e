package edu.mlcourse.hw5.vectors;

import edu.mlcourse.hw5.contract.Q1Function;
import java.util.List;
import java.util.Map;

/**
 * A verified set of vectors (public or hidden): every Q1 function's cases.
 *
 * @param name {@code public} or {@code hidden}, as its manifest says
 * @param manifest the manifest the files were checked against
 * @param cases each function's cases; every function has at least one
 */
public record VectorSet(String name, Manifest manifest, Map<Q1Function, List<VectorCase>> cases) {
    public List<VectorCase> casesOf(Q1Function function) {
        return cases.getOrDefault(function, List.of());
    }

    /** The file that holds a function's cases within a set folder. */
    public static String fileName(Q1Function function) {
        return function.methodName() + ".json";
    }
}
