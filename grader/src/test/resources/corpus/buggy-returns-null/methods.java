// Returns null.
// breaks: reluForward
// hint: returned null
public static double[][] reluForward(double[][] x) {
    return null;
}
