// float instead of double.
// breaks: softmaxForward
// hint: softmaxForward has the wrong parameters: found public static float[][] softmaxForward(float[][])
public static float[][] softmaxForward(float[][] x) {
    return new float[x.length][x[0].length];
}
