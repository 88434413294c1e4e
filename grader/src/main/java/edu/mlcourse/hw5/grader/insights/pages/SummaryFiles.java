package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.files.AtomicFiles;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.insights.BatchInsights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The batch's own files in OUT: {@code scores.csv}, {@code changes.csv}, {@code summary.md}, {@code summary.html}, and
 * beside each submission's {@code results.json} its page, {@code results.html}.
 */
public final class SummaryFiles {
    /** Their names, which no submission id may take. */
    public static final Set<String> NAMES = Set.of(ScoreTable.FILE_NAME, ChangesTable.FILE_NAME, SummaryMarkdown.FILE_NAME,
            SummaryHtml.FILE_NAME);

    private SummaryFiles() {
    }

    /**
     * Reads every submission in the store, whichever run graded it, and writes the files (each
     * atomically); returns the summary they show.
     */
    public static BatchSummary write(ResultStore store, BatchInsights.Settings settings) throws IOException {
        ResultStore.Contents contents = store.readAll();
        BatchSummary summary = BatchSummary.of(contents);
        BatchInsights insights = BatchInsights.of(store, contents, settings);
        for (BatchInsights.SubmissionRow row : insights.submissions()) {
            Path page = store.folder().resolve(row.id()).resolve(StudentPage.FILE_NAME);
            Optional<GradescopeResults> results = row.page() ? store.results(row.id()) : Optional.empty();
            if (results.isPresent()) {
                write(page, StudentPage.render(row.id(), results.get()));
            } else {
                Files.deleteIfExists(page);
            }
        }
        write(store.folder().resolve(ScoreTable.FILE_NAME), ScoreTable.render(contents));
        write(store.folder().resolve(ChangesTable.FILE_NAME), ChangesTable.render(insights.changes()));
        write(store.folder().resolve(SummaryMarkdown.FILE_NAME), SummaryMarkdown.render(summary, insights, settings.thresholds()));
        write(store.folder().resolve(SummaryHtml.FILE_NAME), SummaryHtml.render(summary, insights, settings.thresholds()));
        return summary;
    }

    private static void write(Path file, String content) throws IOException {
        AtomicFiles.write(file, content, ResultStore.TEMPORARY_PREFIX);
    }
}
