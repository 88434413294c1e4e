package edu.mlcourse.hw5.grader.heldout;

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
 * The evaluator ({@link ModelEvaluator}, through {@link BlockForward} in single precision) against
 * the definition in doubles ({@link PerImageForward}) on all 10000 held-out images: the same label
 * for every image, and single-precision scores within a hundredth of the distance at which the
 * evaluator stops trusting them ({@link ModelEvaluator#CLOSE}). Models: the Java reference's
 * my_model.json, random networks with every layer type, random MLPs of the first format.
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
    void theDefinitionsLabelsWithSinglePrecisionFarWithinTheMargin(String name, ModelFile model) {
        double[][] expected = PerImageForward.scores(model, images);
        double[][] got = ModelEvaluator.scores(model, images);
        int[] labels = ModelEvaluator.predict(model, images);
        int ties = 0;
        double worst = 0;
        for (int i = 0; i < images.length; i++) {
            double size = Math.max(1, Arrays.stream(expected[i]).map(Math::abs).max().orElseThrow());
            for (int j = 0; j < 10; j++) {
                worst = Math.max(worst, Math.abs(got[i][j] - expected[i][j]) / size);
            }
            ties += isTie(expected[i]) ? 1 : 0;
            assertEquals(ModelEvaluator.argmax(expected[i]), labels[i], name + ", image " + i + ": " + Arrays.toString(expected[i]));
        }
        assertTrue(worst < ModelEvaluator.CLOSE / 100, name + ": single precision moved a score by " + worst
                + " of the scores' size; the evaluator trusts a label whose two best scores are " + ModelEvaluator.CLOSE
                + " apart");
        assertTrue(ties < 10, name + ": " + ties + " ties; the comparison must cover (almost) every image");
        System.out.printf("%s: single precision moved a score by at most %.1e of the scores' size%n", name, worst);
    }

    /**
     * Two classes whose scores differ by far less than single precision resolves (1 and 1 + 1e-9):
     * in floats both are 1.0 and the first would win; the label is the definition's, the second.
     */
    @Test
    void scoresSinglePrecisionCannotTellApartAreDecidedInDoubles() {
        double[][] w = new double[28 * 28][10];
        double[] bias = new double[10];
        bias[3] = 1;
        bias[7] = 1 + 1e-9;
        ModelFile model = ModelFile.of(ModelFile.Input.UNIT_SCALE, List.of(new Layer.Flatten(), new Layer.Linear(w, bias)));
        byte[][] some = Arrays.copyOf(images, 100);
        assertEquals(1.0, ModelEvaluator.scores(model, some)[0][3], 0, "in floats the two are equal");
        assertEquals(1.0, ModelEvaluator.scores(model, some)[0][7], 0, "in floats the two are equal");
        assertTrue(Arrays.stream(ModelEvaluator.predict(model, some)).allMatch(label -> label == 7));
    }

    /**
     * Where a fast ReLU ({@code Math.max}) would give NaN, the definition gives 0: a model that makes
     * NaN before a ReLU (∞ − ∞ in a convolution) gets the definition's labels all the same, as does
     * one whose values only single precision overflows.
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
        // Every image goes to the definition here: a few hundred are enough.
        byte[][] some = Arrays.copyOf(images, 300);
        double[][] expected = PerImageForward.scores(model, some);
        assertTrue(Arrays.stream(expected).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite));
        int[] labels = ModelEvaluator.predict(model, some);
        for (int i = 0; i < some.length; i++) {
            assertEquals(ModelEvaluator.argmax(expected[i]), labels[i], "image " + i);
        }
    }

    /** Two best scores closer than a reordered sum of doubles can move them. */
    private static boolean isTie(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return sorted[9] - sorted[8] <= 1e-9 * Math.max(1, Math.abs(sorted[9]));
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
