package edu.mlcourse.hw5.grader.heldout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.checker.edition.python.SandboxedTorchModels;
import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.IsolationDetector;
import edu.mlcourse.hw5.checker.sandbox.ModelLimits;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.checker.submission.SubmissionLoader;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Python edition's my_model.pt, saved by real PyTorch in every way students save a model
 * (src/test/resources/python-q2/make_models.py trains two small models for seconds: a CNN with
 * batch norm and dropout on normalised inputs, so that a forgotten eval() or the wrong input
 * would change its predictions, and an nn.Sequential MLP), is evaluated in the sandbox to the
 * accuracy PyTorch itself measures; hostile model files cost only their own evaluation.
 */
class TorchModelTest {
    @TempDir
    static Path made;
    private static JsonNode expected;
    private static IsolationChoice isolation;
    private static HeldOutData heldOut;

    @BeforeAll
    static void makeTheModels() throws IOException, InterruptedException {
        Optional<String> unavailable = SandboxedTorchModels.unavailableHere();
        assumeTrue(unavailable.isEmpty(), () -> "needs Python with PyTorch: " + unavailable.orElse(""));
        assumeTrue(FashionMnist.isAvailable(), "needs Fashion-MNIST (apt-get install dataset-fashion-mnist)");
        FashionMnist dataset = FashionMnist.locate(Optional.empty());
        Path root = Repository.root();
        Process process = new ProcessBuilder("/usr/bin/python3", "src/test/resources/python-q2/make_models.py",
                made.toString(), dataset.folder().resolve("train-images-idx3-ubyte.gz").toString(),
                dataset.folder().resolve("train-labels-idx1-ubyte.gz").toString(),
                root.resolve("heldout/public/images-idx3-ubyte").toString(),
                root.resolve("heldout/hidden/labels-idx1-ubyte").toString(),
                root.resolve("reference-solution/src/main/python/q1.py").toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "make_models.py finished");
        assertEquals(0, process.exitValue(), output);
        expected = Json.mapper().readTree(made.resolve("expected.json").toFile());
        isolation = IsolationDetector.detect(RunLimits.DEFAULT, List.of());
        heldOut = HeldOutData.read(root.resolve("heldout"));
    }

    private static TestResult grade(String name, ModelLimits limits) {
        Q2Part part = new Q2Part(() -> heldOut, Rubric.defaults(),
                new SandboxedTorchModels(isolation::isolation, limits, Path.of(System.getProperty("java.io.tmpdir"))));
        try (Submission submission = SubmissionLoader.open(made.resolve(name))) {
            PartResult result = part.grade(submission);
            assertTrue(result.graderErrors().isEmpty(), result::toString);
            return result.tests().get(0);
        }
    }

