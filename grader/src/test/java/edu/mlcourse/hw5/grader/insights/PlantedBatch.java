package edu.mlcourse.hw5.grader.insights;

import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.corpus.BatchFolder;
import edu.mlcourse.hw5.grader.corpus.CorpusEntry;
import edu.mlcourse.hw5.npy.NpyWriter;
import edu.mlcourse.hw5.predictions.Predictions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch of independent submissions with three planted pairs, as the issue asks: two sharing wrong
 * held-out predictions, two sharing wrong Q1 outputs (the same unusual bug, written differently),
 * two with the same code renamed and reformatted.
 *
 * <p>Independent means: a Q1.java of its own (each a different corpus entry) and predictions of
 * their own, from small networks trained independently (bench/similarity/train.py wrote
 * {@code src/test/resources/independent-predictions}) or, when those run out, labels with errors
 * drawn at random.
 */
public final class PlantedBatch {
    /** The planted pairs, each as "first second" by id order. */
    public static final Set<String> PLANTED = Set.of("copy-of-predictions copy-source", "leaky-one leaky-two",
            "renamed-copy renamed-original", "py-original py-renamed");
    /** How many submissions {@link #make} writes. */
    public static final int SIZE = 16;

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Path MODELS = Path.of("src/test/resources/independent-predictions");

    private PlantedBatch() {
    }

    /** Writes the submissions into {@code folder}. */
    public static void make(Path folder) throws IOException {
        byte[] labels = HeldOutSet.readLabels(Repository.root().resolve("heldout").resolve(HeldOutSet.HIDDEN_FOLDER));
        SplittableRandom random = new SplittableRandom(16);
        Map<String, String> independent = Map.of("ind-fma", "correct-fma", "ind-log-sum-exp", "correct-log-sum-exp", "ind-explicit-jacobian", "correct-explicit-jacobian",
                "ind-relu-subgradient", "correct-relu-subgradient-one", "ind-dw-divided", "buggy-dw-divided-by-n",
                "ind-softmax-columns", "buggy-softmax-columns", "ind-unweighted-sum", "buggy-softmax-backward-unweighted-sum");
        int model = 0;
        for (String id : independent.keySet().stream().sorted().toList()) {
            Path submission = corpus(independent.get(id)).materialise(Repository.referenceQ1(), folder.resolve(id));
            if (model == 2) {
                model++; // model-02 is the one copied below
            }
            Files.copy(MODELS.resolve(String.format("model-%02d.npy", model++)), submission.resolve("predictions.npy"));
        }
        corpus("buggy-compile-error").materialise(Repository.referenceQ1(), folder.resolve("ind-compile-error"));

        // Shared wrong predictions: a copy of model-02's predictions with a quarter of its errors fixed.
        Path source = corpus("buggy-db-averaged").materialise(Repository.referenceQ1(), folder.resolve("copy-source"));
        Files.copy(MODELS.resolve("model-02.npy"), source.resolve("predictions.npy"));
        int[] copied = Predictions.read(MODELS.resolve("model-02.npy"), labels.length);
        for (int i = 0; i < copied.length; i++) {
            if (copied[i] != labels[i] && random.nextInt(4) == 0) {
                copied[i] = labels[i];
            }
        }
        Path copy = corpus("buggy-missing-bias").materialise(Repository.referenceQ1(), folder.resolve("copy-of-predictions"));
        NpyWriter.write(copy.resolve("predictions.npy"), copied);

        // Shared wrong outputs: a leaky ReLU, in two ways that compute the very same numbers.
        withReluForward(folder.resolve("leaky-one"), """
                public static double[][] reluForward(double[][] x) {
                    double[][] out = new double[x.length][];
                    for (int i = 0; i < x.length; i++) {
                        out[i] = new double[x[i].length];
                        for (int j = 0; j < x[i].length; j++) {
                            out[i][j] = x[i][j] > 0 ? x[i][j] : 0.01 * x[i][j];
                        }
                    }
                    return out;
                }""");
        withReluForward(folder.resolve("leaky-two"), """
                public static double[][] reluForward(double[][] input) {
                    double[][] result = new double[input.length][];
                    int row = 0;
                    for (double[] values : input) {
                        double[] activated = new double[values.length];
                        for (int k = 0; k < values.length; k++) {
                            activated[k] = Math.max(values[k], 0.01 * values[k]);
                        }
                        result[row++] = activated;
                    }
                    return result;
                }""");
        NpyWriter.write(folder.resolve("leaky-one/predictions.npy"), BatchFolder.predictions(labels, 84, random));
        NpyWriter.write(folder.resolve("leaky-two/predictions.npy"), BatchFolder.predictions(labels, 87, random));

        // The same code, renamed and reformatted: a Q1 with a method of its own (streams), which no
        // other submission has, as the code of two students who did not copy always differs somewhere.
        Path original = corpus("correct-streams").materialise(Repository.referenceQ1(), folder.resolve("renamed-original"));
        Files.createDirectories(folder.resolve("renamed-copy"));
        Files.writeString(folder.resolve("renamed-copy/Q1.java"), disguise(Files.readString(original.resolve("Q1.java"))));
        NpyWriter.write(folder.resolve("renamed-original/predictions.npy"), BatchFolder.predictions(labels, 90, random));
        NpyWriter.write(folder.resolve("renamed-copy/predictions.npy"), BatchFolder.predictions(labels, 86, random));

        // The Python edition: the same q1.py, renamed and recommented.
        String python = Files.readString(Repository.root().resolve("reference-solution/src/main/python/q1.py"));
        Files.createDirectories(folder.resolve("py-original"));
        Files.createDirectories(folder.resolve("py-renamed"));
        Files.writeString(folder.resolve("py-original/q1.py"), python);
        Files.writeString(folder.resolve("py-renamed/q1.py"), disguisePython(python));
    }

    /** The Python student's disguise: no docstrings, new comments, other local and parameter names. */
    static String disguisePython(String source) {
        String renamed = source.replaceAll("(?s)\"\"\".*?\"\"\"", "# written by me");
        for (String[] name : new String[][] {{"shifted", "centred"}, {"dout", "upstream"}, {"e", "ex"}, {"s", "probs"}}) {
            renamed = renamed.replaceAll("\\b" + name[0] + "\\b", name[1]);
        }
        return renamed.replace("    ", "  ");
    }

    private static void withReluForward(Path submission, String method) throws IOException {
        CorpusEntry entry = new CorpusEntry(submission.getFileName().toString(), "", Set.of("reluForward"), List.of(),
                List.of(), Set.of(), method, List.of());
        entry.materialise(Repository.referenceQ1(), submission);
    }

    /** What a student hiding a copy does: new names, no comments, other comments, other layout. */
    static String disguise(String source) {
        Map<String, String> names = Map.of("productPlusRow", "timesPlus", "softmaxRow", "rowSoftmax", "transpose",
                "flipped", "requireShape", "checkShape", "requireColumns", "checkColumns", "dX", "gradX", "dW", "gradW",
                "db", "gradB", "out", "res");
        String renamed = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "// my own work");
        for (Map.Entry<String, String> name : names.entrySet()) {
            renamed = renamed.replaceAll("\\b" + Pattern.quote(name.getKey()) + "\\b", Matcher.quoteReplacement(name.getValue()));
        }
        return renamed.replace("    ", "\t").replace(") {", ")\n{").replaceAll("\n\\s*\n", "\n");
    }

    private static CorpusEntry corpus(String name) {
        return CorpusEntry.all(CORPUS).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
