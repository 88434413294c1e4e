package edu.mlcourse.hw5.grader.heldout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The block evaluator ({@link ModelEvaluator}, through {@link BlockForward}) against the former
 * per-image one ({@link PerImageOps}) on all 10000 held-out images: the same label for every image
 * whose two best scores are not a tie (within what reordering a sum can move them), and the same
 * scores to 1e-12. Models: the Java reference's my_model.json, random networks with every layer
 * type, random MLPs of the first format.
 */
class BlockForwardTest {
    private static byte[][] images;

    @BeforeAll
    static void readImages() {
        images = HeldOutData.read(Repository.root().resolve("heldout")).images();
    }

    static Stream<Arguments> models() {
        List<Arguments> models = new ArrayList<>();
        models.add(Arguments.of("java-reference my_model.json",
                ModelFiles.read(Repository.root().resolve("examples/submissions/java-reference/my_model.json"))));
        for (long seed = 1; seed <= 4; seed++) {
            models.add(Arguments.of("every layer type, seed " + seed, TorchOracleTest.everyLayer(seed)));
            models.add(Arguments.of("MLP, seed " + seed, mlp(seed)));
        }
        return models.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sameLabelsAsThePerImageEvaluatorExceptTies(String name, ModelFile model) {
        double[][] expected = PerImageOps.scores(model, images);
        double[][] got = ModelEvaluator.scores(model, images);
        int[] labels = ModelEvaluator.predict(model, images);
        int ties = 0;
        for (int i = 0; i < images.length; i++) {
            for (int j = 0; j < 10; j++) {
                double error = Math.abs(got[i][j] - expected[i][j]) / Math.max(1, Math.abs(expected[i][j]));
                assertTrue(error < 1e-12, name + ", image " + i + ", score " + j + ": " + got[i][j] + " vs " + expected[i][j]);
            }
            if (isTie(expected[i])) {
                ties++;
                continue;
            }
            assertEquals(argmax(expected[i]), labels[i], name + ", image " + i + ": " + Arrays.toString(expected[i]));
        }
        assertTrue(ties < 10, name + ": " + ties + " ties; the comparison must cover (almost) every image");
    }

    /**
     * Where the fast ReLU ({@code Math.max}) gives NaN, the definition gives 0: a model that makes
     * NaN before a ReLU (∞ − ∞ in a convolution) gets the definition's scores all the same.
     */
    @Test
    void nanBeforeReluIsZeroAsDefined() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] w = new double[28 * 28][10];
        for (double[] row : w) {
            Arrays.setAll(row, j -> random.nextGaussian());
        }
        ModelFile model = ModelFile.of(ModelFile.Input.UNIT_SCALE, List.of(
                // 1e300·x, then ±1e300 times that: +∞ and −∞ wherever the pixel is not 0; their sum is NaN.
                new Layer.Conv2d(new double[][][][] {{{{1e300}}}}, new double[] {0}, new int[] {1, 1}, new int[] {0, 0}),
                new Layer.Conv2d(new double[][][][] {{{{1e300}}}, {{{-1e300}}}}, new double[] {0, 0}, new int[] {1, 1},
                        new int[] {0, 0}),
                new Layer.Conv2d(new double[][][][] {{{{1}}, {{1}}}}, new double[] {0}, new int[] {1, 1}, new int[] {0, 0}),
                new Layer.Relu(),
                new Layer.Flatten(),
                new Layer.Linear(w, random.doubles(10).toArray())));
        double[][] expected = PerImageOps.scores(model, images);
        double[][] got = ModelEvaluator.scores(model, images);
        assertTrue(Arrays.stream(expected).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite));
        for (int i = 0; i < images.length; i++) {
            assertArrayEquals(expected[i], got[i], 1e-9 * Math.max(1, Arrays.stream(expected[i]).map(Math::abs).max().orElseThrow()),
                    "image " + i);
        }
    }

    /** Two best scores closer than a reordered sum of doubles can move them. */
    private static boolean isTie(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return sorted[9] - sorted[8] <= 1e-9 * Math.max(1, Math.abs(sorted[9]));
    }

    private static int argmax(double[] scores) {
        int best = 0;
        for (int j = 1; j < scores.length; j++) {
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        return best;
    }

    /** A random 784-48-10 network of the first format (linear, ReLU, softmax). */
    private static ModelFile mlp(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w1 = new double[784][48];
        double[][] w2 = new double[48][10];
        for (double[] row : w1) {
            Arrays.setAll(row, j -> random.nextGaussian() * Math.sqrt(2.0 / 784));
        }
        for (double[] row : w2) {
            Arrays.setAll(row, j -> random.nextGaussian() * Math.sqrt(2.0 / 48));
        }
        double[] b1 = new double[48];
        Arrays.setAll(b1, j -> random.nextGaussian() * 0.1);
        return ModelFile.of(new ModelFile.Input(255.0, 0.0, 1.0, ModelFile.Input.FLAT), List.of(new Layer.Linear(w1, b1), new Layer.Relu(),
                new Layer.Linear(w2, new double[10]), new Layer.Softmax()));
    }
}
