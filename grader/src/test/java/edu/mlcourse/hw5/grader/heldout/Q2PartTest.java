package edu.mlcourse.hw5.grader.heldout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.checker.edition.python.TorchModels;
import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.sandbox.ModelRunner;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.checker.submission.SubmissionLoader;
import edu.mlcourse.hw5.grader.GraderFixtures;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.npy.NpyWriter;
import edu.mlcourse.hw5.protocol.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Q2PartTest {
    private static HeldOutData heldOut;
    private static Q2Part part;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTheCommittedHeldOutSet() {
        heldOut = HeldOutData.read(Repository.root().resolve("heldout"));
        part = new Q2Part(() -> heldOut, Rubric.defaults(), GraderFixtures.NO_TORCH);
    }

    /** The true labels with the first {@code wrong} of them moved to the next class. */
    private static int[] labelsWithMistakes(int wrong) {
        int[] predictions = new int[heldOut.size()];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = (heldOut.labels()[i] + (i < wrong ? 1 : 0)) % 10;
        }
        return predictions;
    }

    private PartResult grade() {
        try (Submission submission = SubmissionLoader.open(dir)) {
            return part.grade(submission);
        }
    }

    @ParameterizedTest(name = "{0} of 10000 right earn {1} points")
    @CsvSource({"7999, 0", "8000, 0", "8001, 0.04", "8999, 39.96", "9000, 40", "10000, 40"})
    void pointsAreExactAtTheBoundaries(int correct, double points) throws IOException {
        NpyWriter.write(dir.resolve("predictions.npy"), labelsWithMistakes(heldOut.size() - correct));
        PartResult result = grade();
        TestResult test = result.tests().get(0);
        assertEquals(points, test.score(), 1e-9);
        assertEquals(40, test.maxScore());
        assertEquals(100.0 * correct / heldOut.size(), result.heldOut().orElseThrow().accuracy(), 1e-9);
        assertTrue(test.output().contains("Confusion matrix"), test.output());
        assertTrue(test.output().contains("Ankle boot"), test.output());
    }

    @Test
    void aModelThatReproducesThePredictionsVerifiesQ2AndItsOwnAccuracyIsScored() throws IOException {
        ModelFile model = randomModel(1);
        ModelFiles.write(dir.resolve("my_model.json"), model);
        int[] labels = ModelEvaluator.predict(model, heldOut.images());
        labels[0] = (labels[0] + 1) % 10; // one image in 10,000 differs: still verified
        NpyWriter.write(dir.resolve("predictions.npy"), labels);
        PartResult result = grade();
        HeldOutScore q2 = result.heldOut().orElseThrow();
        double modelAccuracy = new ConfusionMatrix(heldOut.labels(), ModelEvaluator.predict(model, heldOut.images())).accuracy();
        assertTrue(q2.verified(), q2::toString);
        assertEquals(modelAccuracy, q2.accuracy(), 1e-9);
        assertEquals("", q2.toVerify());
        String output = result.tests().get(0).output();
        assertTrue(output.contains("my_model.json, evaluated by the grader"), output);
        assertTrue(output.contains("Q2 is verified: my_model.json, run by the grader, reproduces predictions.npy on 99.99%"
                + " of the held-out images (99% needed), so the model's own accuracy is scored."), output);
    }

    /**
     * A batch shares one part: a my_model.json identical to one already evaluated gets the same
     * labels, evidence and feedback without a second evaluation, and a changed one is evaluated.
     */
    @Test
    void anIdenticalModelFileGradesTheSameAndAChangedOneIsEvaluatedAgain() throws IOException {
        Q2Part fresh = new Q2Part(() -> heldOut, Rubric.defaults(), GraderFixtures.NO_TORCH);
        ModelFile model = randomModel(5);
        ModelFiles.write(dir.resolve("my_model.json"), model);
        NpyWriter.write(dir.resolve("predictions.npy"), ModelEvaluator.predict(model, heldOut.images()));
        PartResult first;
        PartResult again;
        try (Submission submission = SubmissionLoader.open(dir)) {
            first = fresh.grade(submission);
        }
        try (Submission submission = SubmissionLoader.open(dir)) {
            again = fresh.grade(submission);
        }
        assertEquals(first.tests(), again.tests());
        assertEquals(first.heldOut(), again.heldOut());
        assertArrayEquals(first.evidence().predictions(), again.evidence().predictions());
        assertEquals(first.evidence().modelFile(), again.evidence().modelFile());
        assertEquals(first.evidence().modelWeights(), again.evidence().modelWeights());
        ModelFile other = randomModel(6);
        ModelFiles.write(dir.resolve("my_model.json"), other);
        try (Submission submission = SubmissionLoader.open(dir)) {
            // Its labels are its own, not the first model's: they no longer reproduce predictions.npy.
            HeldOutScore q2 = fresh.grade(submission).heldOut().orElseThrow();
            assertFalse(q2.verified(), q2::toString);
        }
    }

    /** A my_model.pt that ran as saved and gives {@code labels}: the sample, then the full pass asked for. */
    private static ModelRunner.Ran ranAsSaved(int[] labels, ModelRunner.Completion completion) {
        Codec.Evaluated sample = new Codec.Evaluated(List.of(), List.of(new Codec.ConventionResult(
                "as saved", Arrays.copyOf(labels, 500), null)), null, "");
        Map<Integer, Codec.Labels> completed = new HashMap<>();
        completion.next(sample, completed).ifPresent(i -> completed.put(i, new Codec.Labels(labels, null, "")));
        return new ModelRunner.Ran(sample, completed, "Python 3, PyTorch 1.13.1");
    }

    /**
     * The same for the Python edition: a my_model.pt evaluated with the same notebook and predictions
     * before is not evaluated again; other predictions (which choose its input) are.
     */
    @Test
    void anIdenticalTorchModelWithTheSamePredictionsIsEvaluatedOnce() throws IOException {
        int[] labels = labelsWithMistakes(1000);
        AtomicInteger evaluations = new AtomicInteger();
        TorchModels torch = new TorchModels() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion) {
                evaluations.incrementAndGet();
                return ranAsSaved(labels, completion);
            }
        };
        Q2Part fresh = new Q2Part(() -> heldOut, Rubric.defaults(), torch);
        Files.write(dir.resolve("my_model.pt"), new byte[] {1, 2, 3});
        NpyWriter.write(dir.resolve("predictions.npy"), labels);
        List<PartResult> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (Submission submission = SubmissionLoader.open(dir)) {
                results.add(fresh.grade(submission));
            }
        }
        assertEquals(1, evaluations.get());
        assertEquals(results.get(0).tests(), results.get(1).tests());
        assertTrue(results.get(1).heldOut().orElseThrow().verified(), results.get(1).heldOut()::toString);
        NpyWriter.write(dir.resolve("predictions.npy"), labelsWithMistakes(2000));
        try (Submission submission = SubmissionLoader.open(dir)) {
            fresh.grade(submission);
        }
        assertEquals(2, evaluations.get());
    }

    /**
     * A my_model.pt's worker starts before the held-out set is read (importing PyTorch takes about a
     * second), the model is evaluated on it, and it is closed; a model evaluated before, or a
     * submission whose my_model.json is what is run, starts none.
     */
    @Test
    void aTorchModelsWorkerStartsBeforeTheHeldOutSetIsReadAndIsAlwaysClosed() throws IOException {
        int[] labels = labelsWithMistakes(1000);
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger closes = new AtomicInteger();
        AtomicInteger onStarted = new AtomicInteger();
        List<Integer> startsWhenDataWasRead = new ArrayList<>();
        TorchModels torch = new TorchModels() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion) {
                throw new AssertionError("evaluated without a started worker");
            }

            @Override
            public Session start() {
                starts.incrementAndGet();
                return new Session() {
                    @Override
                    public ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion) {
                        onStarted.incrementAndGet();
                        return ranAsSaved(labels, completion);
                    }

                    @Override
                    public void close() {
                        closes.incrementAndGet();
                    }
                };
            }
        };
        Q2Part part = new Q2Part(() -> {
            startsWhenDataWasRead.add(starts.get());
            return heldOut;
        }, Rubric.defaults(), torch);
        Files.write(dir.resolve("my_model.pt"), new byte[] {1, 2, 3});
        NpyWriter.write(dir.resolve("predictions.npy"), labels);
        for (int i = 0; i < 2; i++) {
            try (Submission submission = SubmissionLoader.open(dir)) {
                assertTrue(part.grade(submission).heldOut().orElseThrow().verified());
            }
        }
        assertEquals(List.of(1, 1), startsWhenDataWasRead, "started before the data, once: the second was known");
        assertEquals(1, onStarted.get());
        assertEquals(1, closes.get());
        ModelFiles.write(dir.resolve("my_model.json"), randomModel(2));
        try (Submission submission = SubmissionLoader.open(dir)) {
            part.grade(submission);
        }
        assertEquals(1, starts.get(), "my_model.json is what runs: no PyTorch worker");
    }

    @Test
    void aModelThatDoesNotReproduceThePredictionsLeavesQ2UnverifiedScoredFromThePredictionsAndFlagged()
            throws IOException {
        ModelFile model = randomModel(1);
        ModelFiles.write(dir.resolve("my_model.json"), model);
        NpyWriter.write(dir.resolve("predictions.npy"), labelsWithMistakes(1000));
        PartResult result = grade();
        HeldOutScore q2 = result.heldOut().orElseThrow();
        assertFalse(q2.verified());
        assertEquals(90.0, q2.accuracy(), 1e-9, "the predictions file is what is scored");
        assertEquals(40, result.tests().get(0).score());
        assertTrue(q2.why().startsWith("my_model.json, run by the grader, agrees with predictions.npy on only"), q2.why());
        String output = result.tests().get(0).output();
        assertTrue(output.contains("That is low: did you save the predictions from another model"), output);
        assertTrue(output.contains("Q2 is unverified: my_model.json, run by the grader, agrees with predictions.npy on"
                + " only"), output);
        assertTrue(output.contains("The score comes from predictions.npy alone and is flagged for the course staff"), output);
        assertTrue(output.contains("To verify it, submit the my_model.json that Q2's given ModelExport wrote from the"
                + " same model as predictions.npy."), output);
    }

    @Test
    void theTrueLabelsWithoutAModelAreUnverifiedFlaggedAndWorthNothingWhereTheRubricSaysSo() throws IOException {
        NpyWriter.write(dir.resolve("predictions.npy"), labelsWithMistakes(0));
        Files.writeString(dir.resolve("Q1.java"), "");
        PartResult result = grade();
        HeldOutScore q2 = result.heldOut().orElseThrow();
        assertFalse(q2.verified());
        assertEquals("there is no model file (my_model.json)", q2.why());
        assertEquals(1, q2.flags().size(), "100% is more than a network of homework size reaches");
        assertTrue(q2.toVerify().contains("Flag: held-out accuracy 100.00% is above 95%"), q2.toVerify());
        assertEquals(40, result.tests().get(0).score(), "the default rubric scores an unverified Q2, flagged");
        assertTrue(result.tests().get(0).output().contains("Q2 is unverified: there is no model file (my_model.json)."),
                result.tests().get(0).output());

        Path rubricFile = dir.resolve("rubric.json");
        Files.writeString(rubricFile, defaultRubric().replace("\"unverified\": \"score\"", "\"unverified\": \"zero\""));
        Q2Part strict = new Q2Part(() -> heldOut, Rubric.load(rubricFile), GraderFixtures.NO_TORCH);
        try (Submission submission = SubmissionLoader.open(dir)) {
            PartResult zero = strict.grade(submission);
            assertEquals(0, zero.tests().get(0).score());
            assertTrue(zero.tests().get(0).output().contains("This course gives an unverified Q2 no points."),
                    zero.tests().get(0).output());
            assertEquals(100.0, zero.heldOut().orElseThrow().accuracy(), 1e-9);
        }
        Files.writeString(rubricFile, defaultRubric().replace("\"unverified\": \"score\"", "\"unverified\": \"maybe\""));
        CourseDataException refused = assertThrows(CourseDataException.class, () -> Rubric.load(rubricFile));
        assertTrue(refused.getMessage().contains("heldout.unverified \"maybe\" is not \"score\""), refused.getMessage());
    }

    /**
     * The held-out set is read for a submission with something to score against it, and only then:
     * a Q1-only submission (even one with a misnamed predictions file) scores zero with the reason
     * without it, so a held-out set that cannot be read costs it nothing.
     */
    @Test
    void theHeldOutSetIsReadOnlyForASubmissionWithSomethingToScore() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        Q2Part counting = new Q2Part(() -> {
            reads.incrementAndGet();
            return heldOut;
        }, Rubric.defaults(), GraderFixtures.NO_TORCH);
        Q2Part unreadable = new Q2Part(() -> {
            throw new CourseDataException("the held-out set is damaged");
        }, Rubric.defaults(), GraderFixtures.NO_TORCH);
        Files.writeString(dir.resolve("Q1.java"), "package hw5;\npublic final class Q1 {}\n");
        NpyWriter.write(dir.resolve("Predictions.npy"), labelsWithMistakes(1000));
        try (Submission submission = SubmissionLoader.open(dir)) {
            for (Q2Part q2 : List.of(counting, unreadable)) {
                PartResult result = q2.grade(submission);
                assertEquals(0, result.tests().get(0).score());
                String output = result.tests().get(0).output();
                assertTrue(output.contains("Q2 scores zero: there is nothing the grader can score."), output);
                assertTrue(output.contains("rename it to predictions.npy"), output);
            }
        }
        assertEquals(0, reads.get());
        Files.move(dir.resolve("Predictions.npy"), dir.resolve("predictions.npy"));
        try (Submission submission = SubmissionLoader.open(dir)) {
            assertEquals(90.0, counting.grade(submission).heldOut().orElseThrow().accuracy(), 1e-9);
            assertThrows(CourseDataException.class, () -> unreadable.grade(submission));
        }
        assertEquals(1, reads.get());
    }

    @Test
    void aPythonSubmissionIsToldOfItsOwnModelFileOnly() throws IOException {
        NpyWriter.write(dir.resolve("predictions.npy"), labelsWithMistakes(900));
        Files.writeString(dir.resolve("q1.py"), "");
        PartResult result = grade();
        String output = result.tests().get(0).output();
        assertEquals("there is no model file (my_model.pt)", result.heldOut().orElseThrow().why());
        assertTrue(output.contains("my_model.pt is not in the submission."), output);
        assertTrue(output.contains("To verify it, run the last cells of q2.ipynb, which save my_model.pt and"
                + " predictions.npy from the same model"), output);
        assertFalse(output.contains("my_model.json"), output);
    }

    private static String defaultRubric() throws IOException {
        return new String(Rubric.class.getResourceAsStream("default-rubric.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anInvalidModelFallsBackToThePredictionsWithTheReason() throws IOException {
        Files.writeString(dir.resolve("my_model.json"), "{\"format\": \"hw5-model/2\", \"layers\": []}");
        Files.writeString(dir.resolve("predictions.csv"), "label\n" + String.join("\n",
                java.util.Arrays.stream(labelsWithMistakes(500)).mapToObj(Integer::toString).toList()) + "\n");
        PartResult result = grade();
        assertEquals(95.0, result.heldOut().orElseThrow().accuracy(), 1e-9);
        assertEquals(40, result.tests().get(0).score());
        assertTrue(result.tests().get(0).output().contains("could not be evaluated"), result.tests().get(0).output());
    }

    @Test
    void wrongLengthAndMissingFilesScoreZeroWithTheReason() throws IOException {
        NpyWriter.write(dir.resolve("predictions.npy"), new int[] {1, 2, 3});
        PartResult result = grade();
        assertEquals(0, result.tests().get(0).score());
        assertTrue(result.heldOut().isEmpty());
        String output = result.tests().get(0).output();
        assertTrue(output.contains("10000") && output.contains("3"), output);
        Files.delete(dir.resolve("predictions.npy"));
        Files.writeString(dir.resolve("Q1.java"), "");
        String missing = grade().tests().get(0).output();
        assertTrue(missing.contains("No predictions file"), missing);
        assertTrue(missing.contains("my_model.json is not in the submission"), missing);
    }

    @Test
    void aRubricMayGivePointsForTheNotebookWhichIsNeverRun() throws IOException {
        Path rubricFile = dir.resolve("rubric.json");
        String defaults = new String(Rubric.class.getResourceAsStream("default-rubric.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(rubricFile, defaults.replace("\"zeroAt\": 80.0,", "\"zeroAt\": 80.0, \"notebookPoints\": 5,"));
        Rubric rubric = Rubric.load(rubricFile);
        assertEquals(105.0, rubric.total());
        Q2Part withNotebook = new Q2Part(() -> heldOut, rubric, GraderFixtures.NO_TORCH);
        Path submission = Files.createDirectories(dir.resolve("submission"));
        NpyWriter.write(submission.resolve("predictions.npy"), labelsWithMistakes(0));
        Files.writeString(submission.resolve("q2.ipynb"), "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\","
                + " \"source\": \"raise SystemExit('never run')\", \"outputs\": []}]}");
        try (Submission opened = SubmissionLoader.open(submission)) {
            List<TestResult> tests = withNotebook.grade(opened).tests();
            assertEquals(List.of("Q2 held-out accuracy", "Q2 notebook (q2.ipynb)"), tests.stream().map(TestResult::name).toList());
            assertEquals(5.0, tests.get(1).score());
            assertTrue(tests.get(0).output().contains("q2.ipynb is a valid notebook with 1 code cell(s)"), tests.get(0).output());
        }
        Files.writeString(submission.resolve("q2.ipynb"), "print('not a notebook')");
        try (Submission opened = SubmissionLoader.open(submission)) {
            TestResult notebook = withNotebook.grade(opened).tests().get(1);
            assertEquals(0.0, notebook.score());
            assertTrue(notebook.output().startsWith("q2.ipynb is not valid JSON"), notebook.output());
        }
        assertEquals(2, withNotebook.ungraded("cannot open it").tests().size(), "the same tests when nothing can be graded");
    }

    @Test
    void theConfusionMatrixCountsTrueClassesAgainstPredictions() {
        ConfusionMatrix matrix = new ConfusionMatrix(new byte[] {0, 0, 1, 9}, new int[] {0, 1, 1, 9});
        assertEquals(75.0, matrix.accuracy());
        assertEquals(50.0, matrix.classAccuracy(0));
        assertEquals(100.0, matrix.classAccuracy(9));
        String text = matrix.render();
        assertTrue(text.contains("  0 T-shirt/top      1     1     0"), text);
        assertTrue(text.contains("  2 Pullover        n/a"), text);
        assertFalse(text.contains("NaN"));
    }

    @Test
    void theEvidenceHoldsTheScoredPredictionsAndDigestsOfTheModelFileAndOfItsWeights() throws IOException {
        ModelFile model = randomModel(2);
        ModelFiles.write(dir.resolve("my_model.json"), model);
        Evidence evidence = grade().evidence();
        assertArrayEquals(ModelEvaluator.predict(model, heldOut.images()), evidence.predictions());
        String file = evidence.modelFile();
        String weights = evidence.modelWeights();

        // The same weights saved again with another layout: another file, the same weights.
        Files.writeString(dir.resolve("my_model.json"), Json.prettyWriter().writeValueAsString(model));
        Evidence resaved = grade().evidence();
        assertNotEquals(file, resaved.modelFile());
        assertEquals(weights, resaved.modelWeights());

        ModelFiles.write(dir.resolve("my_model.json"), randomModel(3));
        assertNotEquals(weights, grade().evidence().modelWeights());
    }

    static ModelFile randomModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w1 = new double[784][32];
        double[][] w2 = new double[32][10];
        for (double[] row : w1) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * 0.05;
            }
        }
        for (double[] row : w2) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * 0.3;
            }
        }
        double[] b1 = new double[32];
        double[] b2 = new double[10];
        for (int j = 0; j < 10; j++) {
            b2[j] = random.nextGaussian() * 0.1;
        }
        return ModelFile.of(new ModelFile.Input(255.0, 0.0, 1.0, ModelFile.Input.FLAT), List.of(new Layer.Linear(w1, b1), new Layer.Relu(), new Layer.Linear(w2, b2), new Layer.Softmax()));
    }
}
