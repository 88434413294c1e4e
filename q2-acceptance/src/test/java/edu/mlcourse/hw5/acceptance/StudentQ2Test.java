package edu.mlcourse.hw5.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.data.LabelledImages;
import edu.mlcourse.hw5.data.Q2Data;
import edu.mlcourse.hw5.grader.heldout.ModelEvaluator;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.npy.NpyReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's Q2 as a student fills it in (a small MLP, then a small CNN, each with the loop
 * the README teaches), trained for 2 epochs through the given TrainingRun: it reaches 88%
 * validation accuracy, and the grader's own evaluator, reading the my_model.json it wrote, finds
 * the accuracy DJL measured, on the validation and the held-out images, ties aside.
 */
class StudentQ2Test {
    /**
     * A student's loss and optimizer: the README's, with the cosine schedule it suggests (Adam from
     * 2e-3 down to 1% of it over the run).
     */
    private static final String CONFIG = """
                    Tracker cosine = Tracker.cosine().setBaseValue(2e-3f).optFinalValue(2e-5f)
                            .setMaxUpdates(epochs * batchesPerEpoch).build();
                    return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(Optimizer.adam().optLearningRateTracker(cosine).build());
            """;
    /** A student's training loop: the README's. */
    private static final String LOOP = """
                    for (Batch batch : trainer.iterateDataset(training)) {
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList logits = trainer.forward(batch.getData());
                            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), logits);
                            collector.backward(loss);
                            progress.update(loss, logits.singletonOrThrow(), batch.getLabels().singletonOrThrow());
                        }
                        trainer.step();
                        batch.close();
                    }
            """;
    /**
     * A student's MLP: two hidden layers with batch norm. The README's one-layer MLP stops near 87%
     * after 2 epochs (86.9% measured, seed 1), below this test's 88%; this one reached 89.4%.
     */
    private static final String MLP = """
                    return new SequentialBlock()
                            .add(Blocks.batchFlattenBlock())
                            .add(Linear.builder().setUnits(512).build())
                            .add(BatchNorm.builder().build())
                            .add(Activation.reluBlock())
                            .add(Linear.builder().setUnits(128).build())
                            .add(BatchNorm.builder().build())
                            .add(Activation.reluBlock())
                            .add(Linear.builder().setUnits(10).build());
            """;
    /** The README's CNN, word for word ({@link ReadmeNetworksTest}). */
    static final String CNN = """
                    SequentialBlock features = new SequentialBlock()
                            .add(Conv2d.builder().setFilters(16).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build())
                            .add(BatchNorm.builder().build())
                            .add(Activation.reluBlock())
                            .add(Pooling.max(2))
                            .add(Conv2d.builder().setFilters(32).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build())
                            .add(Activation.reluBlock())
                            .add(Pooling.average(2));
                    return new SequentialBlock()
                            .add(features)
                            .add(Blocks.batchFlattenBlock())
                            .add(Dropout.builder().optRate(0.25f).build())
                            .add(Linear.builder().setUnits(10).build());
            """;
    /**
     * Logits closer than this may be ordered differently by DJL's float32 and the evaluator's double
     * arithmetic: a tie, not a disagreement.
     */
    private static final double TIE = 1e-3;

    private static Q2Data data;
    private static byte[] heldOutLabels;

