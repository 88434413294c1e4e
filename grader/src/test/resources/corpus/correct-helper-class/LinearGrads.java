package hw5;

public record LinearGrads(double[][] dX, double[][] dW, double[] db, int extra) {
}
