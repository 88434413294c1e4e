// A missing semicolon: Q1 does not compile, so Q1 scores zero, with the compiler's message.
// breaks: linearForward, linearBackward, reluForward, reluBackward, softmaxForward, softmaxBackward
// hint: Q1 does not compile
// hint: error: ';' expected
public static double[][] reluForward(double[][] x) {
    double[][] out = Q1Reference.reluForward(x)
    return out;
}
