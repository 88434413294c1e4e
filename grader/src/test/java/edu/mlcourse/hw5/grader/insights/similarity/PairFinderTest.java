package edu.mlcourse.hw5.grader.insights.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.predictions.Predictions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PairFinderTest {
    private static final Rubric.Similarity DEFAULTS = Rubric.defaults().similarity();
    private static final byte[] LABELS = HeldOutSet.readLabels(Repository.root().resolve("heldout").resolve(HeldOutSet.HIDDEN_FOLDER));

    private static Evidence outputs(Map<String, String> wrongOutputs) {
        return new Evidence.Builder().wrongOutputs(wrongOutputs).build();
    }

    private static Evidence predictions(int[] predictions) {
        return new Evidence.Builder().predictions(predictions).build();
    }

    private static List<String> pairs(Map<String, Evidence> evidence) {
        return PairFinder.find(evidence, Optional.of(LABELS), DEFAULTS, Set.of()).pairs().stream()
                .map(p -> p.first() + " " + p.second()).toList();
    }

    /** Predictions of ten small networks trained independently (bench/similarity/train.py). */
    private static Map<String, int[]> independentModels() throws IOException {
        Map<String, int[]> models = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/independent-predictions"))) {
            for (Path file : files.sorted().toList()) {
                models.put(file.getFileName().toString(), Predictions.read(file, LABELS.length));
            }
        }
        return models;
    }

    @Test
    void independentlyTrainedModelsAreNoPairButCopiesOfTheirPredictionsAre() throws IOException {
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        independentModels().forEach((name, p) -> evidence.put(name, predictions(p)));
        assertEquals(List.of(), pairs(evidence));

        int[] source = independentModels().get("model-04.npy");
        SplittableRandom random = new SplittableRandom(4);
        int[] improved = source.clone();
        int[] noisy = source.clone();
        for (int i = 0; i < source.length; i++) {
            if (improved[i] != LABELS[i] && random.nextInt(3) == 0) {
                improved[i] = LABELS[i]; // a third of the errors fixed
            }
            if (random.nextInt(20) == 0) {
                noisy[i] = random.nextInt(10); // 5% of the labels changed at random
            }
        }
        evidence.put("exact", predictions(source.clone()));
        evidence.put("improved", predictions(improved));
        evidence.put("noisy", predictions(noisy));
        assertEquals(List.of("exact improved", "exact model-04.npy", "exact noisy", "improved model-04.npy",
                "improved noisy", "model-04.npy noisy"), pairs(evidence));
    }

    @Test
    void predictionsThatAgreeOnlyBecauseTheyAreTrivialAreNoPair() {
        int[] zeros = new int[LABELS.length];
        int[] mostlyZeros = zeros.clone();
        Arrays.fill(mostlyZeros, 0, 500, 1);
        // Both always say "T-shirt": all their errors agree, exactly as independent errors of such predictors would.
        assertEquals(List.of(), pairs(Map.of("a", predictions(zeros), "b", predictions(mostlyZeros))));
    }

    @Test
    void theSameUnexplainedWrongOutputsOnHiddenCasesMakeAPairUnlessCommonOrTooFew() {
        Map<String, String> two = Map.of("reluForward/hidden/n3_k4_a", "d1", "reluForward/hidden/n3_k4_b", "d2");
        assertEquals(List.of("a b"), pairs(Map.of("a", outputs(two), "b", outputs(two), "c", outputs(Map.of(
                "reluForward/hidden/n3_k4_a", "other")))));
        assertEquals(List.of(), pairs(Map.of("a", outputs(Map.of("reluForward/hidden/n3_k4_a", "d1")),
                "b", outputs(Map.of("reluForward/hidden/n3_k4_a", "d1")))), "one case is not enough");
        Map<String, String> onPublic = Map.of("reluForward/public/n3_k4_a", "d1", "reluForward/public/n3_k4_b", "d2");
        assertEquals(List.of(), pairs(Map.of("a", outputs(onPublic), "b", outputs(onPublic))), "public cases are not compared");
        Map<String, Evidence> common = new LinkedHashMap<>();
        for (String id : List.of("a", "b", "c", "d")) {
            common.put(id, outputs(two));
        }
        assertEquals(List.of(), pairs(common), "a wrong output four submissions share is a common mistake");
    }

    @Test
    void theSameModelFileOrWeightsMakeAPair() {
        Map<String, Evidence> evidence = Map.of(
                "a", new Evidence.Builder().model("file1", "weights1").build(),
                "b", new Evidence.Builder().model("file1", "weights1").build(),
                "c", new Evidence.Builder().model("file2", "weights1").build(),
                "d", new Evidence.Builder().model("file3", "weights3").build());
        List<ReviewPair> pairs = PairFinder.find(evidence, Optional.empty(), DEFAULTS, Set.of()).pairs();
        assertEquals(List.of(new ReviewPair("a", "b", List.of(new ReviewPair.SameModel(true, true))),
                new ReviewPair("a", "c", List.of(new ReviewPair.SameModel(false, true))),
                new ReviewPair("b", "c", List.of(new ReviewPair.SameModel(false, true)))), pairs);
    }

    private static Evidence source(String file, Evidence.Source source) {
        return new Evidence.Builder().source(file, source).build();
    }

    @Test
    void theSameNormalisedSourceMakesAPairUnlessShortCommonOrTheTemplate() {
        Evidence.Source copied = new Evidence.Source("s1", 900, List.of("header", "linear", "rare-relu"));
        Evidence.Source shortSource = new Evidence.Source("s2", 20, List.of("header", "tiny"));
        Evidence.Source template = new Evidence.Source("template", 900, List.of("header", "todo"));
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        evidence.put("a", source("Q1.java", copied));
        evidence.put("b", source("Q1.java", copied));
        evidence.put("c", source("Q1.java", shortSource));
        evidence.put("d", source("Q1.java", shortSource));
        evidence.put("e", source("Q1.java", template));
        evidence.put("f", source("Q1.java", template));
        evidence.put("g", source("q1.py", copied));
        List<ReviewPair> pairs = PairFinder.find(evidence, Optional.empty(), DEFAULTS, Set.of("template")).pairs();
        assertEquals(List.of(new ReviewPair("a", "b", List.of(new ReviewPair.SameSource("Q1.java", 900, 3, 2)))), pairs);
    }

    @Test
    void identicalFilesMadeOnlyOfTheClasssMostCommonPartsAreNoPair() {
        // a and b both wrote the version of each function that most of the class wrote.
        Evidence.Source canonical = new Evidence.Source("same", 900, List.of("header", "linear", "relu"));
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        evidence.put("a", source("Q1.java", canonical));
        evidence.put("b", source("Q1.java", canonical));
        for (String id : List.of("c", "d", "e")) {
            evidence.put(id, source("Q1.java", new Evidence.Source("own-" + id, 900, List.of("header", "linear", "relu",
                    "helper-" + id))));
        }
        assertEquals(List.of(), PairFinder.find(evidence, Optional.empty(), DEFAULTS, Set.of()).pairs());
    }

    @Test
    void predictionsThatCannotBeComparedAreNoted() {
        Map<String, Evidence> evidence = Map.of("a", predictions(new int[] {1, 2}));
        assertTrue(PairFinder.find(evidence, Optional.empty(), DEFAULTS, Set.of()).notes().get(0)
                .contains("the held-out labels are not available"));
        assertTrue(PairFinder.find(evidence, Optional.of(LABELS), DEFAULTS, Set.of()).notes().get(0)
                .contains("Held-out predictions of a were not compared"));
    }
}
