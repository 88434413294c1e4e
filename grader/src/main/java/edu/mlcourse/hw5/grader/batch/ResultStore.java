package edu.mlcourse.hw5.grader.batch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.GradedWith;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.files.AtomicFiles;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.vectors.Sha256;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The batch's output folder: {@code OUT/<id>/results.json} for each graded submission, or
 * {@code OUT/<id>/grader-error.json} when the grader itself failed on it; never both for long.
 *
 * <p>A submission is <em>done</em> when its {@code results.json} exists and parses as Gradescope
 * results with a list of tests, and does not record a grader failure. Both files are written atomically, so an interrupted run leaves a
 * submission either done or not, and a grader error is retried by the next run. A graded
 * submission may also have {@code evidence.json}, what the batch compares between submissions.
 *
 * <p>Results are never lost. Before new results replace old ones, the old file is copied, as it
 * was, to {@code OUT/<id>/history/} (numbered in the order they were replaced, so the names sort by age), so an
 * interrupted regrade leaves the old results in place or the new ones, and the history says what
 * each grade was. A grader failure never replaces results that hold a score: its
 * {@code grader-error.json} is written beside them, and the submission keeps its last grade.
 */
public final class ResultStore {
    public static final String RESULTS_FILE = "results.json";
    public static final String ERROR_FILE = "grader-error.json";
    /** What a batch compares between submissions (see {@link Evidence}); for the course staff only. */
    public static final String EVIDENCE_FILE = "evidence.json";
    /** How the batch's temporary files start; a killed run may leave some, which the next run removes. */
    public static final String TEMPORARY_PREFIX = ".batch-";
    /** Where a submission's earlier results are kept, oldest first by name. */
    public static final String HISTORY_FOLDER = "history";
    private static final String UNDATED = "00000000T000000Z";

