package edu.mlcourse.hw5.grader.insights.similarity;

import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.submission.FileLookup;
import edu.mlcourse.hw5.checker.submission.Submission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fingerprints the graded source files, {@code Q1.java} and {@code q1.py} ({@link SourceTokens}), for
 * a batch to compare. Scores
 * nothing and tells the student nothing; a file it cannot read just has no fingerprint.
 */
public final class SourceFingerprintPart implements SubmissionPart {
    /** Far above any honest Q1 file; a larger one is not worth tokenising for a comparison. */
    private static final long MAX_BYTES = 1 << 20;

    @Override
    public String name() {
        return "source fingerprints";
    }

    @Override
    public PartResult grade(Submission submission) {
        Evidence.Builder evidence = new Evidence.Builder();
        // Both editions: Q1.java and q1.py are each compared with files of their own name only.
        for (FileLookup q1 : List.of(submission.q1(), submission.pythonQ1())) {
            q1.file().ifPresent(file -> fingerprint(file).ifPresent(
                    source -> evidence.source(file.getFileName().toString(), source)));
        }
        return new PartResult(List.of(), List.of(), Optional.empty(), List.of(), evidence.build());
    }

    @Override
    public PartResult ungraded(String reason) {
        return new PartResult(List.of(), List.of(), Optional.empty(), List.of());
    }

    /** The file's fingerprint; none for a language not compared, or a file too large or unreadable. */
    public static Optional<Evidence.Source> fingerprint(Path file) {
        Optional<SourceTokens.Language> language = SourceTokens.Language.ofFile(file.getFileName().toString());
        try {
            if (language.isEmpty() || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(fingerprint(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), language.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Evidence.Source fingerprint(String source, SourceTokens.Language language) {
        SourceTokens.Normalised normalised = SourceTokens.normalise(source, language);
        return new Evidence.Source(SourceTokens.fingerprint(normalised.tokens()), normalised.tokens().size(),
                normalised.parts().stream().map(SourceTokens::fingerprint).sorted().toList());
    }
}
