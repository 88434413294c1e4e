package hw5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.parallel.Workers;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Q2NetworkTest {
    @Test
    void sideBySideComputesTheAverageOfTheLogits() {
        Random random = new Random(5);
        int[] sizes = {6, 5, 4, 3};
        List<Network> networks = List.of(Network.create(sizes, random), Network.create(sizes, random),
                Network.create(sizes, random));
        // Non-zero biases, so that their handling is checked too.
        for (Network network : networks) {
            for (double[] row : network.parameters()) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += 0.1 * random.nextGaussian();
                }
            }
        }
        double[][] x = new double[4][6];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        try (Workers workers = Workers.create(1)) {
            double[][] combined = Network.sideBySide(networks).forward(x, workers);
            for (int i = 0; i < x.length; i++) {
                double[] mean = new double[3];
                for (Network network : networks) {
                    double[] logits = network.forward(x, workers)[i];
                    for (int j = 0; j < 3; j++) {
                        mean[j] += logits[j] / networks.size();
                    }
                }
                assertArrayEquals(mean, combined[i], 1e-12);
            }
        }
    }

    @Test
    void modelFileListsLinearAndReluLayersAndEndsWithSoftmax() {
        ModelFile model = Network.create(new int[] {784, 8, 10}, new Random(1)).toModelFile(Q2.INPUT);
        assertEquals(4, model.layers().size());
        assertEquals(new Layer.Relu(), model.layers().get(1));
        assertEquals(new Layer.Softmax(), model.layers().get(3));
        assertEquals(8, ((Layer.Linear) model.layers().get(0)).outputs());
    }
}
