// Streams instead of loops.
// breaks: nothing
public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
    return java.util.Arrays.stream(x)
            .map(row -> java.util.stream.IntStream.range(0, b.length)
                    .mapToDouble(j -> b[j] + java.util.stream.IntStream.range(0, w.length).mapToDouble(k -> row[k] * w[k][j]).sum())
                    .toArray())
            .toArray(double[][]::new);
}

public static double[][] reluForward(double[][] x) {
    return java.util.Arrays.stream(x)
            .map(row -> java.util.Arrays.stream(row).map(v -> Math.max(0.0, v)).toArray())
            .toArray(double[][]::new);
}