    /**
     * Every honest model loses nothing to how it was saved or preprocessed: the course notebook's
     * own save (TorchScript carrying its preprocessing), the other ways of saving, a model trained on
     * raw pixels 0..255, one normalised with constants held in variables (no Normalize call).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"course-notebook", "torchscript", "whole-module", "state-dict", "checkpoint",
        "sequential-state-dict", "sequential-whole", "raw-pixels", "constants-in-variables"})
    void everyWayOfSavingIsEvaluatedToTheAccuracyPyTorchMeasures(String format) {
        TestResult q2 = grade(format, ModelLimits.DEFAULT);
        assertTrue(q2.output().contains("Q2 is verified: my_model.pt, run by the grader, reproduces predictions.npy on"
                + " 100.00% of the held-out images (99% needed)"), q2.output());
        double accuracy = expected.get(format).get("accuracy").asDouble();
        String feedback = q2.output();
        assertTrue(feedback.startsWith(String.format(Locale.ROOT, "Held-out accuracy: %.2f%% (my_model.pt, evaluated by"
                + " the grader with input ", accuracy)), feedback);
        assertTrue(feedback.contains("my_model.pt and predictions.npy agree on 100.00% of the images."), feedback);
        if (format.startsWith("sequential")) {
            // A model that flattens its input takes both shapes alike: either is right.
            assertTrue(feedback.contains("pixels / 255)."), feedback);
        } else {
            // The whole convention, or for a model that flattens its input (either shape is right) its scaling.
            assertTrue(feedback.contains(expected.get(format).get("convention").asText() + ")"), feedback);
        }
        assertEquals(Rubric.defaults().heldout().pointsFor(accuracy), q2.score(), 0.01, feedback);
    }

    @Test
    void aPredictionsFileOfTheWrongLengthCostsNothingWhenTheModelIsThere() {
        TestResult q2 = grade("wrong-length-predictions", ModelLimits.DEFAULT);
        double accuracy = expected.get("wrong-length-predictions").get("accuracy").asDouble();
        assertTrue(q2.output().startsWith(String.format(Locale.ROOT, "Held-out accuracy: %.2f%% (my_model.pt, evaluated by"
                + " the grader with input %s)", accuracy, expected.get("wrong-length-predictions").get("convention")
                .asText())), q2.output());
        assertTrue(q2.output().contains("Q2 is verified: my_model.pt was run by the grader, and there was no usable"
                + " predictions file to compare it with"), q2.output());
        assertTrue(q2.output().contains("predictions.npy holds 9999 labels, but there are 10000 held-out images"),
                q2.output());
        assertEquals(Rubric.defaults().heldout().pointsFor(accuracy), q2.score(), 0.01, q2.output());
    }

    @Test
    void aStateDictWithoutItsNotebookIsUnverifiedAndSaysTheNotebookIsMissing() {
        TestResult q2 = grade("state-dict-without-notebook", ModelLimits.DEFAULT);
        assertScoredFromPredictions(q2, "state-dict-without-notebook");
        assertTrue(q2.output().contains("my_model.pt holds a state_dict (the weights only), and the model's class is"
                + " defined in q2.ipynb, which is not in the submission: submit q2.ipynb too."), q2.output());
        assertTrue(q2.output().contains("Q2 is unverified: my_model.pt could not be evaluated."), q2.output());
        assertFalse(q2.output().contains("no model in q2.ipynb takes it"), q2.output());
    }

    @Test
    void aModelThatReadsTheAnswersGetsNothingAndCostsOnlyItsOwnEvaluation() {
        TestResult q2 = grade("hostile-reads-answers", ModelLimits.DEFAULT);
        String feedback = q2.output();
        assertScoredFromPredictions(q2);
        assertFalse(feedback.contains("READ "), feedback);
        if (isolation.level() == IsolationChoice.Level.NAMESPACES) {
            assertTrue(feedback.contains("DENIED " + Repository.root().resolve("heldout/hidden/labels-idx1-ubyte")
                    .toAbsolutePath().normalize()), feedback);
            assertTrue(feedback.contains("DENIED /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"), feedback);
        }
    }

    @Test
    void aModelThatExitsOrUsesTheNetworkCostsOnlyItsOwnEvaluation() {
        assertTrue(grade("hostile-exits", ModelLimits.DEFAULT).output().contains(
                "the process running my_model.pt ended while it loaded or ran the model (exit code 3)"));
        TestResult network = grade("hostile-opens-a-socket", ModelLimits.DEFAULT);
        assertScoredFromPredictions(network);
        if (isolation.level() == IsolationChoice.Level.NAMESPACES) {
            assertTrue(network.output().contains("NET failed"), network.output());
        }
    }

    /**
     * Its limits leave room for PyTorch to import itself on a machine so busy that it takes a minute
     * (15 s of computing, a backstop at 150 s); the sleep after it is then stopped as waiting once
     * the last 30 s held almost no computing, whatever came before.
     */
    @Test
    void aModelThatSleepsIsStoppedAndCostsOnlyItsOwnEvaluation() {
        TestResult q2 = grade("hostile-sleeps", new ModelLimits(Duration.ofSeconds(15), 4096));
        assertScoredFromPredictions(q2);
        assertTrue(q2.output().contains("loading and running my_model.pt did not finish: it was waiting, not computing"),
                q2.output());
    }

    private static void assertScoredFromPredictions(TestResult q2) {
        assertScoredFromPredictions(q2, "hostile-reads-answers");
    }

    private static void assertScoredFromPredictions(TestResult q2, String name) {
        String accuracy = String.format(Locale.ROOT, "%.2f", expected.get(name).get("accuracy").asDouble());
        assertTrue(q2.output().startsWith("Held-out accuracy: " + accuracy + "% (predictions.npy)"), q2.output());
        assertTrue(q2.output().contains("Your my_model.pt could not be evaluated, so the predictions file is scored"
                + " instead"), q2.output());
        assertTrue(q2.output().contains("Q2 is unverified: "), q2.output());
    }
}
