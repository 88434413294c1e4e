package edu.mlcourse.hw5.grader.insights.similarity;

import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds the pairs of hand-ins to look at twice, from each submission's {@link Evidence}: identical
 * unexplained wrong outputs on hidden cases, held-out errors that agree far beyond chance, the same
 * model, the same normalised source. Thresholds come from the rubric ({@link Rubric.Similarity}).
 */
public final class PairFinder {
    /** The vector set whose wrong outputs are compared: students never saw its expected values. */
    static final String HIDDEN_SET = "hidden";

    /**
     * @param pairs the pairs, by first id then second
     * @param notes what could not be compared, and why
     */
    public record Result(List<ReviewPair> pairs, List<String> notes) {
        public Result {
            pairs = List.copyOf(pairs);
            notes = List.copyOf(notes);
        }
    }

    private final Rubric.Similarity thresholds;
    private final Set<String> ignoredSources;
    private final Map<Key, List<ReviewPair.Reason>> found = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    private record Key(String first, String second) implements Comparable<Key> {
        static Key of(String a, String b) {
            return a.compareTo(b) < 0 ? new Key(a, b) : new Key(b, a);
        }

        @Override
        public int compareTo(Key other) {
            return Comparator.comparing(Key::first).thenComparing(Key::second).compare(this, other);
        }
    }

    private PairFinder(Rubric.Similarity thresholds, Set<String> ignoredSources) {
        this.thresholds = thresholds;
        this.ignoredSources = ignoredSources;
    }

    /**
     * @param evidence each graded submission's evidence, by id
     * @param labels the held-out labels, to compare predictions; empty if they are not available
     * @param ignoredSources fingerprints never compared (the template handed out, which many hand in unchanged)
     */
    public static Result find(Map<String, Evidence> evidence, Optional<byte[]> labels, Rubric.Similarity thresholds,
                              Set<String> ignoredSources) {
        PairFinder finder = new PairFinder(thresholds, ignoredSources);
        Map<String, Evidence> sorted = new TreeMap<>(evidence);
        finder.sameWrongOutputs(sorted);
        finder.similarErrors(sorted, labels);
        finder.sameModels(sorted);
        finder.sameSources(sorted);
        List<ReviewPair> pairs = new ArrayList<>();
        finder.found.forEach((key, reasons) -> pairs.add(new ReviewPair(key.first(), key.second(), reasons)));
        return new Result(pairs, finder.notes);
    }

    private void add(String a, String b, ReviewPair.Reason reason) {
        found.computeIfAbsent(Key.of(a, b), k -> new ArrayList<>()).add(reason);
    }

