// An instance method where a static one is required.
// breaks: reluForward
// hint: reluForward is not static; declare it `public static`
public double[][] reluForward(double[][] x) {
    return Q1Reference.reluForward(x);
}
