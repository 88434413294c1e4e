package edu.mlcourse.hw5.grader.batch;

import edu.mlcourse.hw5.files.AtomicFiles;
import java.io.IOException;
import java.util.Set;

/** The batch's own files in OUT: {@code scores.csv}, {@code summary.md}, {@code summary.html}. */
public final class SummaryFiles {
    /** Their names, which no submission id may take. */
    public static final Set<String> NAMES = Set.of(ScoreTable.FILE_NAME, SummaryMarkdown.FILE_NAME, SummaryHtml.FILE_NAME);

    private SummaryFiles() {
    }

    /**
     * Reads every submission in the store, whichever run graded it, and writes the three files
     * (each atomically); returns the summary they show.
     */
    public static BatchSummary write(ResultStore store) throws IOException {
        ResultStore.Contents contents = store.readAll();
        BatchSummary summary = BatchSummary.of(contents);
        AtomicFiles.write(store.folder().resolve(ScoreTable.FILE_NAME), ScoreTable.render(contents),
                ResultStore.TEMPORARY_PREFIX);
        AtomicFiles.write(store.folder().resolve(SummaryMarkdown.FILE_NAME), SummaryMarkdown.render(summary),
                ResultStore.TEMPORARY_PREFIX);
        AtomicFiles.write(store.folder().resolve(SummaryHtml.FILE_NAME), SummaryHtml.render(summary),
                ResultStore.TEMPORARY_PREFIX);
        return summary;
    }
}
