package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.corpus.BatchFolder;
import edu.mlcourse.hw5.grader.corpus.CorpusEntry;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.npy.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grader batch} on real submissions: its files, resuming, parallelism and exit codes. */
class BatchCommandTest {
    private static final String LINEAR_FORWARD_PUBLIC = "Q1 linearForward: public cases";

    @TempDir
    Path dir;

    private final GraderRun grader = new GraderRun();

    private static CorpusEntry corpus(String name) {
        return CorpusEntry.all(Path.of("src/test/resources/corpus")).stream().filter(e -> e.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** The reference with predictions equal to the held-out labels: 100 points. */
    private static Path perfect(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.copy(Repository.referenceQ1(), folder.resolve("Q1.java"));
        byte[] labels = HeldOutSet.readLabels(Repository.root().resolve("heldout").resolve(HeldOutSet.HIDDEN_FOLDER));
        int[] predictions = new int[labels.length];
        Arrays.setAll(predictions, i -> labels[i]);
        NpyWriter.write(folder.resolve("predictions.npy"), predictions);
        return folder;
    }

    /** The folder the issue asks for: correct, buggy, not compiling, zipped, a stray file, an empty folder. */
    private Path mixedFolder() throws IOException {
        Path folder = dir.resolve("submissions");
        perfect(folder.resolve("reference"));
        corpus("buggy-db-averaged").materialise(Repository.referenceQ1(), folder.resolve("buggy"));
        corpus("buggy-compile-error").materialise(Repository.referenceQ1(), folder.resolve("compile-error"));
        BatchFolder.zip(corpus("correct-fma").materialise(Repository.referenceQ1(), folder.resolve("zipped")));
        Files.createDirectories(folder.resolve("empty"));
        Files.writeString(folder.resolve("notes.txt"), "not a submission");
        Files.writeString(folder.resolve(".DS_Store"), "hidden");
        return folder;
    }

    /** scores.csv as rows of cells keyed by column name (no field of these tests needs quoting). */
    private static Map<String, Map<String, String>> scores(Path out) throws IOException {
        List<String> lines = Files.readString(out.resolve("scores.csv")).lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            rows.put(cells[0], row);
        }
        return rows;
    }

    private static double q1(Map<String, String> row) {
        return row.entrySet().stream().filter(e -> e.getKey().startsWith("Q1 ")).mapToDouble(e -> Double.parseDouble(e.getValue())).sum();
    }

    /** Numpy's default percentile (linear interpolation, type 7), computed by hand. */
    private static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        return below + 1 < sorted.length ? sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]) : sorted[below];
    }

    @Test
    void aMixedFolderGetsResultsPerSubmissionScoresAndSummaries() throws IOException {
        Path folder = mixedFolder();
        Path results = dir.resolve("out");

        assertEquals(0, grader.run("batch", folder.toString(), "--out", results.toString(), "--jobs", "2"), grader::err);

        for (String id : List.of("reference", "buggy", "compile-error", "zipped", "empty")) {
            assertTrue(Json.mapper().readTree(results.resolve(id).resolve("results.json").toFile()).has("tests"), id);
        }
        assertFalse(Files.exists(results.resolve("notes.txt")));
        assertTrue(grader.err().contains("notes.txt: neither a folder nor a .zip file"), grader::err);
        assertTrue(grader.err().contains("grading [####################] 100% 5/5"), grader::err);
        assertTrue(grader.out().startsWith("5 submission(s) in " + folder + ": grading 5 with 2 job(s) (5 new)."),
                grader::out);

        Map<String, Map<String, String>> rows = scores(results);
        assertEquals(List.of("submission", "status", LINEAR_FORWARD_PUBLIC),
                List.of(Files.readString(results.resolve("scores.csv")).split(",")).subList(0, 3));
        assertEquals(5, rows.size());
        assertEquals(60.0, q1(rows.get("reference")));
        assertEquals("40", rows.get("reference").get("Q2 held-out accuracy"));
        assertEquals("100", rows.get("reference").get("total"));
        assertEquals(60.0, q1(rows.get("zipped")));
        assertTrue(Double.parseDouble(rows.get("buggy").get("Q1 linearBackward: public cases")) < 3);
        assertEquals("5", rows.get("buggy").get(LINEAR_FORWARD_PUBLIC));
        assertEquals(0.0, q1(rows.get("compile-error")));
        assertEquals("0", rows.get("empty").get("total"));
        assertTrue(rows.values().stream().allMatch(r -> r.get("status").equals("graded")));

        double[] totals = rows.values().stream().mapToDouble(r -> Double.parseDouble(r.get("total"))).sorted().toArray();
        double mean = Arrays.stream(totals).sum() / totals.length;
        double variance = Arrays.stream(totals).map(t -> (t - mean) * (t - mean)).sum() / (totals.length - 1);
        String md = Files.readString(results.resolve("summary.md"));
        String html = Files.readString(results.resolve("summary.html"));
        Map<String, Double> expected = Map.of("mean", mean, "standard deviation", Math.sqrt(variance),
                "minimum", totals[0], "first quartile", percentile(totals, 0.25), "median", percentile(totals, 0.5),
                "third quartile", percentile(totals, 0.75), "maximum", totals[totals.length - 1]);
        expected.forEach((name, value) -> {
            String figure = String.format(Locale.ROOT, "%.2f", value);
            assertTrue(md.contains("| " + name + " | " + figure + " |"), () -> name + " should be " + figure + ":\n" + md);
            assertTrue(html.contains("<span>" + name + "</span><b>" + figure + "</b>"), name);
        });
        // linearForward passes for the reference, the buggy backward and the zipped correct one.
        assertTrue(md.contains("| " + LINEAR_FORWARD_PUBLIC + " | 5 | 3 / 5 | 60.0% | 3.00 |"), md);
        assertTrue(md.contains("5 submissions: 5 graded, 0 not graded."), md);
        assertTrue(html.contains("<svg") && html.contains("<script>") && !html.contains("<script src"));
        assertTrue(md.contains("No pair stands out."), md);
        assertTrue(Files.readString(results.resolve("reference/results.html")).contains("<h1>reference</h1>"));
        assertTrue(html.contains("<a href=\"compile-error/results.html\">compile-error</a>"), html);
    }

    @Test
    void aSecondRunGradesOnlyWhatChangedSaysWhyListsTheChangesAndForceGradesEverything() throws IOException {
        Path folder = dir.resolve("submissions");
        perfect(folder.resolve("alice"));
        corpus("buggy-softmax-columns").materialise(Repository.referenceQ1(), folder.resolve("bob"));
        Path results = dir.resolve("out");
        assertEquals(0, grader.run("batch", folder.toString(), "--out", results.toString()), grader::err);
        assertEquals("100", scores(results).get("alice").get("total"));

        // Mark alice's results so that a regrade would show: the summary is read from OUT.
        Path alice = results.resolve("alice/results.json");
        ObjectNode json = (ObjectNode) Json.mapper().readTree(alice.toFile());
        json.put("score", 12.5);
        Json.mapper().writeValue(alice.toFile(), json);
        assertEquals(0, grader.run("batch", folder.toString(), "--out", results.toString()), grader::err);
        assertTrue(grader.out().contains("grading 0 with"), grader::out);
        assertTrue(grader.out().contains("keeping 2 whose files, rubric, data and grader are unchanged (--force grades"
                + " them again)"), grader::out);
        assertEquals("12.5", scores(results).get("alice").get("total"));

        // Bob resubmits, fixed: only bob is graded again, the change is listed and his old results kept.
        double bobBefore = Double.parseDouble(scores(results).get("bob").get("total"));
        Files.copy(Repository.referenceQ1(), folder.resolve("bob/Q1.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, grader.run("batch", folder.toString(), "--out", results.toString()), grader::err);
        assertTrue(grader.out().contains(" (1 resubmitted); keeping 1 "), grader::out);
        assertEquals("12.5", scores(results).get("alice").get("total"));
        String changes = Files.readString(results.resolve("changes.csv"));
        assertTrue(changes.startsWith("submission,graded before,graded after,old total,new total,difference,why,tests\r\n"),
                changes);
        List<String> bobRows = changes.lines().filter(l -> l.startsWith("bob,")).toList();
        assertEquals(1, bobRows.size(), changes);
        assertTrue(bobRows.get(0).contains("," + edu.mlcourse.hw5.grader.insights.pages.ScoreTable.number(bobBefore) + ",") && bobRows.get(0).contains(",resubmitted,"),
                bobRows::toString);
        assertTrue(Files.readString(results.resolve("summary.md")).contains("## Grade changes"));
        try (Stream<Path> history = Files.list(results.resolve("bob/history"))) {
            assertEquals(1, history.count());
        }
        assertTrue(Json.mapper().readTree(results.resolve("bob/results.json").toFile())
                .at("/extra_data/graded_with/fingerprint/submission").asText().matches("[0-9a-f]{64}"));

        // The rubric changes: everyone is graded again, and the summary says why.
        Path rubric = dir.resolve("rubric.json");
        ObjectNode lighter = (ObjectNode) Json.mapper().readTree(
                edu.mlcourse.hw5.checker.scoring.Rubric.class.getResourceAsStream("default-rubric.json"));
        ((ObjectNode) lighter.get("heldout")).put("points", 30);
        Json.mapper().writeValue(rubric.toFile(), lighter);
        assertEquals(0, grader.run("batch", folder.toString(), "--out", results.toString(), "--rubric", rubric.toString(), "--jobs", "2"),
                grader::err);
        assertTrue(grader.out().contains("grading 2 with 2 job(s) (2 because the rubric changed)"), grader::out);
        assertTrue(grader.out().contains("of 90"), grader::out);
        assertEquals("90", scores(results).get("alice").get("total"));

        assertEquals(0, grader.run("batch", folder.toString(), "--out", results.toString(), "--force"), grader::err);
        assertTrue(grader.out().contains(" (2 because of --force)"), grader::out);
        assertEquals("100", scores(results).get("alice").get("total"));
    }

    @Test
    void aGraderErrorIsListedAndTheNextRunGradesItAgain() throws IOException {
        Path folder = dir.resolve("submissions");
        perfect(folder.resolve("alice"));
        Path results = dir.resolve("out");
        // As a run whose grader failed on alice leaves it.
        Files.createDirectories(results.resolve("alice"));
        Files.writeString(results.resolve("alice/grader-error.json"),
                "{\"submission\": \"alice\", \"errors\": [\"the JUnit launcher failed: boom\"]}");
        Files.createDirectories(results.resolve("gone"));
        Files.writeString(results.resolve("gone/grader-error.json"),
                "{\"submission\": \"gone\", \"errors\": [\"java.lang.OutOfMemoryError\"]}");

        assertEquals(0, grader.run("batch", folder.toString(), "--out", results.toString()), grader::err);

        assertTrue(grader.out().contains("grading 1 with"), grader::out);
        assertFalse(Files.exists(results.resolve("alice/grader-error.json")));
        Map<String, Map<String, String>> rows = scores(results);
        assertEquals("100", rows.get("alice").get("total"));
        assertEquals("not graded", rows.get("gone").get("status"));
        String md = Files.readString(results.resolve("summary.md"));
        assertTrue(md.contains("2 submissions: 1 graded, 1 not graded."), md);
        assertTrue(md.contains("| gone | the grader failed: java.lang.OutOfMemoryError |"), md);
    }

    @Test
    void parallelGradingGivesTheScoresSequentialGradingGives() throws IOException {
        Path folder = dir.resolve("submissions");
        BatchFolder.make(Repository.root(), folder, 6);
        assertEquals(0, grader.run("batch", folder.toString(), "--out", dir.resolve("one").toString(), "--jobs", "1"), grader::err);
        assertEquals(0, grader.run("batch", folder.toString(), "--out", dir.resolve("three").toString(), "--jobs", "3"), grader::err);

        String sequential = Files.readString(dir.resolve("one/scores.csv"));
        assertEquals(7, sequential.lines().count());
        assertEquals(sequential, Files.readString(dir.resolve("three/scores.csv")));
        assertEquals(Files.readString(dir.resolve("one/summary.md")), Files.readString(dir.resolve("three/summary.md")));
    }

    @Test
    void aRunKilledMidwayLeavesOnlyWholeResultsAndTheNextRunFinishesTheBatch() throws Exception {
        Path folder = dir.resolve("submissions");
        int count = 6;
        BatchFolder.make(Repository.root(), folder, count);
        Path results = dir.resolve("out");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GraderCommand.class.getName(),
                "batch", folder.toString(), "--out", results.toString(), "--jobs", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (resultFiles(results).isEmpty() && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> studentJvms = killed.descendants().toList();
        killed.destroyForcibly().waitFor();
        studentJvms.forEach(ProcessHandle::destroyForcibly);

        List<Path> written = resultFiles(results);
        assertFalse(written.isEmpty(), () -> "nothing was graded before the kill: " + readQuietly(dir.resolve("killed.log")));
        assertTrue(written.size() < count, "the run should have been killed midway");
        for (Path file : written) {
            assertTrue(Json.mapper().readTree(file.toFile()).get("tests").isArray(), file::toString);
        }

        assertEquals(0, grader.run("batch", folder.toString(), "--out", results.toString()), grader::err);
        assertTrue(grader.out().contains("grading " + (count - written.size()) + " with"), grader::out);
        assertEquals(count, resultFiles(results).size());
        assertEquals(count, scores(results).values().stream().filter(r -> r.get("status").equals("graded")).count());
        try (Stream<Path> all = Files.walk(results)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    private static List<Path> resultFiles(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(results)) {
            return new ArrayList<>(all.filter(p -> p.getFileName().toString().equals("results.json")).toList());
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void badArgumentsExitWith2() throws IOException {
        Path results = dir.resolve("out");
        assertEquals(2, grader.run("batch", dir.resolve("nowhere").toString(), "--out", results.toString()));
        assertTrue(grader.err().contains("DIR " + dir.resolve("nowhere") + " does not exist."), grader::err);
        assertEquals(2, grader.run("batch", dir.toString(), "--out", results.toString(), "--jobs", "0"));
        assertTrue(grader.err().contains("--jobs must be at least 1, got 0."), grader::err);
        assertEquals(2, grader.run("batch", dir.toString()));
        assertTrue(grader.err().contains("Missing required option: '--out=OUT'"), grader::err);
        Files.writeString(dir.resolve("file"), "");
        assertEquals(2, grader.run("batch", dir.toString(), "--out", dir.resolve("file").toString()));
        assertEquals(2, grader.run("batch", dir.toString(), "--out", dir.toString()));
    }

    @Test
    void badGraderDataExitsWith3AndOneLine() throws IOException {
        Path folder = dir.resolve("submissions");
        perfect(folder.resolve("alice"));
        Path vectors = Repository.copyOfVectors(dir.resolve("vectors"));
        Path target = vectors.resolve("public/linearForward.json");
        Files.writeString(target, Files.readString(target).replaceFirst("\\[ \\[ ", "[ [ 9"));

        assertEquals(3, grader.run("batch", folder.toString(), "--out", dir.resolve("out").toString(), "--vectors", vectors.toString()));

        List<String> errors = grader.err().lines().filter(l -> l.startsWith("grader:")).toList();
        assertEquals(1, errors.size(), grader::err);
        assertTrue(errors.get(0).startsWith("grader: Checksum mismatch for " + target), errors::toString);
        assertFalse(Files.exists(dir.resolve("out/alice/grader-error.json")), "bad grader data is not alice's fault");
    }
}
