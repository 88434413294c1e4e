package edu.mlcourse.hw5.vectors;

import java.util.List;

/**
 * The JSON file that holds one function's cases in one set, e.g. {@code public/linearForward.json}.
 *
 * @param format always {@link #FORMAT}
 * @param set the set's name ({@code public} or {@code hidden})
 * @param function the method name, e.g. {@code linearForward}
 * @param cases the cases, in a stable order
 */
public record VectorFile(String format, String set, String function, List<VectorCase> cases) {
    public static final String FORMAT = "hw5-vectors/1";
}
