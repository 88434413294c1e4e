package edu.mlcourse.hw5.grader.insights;

import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.grader.assignment.BundledAssignment;
import edu.mlcourse.hw5.grader.insights.similarity.SourceFingerprintPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The settings of the insights as the commands give them: the rubric, the held-out set, the bundled template. */
public final class InsightSettings {
    private InsightSettings() {
    }

    /**
     * @param heldout the held-out folder ({@code hidden/} holds the labels); the bundled one when null
     */
    public static BatchInsights.Settings of(Rubric rubric, Path heldout) {
        Path folder = heldout == null ? BundledAssignment.heldout() : heldout;
        return new BatchInsights.Settings(rubric.similarity(),
                () -> Optional.of(HeldOutSet.readLabels(folder.resolve(HeldOutSet.HIDDEN_FOLDER))),
                templateFingerprints(BundledAssignment.template()));
    }

    /** The fingerprints of the template's source files, which handing in unchanged is no sign of copying. */
    static Set<String> templateFingerprints(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(SourceFingerprintPart::fingerprint).flatMap(Optional::stream)
                    .map(source -> source.sha256()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled template " + folder, e);
        }
    }
}
