package edu.mlcourse.hw5.grader.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.cli.GraderCommand;
import edu.mlcourse.hw5.grader.insights.mistakes.ClassMistakes;
import edu.mlcourse.hw5.grader.insights.pages.Html;
import edu.mlcourse.hw5.grader.insights.similarity.ReviewPair;
import edu.mlcourse.hw5.vectors.Mistake;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The "done when", on a really graded batch: exactly the planted pairs are listed, the
 * mistake table agrees with the hints in the individual results, and {@code grader report}
 * rewrites the same pages from the output folder alone.
 */
class InsightsBatchTest {
    @TempDir
    static Path dir;
    static Path out;
    static BatchInsights insights;

    static int run(StringWriter err, String... args) {
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @BeforeAll
    static void gradeThePlantedBatch() throws IOException {
        PlantedBatch.make(dir.resolve("in"));
        out = dir.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "batch", dir.resolve("in").toString(), "--out", out.toString(), "--jobs", "2"), err::toString);
        ResultStore store = new ResultStore(out);
        insights = BatchInsights.of(store, store.readAll(), InsightSettings.of(Rubric.defaults(), null));
    }

    @Test
    void exactlyThePlantedPairsAreListedWithTheirEvidence() throws IOException {
        Map<String, ReviewPair> pairs = insights.pairs().pairs().stream()
                .collect(Collectors.toMap(p -> p.first() + " " + p.second(), p -> p));
        assertEquals(new TreeSet<>(PlantedBatch.PLANTED), new TreeSet<>(pairs.keySet()));
        assertTrue(pairs.get("copy-of-predictions copy-source").reasons().stream()
                .anyMatch(ReviewPair.SimilarErrors.class::isInstance));
        ReviewPair leaky = pairs.get("leaky-one leaky-two");
        assertTrue(leaky.reasons().stream().anyMatch(r -> r instanceof ReviewPair.SameWrongOutputs o
                && o.cases().stream().allMatch(c -> c.function().equals("reluForward") && c.set().equals("hidden"))));
        for (String pair : List.of("renamed-copy renamed-original", "py-original py-renamed")) {
            List<ReviewPair.Reason> reasons = pairs.get(pair).reasons();
            assertEquals(1, reasons.size(), pair);
            ReviewPair.SameSource same = (ReviewPair.SameSource) reasons.get(0);
            assertEquals(pair.startsWith("py") ? "q1.py" : "Q1.java", same.file());
            assertTrue(same.distinctive() >= 1, pair);
        }

        String md = Files.readString(out.resolve("summary.md"));
        String html = Files.readString(out.resolve("summary.html"));
        for (String pair : PlantedBatch.PLANTED) {
            String[] ids = pair.split(" ");
            assertTrue(md.contains("### " + ids[0] + " and " + ids[1]), () -> pair + " missing from summary.md");
            assertTrue(html.contains(">" + ids[0] + "</a> and <a href=\"" + ids[1] + "/results.html\">"), pair);
        }
    }

    @Test
    void theMistakeTableCountsMatchTheHintsInTheIndividualResults() throws IOException {
        ResultStore store = new ResultStore(out);
        List<ResultStore.Graded> graded = store.readAll().graded();
        ClassMistakes mistakes = insights.mistakes();
        int named = 0;
        for (Q1Function function : Q1Function.values()) {
            for (Mistake mistake : Mistake.values()) {
                if (mistake.function() != function) {
                    continue;
                }
                // Who was told the hint, read from the feedback text the students get.
                Set<String> told = new TreeSet<>();
                for (ResultStore.Graded submission : graded) {
                    boolean hinted = submission.results().tests().stream().filter(t -> t.tags().contains(function.methodName()))
                            .anyMatch(t -> t.output().contains("Likely mistake: " + mistake.hint()));
                    if (hinted) {
                        told.add(submission.id());
                    }
                }
                List<String> counted = mistakes.functions().stream().filter(f -> f.function().equals(function.methodName()))
                        .flatMap(f -> f.rows().stream()).filter(r -> r.mistake().equals(java.util.Optional.of(mistake.id())))
                        .flatMap(r -> r.submissions().stream()).toList();
                assertEquals(told, new TreeSet<>(counted), mistake::id);
                named += told.size();
            }
        }
        assertEquals(4, named, "dW/N, softmax over columns, db averaged and the missing bias, once each");
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| **" + Mistake.DW_DIVIDED_BY_N.id() + "**: Your dW is the right answer divided by the"
                + " batch size N. | 1 | 6.3% | ind-dw-divided |"), md);
    }

    @Test
    void failuresNoNamedMistakeExplainsAreCountedByTheirFirstFailingCheck() {
        List<ClassMistakes.Row> relu = insights.mistakes().functions().stream()
                .filter(f -> f.function().equals("reluForward")).findFirst().orElseThrow().rows();
        ClassMistakes.Row leaky = relu.stream().filter(r -> r.submissions().contains("leaky-one")).findFirst().orElseThrow();
        assertEquals(List.of("leaky-one", "leaky-two"), leaky.submissions());
        assertTrue(leaky.mistake().isEmpty());
        assertTrue(leaky.what().startsWith("No named mistake; first failing check: public case "), leaky.what());
    }

    @Test
    void eachStudentPageShowsTheirFeedbackButNoHiddenCaseValues() throws IOException {
        ResultStore store = new ResultStore(out);
        for (ResultStore.Graded submission : store.readAll().graded()) {
            String page = Files.readString(out.resolve(submission.id()).resolve("results.html"));
            Set<String> visible = submission.results().tests().stream().filter(t -> !t.tags().contains("hidden"))
                    .map(GradescopeResults.Test::output).collect(Collectors.toSet());
            for (GradescopeResults.Test test : submission.results().tests()) {
                String shown = Html.escape(test.output());
                if (test.tags().contains("hidden")) {
                    // A compile error, say, is the same text on every test: only feedback of hidden cases must not show.
                    assertFalse(test.score() < test.maxScore() && !visible.contains(test.output()) && page.contains(shown),
                            () -> submission.id() + " shows hidden-case feedback of " + test.name());
                } else {
                    assertTrue(page.contains(shown), () -> submission.id() + " lacks the feedback of " + test.name());
                }
            }
        }
    }

    @Test
    void reportWritesTheSamePagesAgainFromTheOutputFolderAlone() throws IOException {
        Map<Path, String> before = pages();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path page : files.filter(p -> before.containsKey(p)).toList()) {
                Files.delete(page);
            }
        }
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "report", out.toString()), err::toString);
        assertEquals(before, pages());
    }

    private static Map<Path, String> pages() throws IOException {
        Map<Path, String> pages = new HashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".md")
                    || p.toString().endsWith(".csv")).toList()) {
                pages.put(file, Files.readString(file));
            }
        }
        return pages;
    }
}
