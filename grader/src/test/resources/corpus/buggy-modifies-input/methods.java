// ReLU computed in place: the caller's x is changed and handed back.
// breaks: reluForward
// hint: modified its argument x
public static double[][] reluForward(double[][] x) {
    for (double[] row : x) {
        for (int j = 0; j < row.length; j++) {
            row[j] = Math.max(0, row[j]);
        }
    }
    return x;
}