    /** Tolerant of fields a later grader may add: "parseable" means the scores can be read. */
    private static final ObjectReader RESULTS_READER = Json.mapper().readerFor(GradescopeResults.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader EVIDENCE_READER = Json.mapper().readerFor(Evidence.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * A submission whose results were read.
     *
     * @param regradeFailure set when the grader failed on a later regrade: these results are the
     *     last good ones, kept, and the failure says why they were not replaced
     */
    public record Graded(String id, GradescopeResults results, Optional<String> regradeFailure) {
        public Graded(String id, GradescopeResults results) {
            this(id, results, Optional.empty());
        }

        /** The typed facts of these results, which the class page and the export read. */
        public SubmissionRecord record() {
            return SubmissionRecord.of(id, results);
        }
    }

    /** Results a submission had before it was graded again, and the file that keeps them. */
    public record Earlier(Path file, GradescopeResults results) {
    }

    /**
     * A submission in the folder without usable results, and why.
     *
     * @param graderFailed whether the grader failed on it; otherwise its results are unusable (damaged)
     */
    public record Ungraded(String id, String reason, boolean graderFailed) {
    }

    /** Everything in the output folder, each list sorted by id. */
    public record Contents(List<Graded> graded, List<Ungraded> ungraded) {
        public Contents {
            graded = List.copyOf(graded);
            ungraded = List.copyOf(ungraded);
        }

        public int size() {
            return graded.size() + ungraded.size();
        }
    }

    private final Path out;

    public ResultStore(Path out) {
        this.out = out;
    }

    public Path folder() {
        return out;
    }

    public Path resultsFile(String id) {
        return out.resolve(id).resolve(RESULTS_FILE);
    }

    public Path errorFile(String id) {
        return out.resolve(id).resolve(ERROR_FILE);
    }

    public Path evidenceFile(String id) {
        return out.resolve(id).resolve(EVIDENCE_FILE);
    }

    public boolean isDone(String id) {
        return read(resultsFile(id)).isPresent();
    }

    /** Records a graded submission that has no evidence to compare. */
    public void saveResults(String id, GradescopeResults results) throws IOException {
        saveResults(id, results, Evidence.NONE);
    }

    /**
     * Records a graded submission; a grader error left by an earlier run is then obsolete. The
     * evidence is written first, so a submission that is done always has its current evidence.
     */
    public void saveResults(String id, GradescopeResults results, Evidence evidence) throws IOException {
        removeTemporaries(id);
        keepInHistory(id);
        if (evidence.isEmpty()) {
            Files.deleteIfExists(evidenceFile(id));
        } else {
            AtomicFiles.write(evidenceFile(id), Json.mapper().writeValueAsBytes(evidence), TEMPORARY_PREFIX);
        }
        results.write(resultsFile(id));
        Files.deleteIfExists(errorFile(id));
    }

    /** A submission's results as saved, whether they hold a score or record a grader failure. */
    public Optional<GradescopeResults> results(String id) {
        return parse(resultsFile(id));
    }

    /** The evidence saved with a submission's results; none if there is none or it cannot be read. */
    public Optional<Evidence> evidence(String id) {
        Path file = evidenceFile(id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EVIDENCE_READER.readValue(file.toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Records that the grader failed on a submission. Results that hold a score stay, with their
     * evidence: a grader failure is never a grade, so the last good one stands (and the next run
     * tries again). Anything else there (damaged results, or a failure's) goes.
     */
    public void saveError(String id, GraderError error) throws IOException {
        removeTemporaries(id);
        AtomicFiles.write(errorFile(id), Json.prettyFileBytes(error), TEMPORARY_PREFIX);
        if (!isDone(id)) {
            Files.deleteIfExists(resultsFile(id));
            Files.deleteIfExists(evidenceFile(id));
        }
    }

    /** The submission's earlier results, oldest first; unreadable ones are left out. */
    public List<Earlier> history(String id) throws IOException {
        Path folder = out.resolve(id).resolve(HISTORY_FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Earlier> earlier = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")
                    && f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                parse(file).ifPresent(results -> earlier.add(new Earlier(file, results)));
            }
        }
        return earlier;
    }

    /**
     * Copies the results in place, if they hold a score, to the history, before they are replaced.
     * The copy is numbered in the order results were replaced (two grades within one second of
     * each other keep their order), then named by when they were graded and their digest; copying
     * the same results twice (a run killed between the copy and the new results) leaves one file.
     */
    private void keepInHistory(String id) throws IOException {
        Optional<GradescopeResults> current = read(resultsFile(id));
        if (current.isEmpty()) {
            return;
        }
        byte[] bytes = Files.readAllBytes(resultsFile(id));
        String gradedAt = current.get().gradedWith().map(GradedWith::gradedAt).filter(t -> t != null && !t.isEmpty())
                .map(t -> t.replace("-", "").replace(":", "")).orElse(UNDATED);
        String digest = Sha256.of(bytes).substring(0, 12);
        Path folder = out.resolve(id).resolve(HISTORY_FOLDER);
        List<String> kept = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".") && n.endsWith(".json"))
                        .forEach(kept::add);
            }
        }
        if (kept.stream().noneMatch(n -> n.endsWith("-" + digest + ".json"))) {
            AtomicFiles.write(folder.resolve(String.format(java.util.Locale.ROOT, "%04d-%s-%s.json", kept.size() + 1,
                    gradedAt, digest)), bytes, TEMPORARY_PREFIX);
        }
    }

    /** Every submission with a folder in OUT, whichever run graded it. */
    public Contents readAll() throws IOException {
        List<Graded> graded = new ArrayList<>();
        List<Ungraded> ungraded = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return new Contents(graded, ungraded);
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(out)) {
            folders = entries.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            Optional<GradescopeResults> results = parse(resultsFile(id));
            if (results.isPresent() && results.get().graderFailed()) {
                ungraded.add(new Ungraded(id, "the grader failed: " + String.join("; ",
                        results.get().extraData().graderErrors()), true));
            } else if (results.isPresent()) {
                graded.add(new Graded(id, results.get(), Files.exists(errorFile(id))
                        ? Optional.of(errorReason(errorFile(id))) : Optional.empty()));
            } else if (Files.exists(resultsFile(id))) {
                ungraded.add(new Ungraded(id, RESULTS_FILE + " is damaged; the next run grades it again.", false));
            } else if (Files.exists(errorFile(id))) {
                ungraded.add(new Ungraded(id, errorReason(errorFile(id)), true));
            }
        }
        return new Contents(graded, ungraded);
    }

    /** The results in {@code file} if they hold a score: parseable, and not a grader failure. */
    static Optional<GradescopeResults> read(Path file) {
        return parse(file).filter(results -> !results.graderFailed());
    }

    private static Optional<GradescopeResults> parse(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            GradescopeResults results = RESULTS_READER.readValue(file.toFile());
            return results.tests() == null ? Optional.empty() : Optional.of(results);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String errorReason(Path file) {
        try {
            GraderError error = Json.mapper().readValue(file.toFile(), GraderError.class);
            return "the grader failed: " + String.join("; ", error.errors());
        } catch (IOException e) {
            return "the grader failed (" + ERROR_FILE + " is unreadable: " + Json.describe(e) + ")";
        }
    }

    /** Temporary files of a run killed while writing this submission's files. */
    private void removeTemporaries(String id) throws IOException {
        Path folder = out.resolve(id);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(GradescopeResults.TEMPORARY_PREFIX) || name.startsWith(TEMPORARY_PREFIX);
        })) {
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
        }
    }
}
