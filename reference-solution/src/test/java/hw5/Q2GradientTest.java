package hw5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.mlcourse.hw5.parallel.Workers;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The analytic gradients of Q2 against central finite differences, (L(θ+h) − L(θ−h)) / 2h. */
class Q2GradientTest {
    private static final double H = 1e-6;

    @Test
    void softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        Random random = new Random(3);
        double[][] logits = new double[4][5];
        for (double[] row : logits) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 3 * random.nextGaussian();
            }
        }
        int[] labels = {0, 4, 2, 2};
        double[][] gradient = Q2.softmaxCrossEntropy(logits, labels).gradient();
        for (int i = 0; i < logits.length; i++) {
            for (int j = 0; j < logits[i].length; j++) {
                double saved = logits[i][j];
                logits[i][j] = saved + H;
                double plus = Q2.softmaxCrossEntropy(logits, labels).value();
                logits[i][j] = saved - H;
                double minus = Q2.softmaxCrossEntropy(logits, labels).value();
                logits[i][j] = saved;
                assertEquals((plus - minus) / (2 * H), gradient[i][j], 1e-8, "dL/dlogits[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void lossOfConfidentLogitsStaysFinite() {
        // softmax rounds the true class's probability to 0 here; the loss must still be exact: 2000.
        double loss = Q2.softmaxCrossEntropy(new double[][] {{1000, -1000}}, new int[] {1}).value();
        assertEquals(2000.0, loss, 1e-9);
    }

    @Test
    void wholeNetworkGradientMatchesFiniteDifferences() {
        Random random = new Random(7);
        Network network = Network.create(new int[] {6, 5, 4, 3}, random);
        double[][] x = new double[5][6];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        int[] labels = {0, 1, 2, 1, 0};
        try (Workers workers = Workers.create(1)) {
            List<double[]> parameters = network.parameters();
            List<double[]> gradients = network.backward(
                    Q2.softmaxCrossEntropy(network.forward(x, workers), labels).gradient(), workers);
            int checked = 0;
            for (int p = 0; p < parameters.size(); p++) {
                double[] values = parameters.get(p);
                for (int j = 0; j < values.length; j++) {
                    double saved = values[j];
                    values[j] = saved + H;
                    double plus = Q2.softmaxCrossEntropy(network.forward(x, workers), labels).value();
                    values[j] = saved - H;
                    double minus = Q2.softmaxCrossEntropy(network.forward(x, workers), labels).value();
                    values[j] = saved;
                    assertEquals((plus - minus) / (2 * H), gradients.get(p)[j], 1e-7,
                            "parameter array " + p + " entry " + j);
                    checked++;
                }
            }
            // 6·5+5 + 5·4+4 + 4·3+3 parameters, every one checked.
            assertEquals(74, checked);
        }
    }
}
