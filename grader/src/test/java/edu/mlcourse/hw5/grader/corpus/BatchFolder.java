package edu.mlcourse.hw5.grader.corpus;

import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.npy.NpyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder of realistic submissions for batch tests and the throughput benchmark
 * (bench/batch/run.sh): half with a correct Q1 (the reference or a correct corpus variant), half
 * with one of the corpus's bugs; flat folders and Maven layouts; every fifth one zipped; most with
 * a predictions.npy between 75% and 95% accurate. Deterministic: the same count gives the same folder.
 *
 * <p>{@code java -cp grader/target/test-classes:grader/target/grader.jar
 * edu.mlcourse.hw5.grader.corpus.BatchFolder OUT COUNT [REPOSITORY]}
 */
public final class BatchFolder {
    private static final long SEED = 2026_11_27L;

    private BatchFolder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BatchFolder OUT COUNT [REPOSITORY]");
        }
        Path repository = Path.of(args.length > 2 ? args[2] : ".").toAbsolutePath().normalize();
        List<Path> made = make(repository, Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("Made " + made.size() + " submissions in " + args[0]);
    }

    /** Writes {@code count} submissions named {@code student-001}... into {@code folder}; returns them. */
    public static List<Path> make(Path repository, Path folder, int count) throws IOException {
        List<CorpusEntry> corpus = CorpusEntry.all(repository.resolve("grader/src/test/resources/corpus"));
        List<CorpusEntry> correct = new ArrayList<>(List.of(reference()));
        correct.addAll(corpus.stream().filter(e -> e.breaks().isEmpty()).toList());
        List<CorpusEntry> buggy = corpus.stream().filter(e -> !e.breaks().isEmpty()).toList();
        Path referenceQ1 = repository.resolve("reference-solution/src/main/java/hw5/Q1.java");
        byte[] labels = HeldOutSet.readLabels(repository.resolve("heldout").resolve(HeldOutSet.HIDDEN_FOLDER));
        SplittableRandom random = new SplittableRandom(SEED);
        Files.createDirectories(folder);
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("student-%03d", i + 1);
            CorpusEntry entry = i % 2 == 0 ? correct.get(i / 2 % correct.size()) : buggy.get(i / 2 % buggy.size());
            Path submission = folder.resolve(id);
            Path sources = i % 3 == 0 ? submission.resolve("src/main/java/hw5") : submission;
            entry.materialise(referenceQ1, sources);
            if (random.nextInt(10) < 8) {
                NpyWriter.write(submission.resolve("predictions.npy"), predictions(labels, 75 + random.nextInt(21), random));
            }
            made.add(i % 5 == 4 ? zip(submission) : submission);
        }
        return made;
    }

    /** The reference itself, as a corpus entry that changes nothing. */
    static CorpusEntry reference() {
        return new CorpusEntry("reference", "The reference Q1, unchanged.", Set.of(), List.of(), List.of(), Set.of(), "",
                List.of());
    }

    /** The true labels with {@code 100 - percent}% of them changed: about {@code percent}% accurate. */
    public static int[] predictions(byte[] labels, int percent, SplittableRandom random) {
        int[] predicted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            predicted[i] = random.nextInt(100) < percent ? labels[i] : (labels[i] + 1 + random.nextInt(9)) % 10;
        }
        return predicted;
    }

    /** Zips a submission folder into {@code <folder>.zip}, as students upload it, and removes the folder. */
    public static Path zip(Path submission) throws IOException {
        Path zip = submission.resolveSibling(submission.getFileName() + ".zip");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(submission)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream bytes = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                out.putNextEntry(new ZipEntry(submission.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        try (Stream<Path> walk = Files.walk(submission)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return zip;
    }
}