    private void sameWrongOutputs(Map<String, Evidence> evidence) {
        // (case, digest) -> the submissions that returned that wrong output
        Map<String, List<String>> byOutput = new TreeMap<>();
        evidence.forEach((id, e) -> e.wrongOutputs().forEach((checkCase, digest) -> {
            if (checkCase.split("/", 3)[1].equals(HIDDEN_SET)) {
                byOutput.computeIfAbsent(checkCase + "\n" + digest, k -> new ArrayList<>()).add(id);
            }
        }));
        Map<Key, List<ReviewPair.SharedOutput>> shared = new TreeMap<>();
        byOutput.forEach((output, ids) -> {
            if (ids.size() < 2 || ids.size() > thresholds.sameWrongOutputs().maxSharedBy()) {
                return;
            }
            String[] parts = output.substring(0, output.indexOf('\n')).split("/", 3);
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    shared.computeIfAbsent(Key.of(ids.get(i), ids.get(j)), k -> new ArrayList<>())
                            .add(new ReviewPair.SharedOutput(parts[0], parts[1], parts[2], ids.size()));
                }
            }
        });
        shared.forEach((key, cases) -> {
            if (cases.size() >= thresholds.sameWrongOutputs().minCases()) {
                add(key.first(), key.second(), new ReviewPair.SameWrongOutputs(cases));
            }
        });
    }

    private void similarErrors(Map<String, Evidence> evidence, Optional<byte[]> labels) {
        Map<String, PredictionAgreement.Profile> profiles = new LinkedHashMap<>();
        List<String> unusable = new ArrayList<>();
        evidence.forEach((id, e) -> {
            if (e.predictions() != null && labels.isPresent()) {
                if (e.predictions().length == labels.get().length) {
                    profiles.put(id, new PredictionAgreement.Profile(labels.get(), e.predictions()));
                } else {
                    unusable.add(id);
                }
            }
        });
        if (labels.isEmpty() && evidence.values().stream().anyMatch(e -> e.predictions() != null)) {
            notes.add("Held-out predictions were not compared: the held-out labels are not available.");
        }
        if (!unusable.isEmpty()) {
            notes.add("Held-out predictions of " + String.join(", ", unusable) + " were not compared: they do not"
                    + " have one prediction per held-out label (graded with another held-out set?).");
        }
        Rubric.Similarity.PredictionErrors limits = thresholds.predictions();
        List<String> ids = new ArrayList<>(profiles.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                PredictionAgreement.Profile a = profiles.get(ids.get(i));
                PredictionAgreement.Profile b = profiles.get(ids.get(j));
                PredictionAgreement agreement = PredictionAgreement.of(labels.orElseThrow(), a, b);
                if (agreement.sameWrong() >= limits.minSameWrong() && agreement.shareOfErrors() >= limits.minShareOfErrors()
                        && agreement.ratio() >= limits.minRatio()) {
                    add(ids.get(i), ids.get(j), new ReviewPair.SimilarErrors(agreement, a.accuracy(), b.accuracy()));
                }
            }
        }
    }

    private void sameModels(Map<String, Evidence> evidence) {
        Map<Key, ReviewPair.SameModel> models = new TreeMap<>();
        groups(evidence, Evidence::modelFile).forEach((digest, ids) -> pairsOf(ids, key -> models.put(key,
                new ReviewPair.SameModel(true, true))));
        groups(evidence, Evidence::modelWeights).forEach((digest, ids) -> pairsOf(ids, key -> models.putIfAbsent(key,
                new ReviewPair.SameModel(false, true))));
        models.forEach((key, reason) -> add(key.first(), key.second(), reason));
    }

    private void sameSources(Map<String, Evidence> evidence) {
        // By file name: Q1.java is compared with Q1.java, q1.py with q1.py.
        Map<String, Map<String, Evidence.Source>> byFile = new TreeMap<>();
        evidence.forEach((id, e) -> e.sources().forEach((file, source) ->
                byFile.computeIfAbsent(file, f -> new TreeMap<>()).put(id, source)));
        byFile.forEach((file, sources) -> {
            Map<String, Integer> partOwners = new TreeMap<>();
            sources.values().forEach(source -> source.parts().stream().distinct()
                    .forEach(part -> partOwners.merge(part, 1, Integer::sum)));
            Map<String, List<String>> identical = new TreeMap<>();
            sources.forEach((id, source) -> {
                if (source.tokens() >= thresholds.sources().minTokens() && !ignoredSources.contains(source.sha256())) {
                    identical.computeIfAbsent(source.sha256(), k -> new ArrayList<>()).add(id);
                }
            });
            identical.forEach((digest, ids) -> {
                Evidence.Source source = sources.get(ids.get(0));
                List<String> parts = source.parts().stream().distinct().toList();
                long distinctive = parts.stream()
                        .filter(part -> partOwners.get(part) <= thresholds.sources().maxSharedBy()).count();
                if (distinctive > 0) {
                    pairsOf(ids, key -> add(key.first(), key.second(), new ReviewPair.SameSource(file, source.tokens(),
                            parts.size(), (int) distinctive)));
                }
            });
        });
    }

    private static Map<String, List<String>> groups(Map<String, Evidence> evidence, Function<Evidence, String> digest) {
        Map<String, List<String>> groups = new TreeMap<>();
        evidence.forEach((id, e) -> {
            String value = digest.apply(e);
            if (value != null) {
                groups.computeIfAbsent(value, k -> new ArrayList<>()).add(id);
            }
        });
        return groups;
    }

    private static void pairsOf(List<String> ids, java.util.function.Consumer<Key> action) {
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                action.accept(Key.of(ids.get(i), ids.get(j)));
            }
        }
    }
}