    @BeforeAll
    static void loadTheData() {
        assumeTrue(FashionMnist.isAvailable() || "true".equals(System.getenv("CI")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        data = Q2Data.load(FashionMnist.locate(Optional.empty()), heldOut().resolve(HeldOutSet.PUBLIC_FOLDER),
                Q2Data.DEFAULT_VALIDATION_SIZE, Q2Data.DEFAULT_SPLIT_SEED);
        heldOutLabels = HeldOutSet.readLabels(heldOut().resolve(HeldOutSet.HIDDEN_FOLDER));
    }

    private static Path heldOut() {
        return Path.of(System.getProperty("hw5.repository", "..")).resolve("heldout");
    }

    @Test
    void aSmallMlpTrainsTo88PercentAndTheGraderFindsTheSameAccuracy(@TempDir Path work) throws Exception {
        trainAndGrade(work, MLP);
    }

    @Test
    void aSmallCnnTrainsTo88PercentAndTheGraderFindsTheSameAccuracy(@TempDir Path work) throws Exception {
        trainAndGrade(work, CNN);
    }

    private static void trainAndGrade(Path work, String network) throws Exception {
        ClassLoader student = FilledTemplate.compile(work,
                Map.of("buildNetwork", network, "trainingConfig", CONFIG, "trainEpoch", LOOP));
        Path out = work.resolve("out");
        Class<?> options = student.loadClass("hw5.Q2Options");
        // One thread, as a student on a shared machine is told to: the same run from the seed on any
        // number of cores, and several times faster than two when other builds hold the cores.
        Object parsed = options.getMethod("parse", String[].class).invoke(null, (Object) new String[] {
            "--epochs", "2", "--threads", "1", "--out", out.toString(),
            "--heldout", heldOut().resolve(HeldOutSet.PUBLIC_FOLDER).toString()});
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Method run = student.loadClass("hw5.TrainingRun").getMethod("run", options, PrintStream.class);
        Object result = run.invoke(null, parsed, new PrintStream(log, true, StandardCharsets.UTF_8));
        String printed = log.toString(StandardCharsets.UTF_8);
        double validation = (double) result.getClass().getMethod("validationAccuracy").invoke(result);
        int[] djlHeldOut = (int[]) result.getClass().getMethod("heldOutPredictions").invoke(result);
        assertTrue(validation >= 0.88, "validation accuracy after 2 epochs: " + validation + "\n" + printed);

        ModelFile model = ModelFiles.read(out.resolve(ModelFile.FILE_NAME));
        assertTrue(printed.contains("validation"), printed);
        assertEquals(djlHeldOut.length, NpyReader.readInts(out.resolve("predictions.npy")).length);

        // Validation: the same images DJL measured its accuracy on.
        LabelledImages v = data.validation();
        double[][] scores = ModelEvaluator.scores(model, v.images());
        int correct = 0;
        int ties = 0;
        for (int i = 0; i < v.size(); i++) {
            int best = argmax(scores[i]);
            correct += best == v.label(i) ? 1 : 0;
            ties += margin(scores[i]) < TIE ? 1 : 0;
        }
        double evaluated = (double) correct / v.size();
        assertEquals(validation, evaluated, (ties + 0.5) / v.size(),
                "the evaluator's validation accuracy; " + ties + " near-ties");

        // Held-out: DJL's predictions (predictions.npy) and the evaluator's differ only at ties.
        double[][] heldOutScores = ModelEvaluator.scores(model, data.heldOut());
        int djlCorrect = 0;
        int evaluatorCorrect = 0;
        for (int i = 0; i < heldOutScores.length; i++) {
            int best = argmax(heldOutScores[i]);
            int label = Byte.toUnsignedInt(heldOutLabels[i]);
            djlCorrect += djlHeldOut[i] == label ? 1 : 0;
            evaluatorCorrect += best == label ? 1 : 0;
            if (best != djlHeldOut[i]) {
                double gap = heldOutScores[i][best] - heldOutScores[i][djlHeldOut[i]];
                assertTrue(gap < TIE, "held-out image " + i + ": DJL says " + djlHeldOut[i] + ", the evaluator "
                        + best + ", " + gap + " apart");
            }
        }
        System.out.printf("validation %.2f%% (DJL) / %.2f%% (grader's evaluator, %d near-ties); held-out %.2f%% / %.2f%%%n",
                100 * validation, 100 * evaluated, ties, djlCorrect / 100.0, evaluatorCorrect / 100.0);
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    /** The gap between the two highest scores. */
    private static double margin(double[] row) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return first - second;
    }
}
