package edu.mlcourse.hw5.checker.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What produced a submission's results ({@code extra_data.graded_with} in {@code results.json}): a
 * digest of each input of grading, the grader's version and when it graded. A batch regrades exactly
 * the submissions whose {@linkplain #fingerprint() fingerprint} changed, and says why
 * ({@link #changesFrom}); a TA reads from one file what graded it.
 *
 * @param fingerprint the inputs, each as a digest
 * @param versions the grader and the Java runtime that graded
 * @param gradedAt when, as ISO-8601 UTC ({@code 2026-05-01T12:00:00Z})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradedWith(Fingerprint fingerprint, Versions versions, @JsonProperty("graded_at") String gradedAt) {
    /**
     * The inputs of a grade. Each component is a lower-case SHA-256 hex digest except {@code grader},
     * the grader's version (its Maven version and a digest of its classes).
     *
     * @param submission the submission's files: their relative paths and contents
     * @param grader the grader's version, e.g. {@code 1.0.0+3f2a9c01d4e5}
     * @param rubric the rubric's scoring sections (its similarity thresholds change no score)
     * @param vectors the manifests of the vector sets graded against, with their names
     * @param heldout the manifests of the held-out set
     * @param options the options that can change a score (time limits, student heap)
     */
    public record Fingerprint(String submission, String grader, String rubric, String vectors, String heldout,
                              String options) {
        /**
         * The inputs that differ from {@code previous}, in the order of {@link Change}; empty when
         * none does.
         */
        public List<Change> changesFrom(Fingerprint previous) {
            Objects.requireNonNull(previous, "previous");
            List<Change> changes = new ArrayList<>();
            for (Change change : Change.values()) {
                if (!Objects.equals(change.of(this), change.of(previous))) {
                    changes.add(change);
                }
            }
            return changes;
        }

        /** The same inputs with another submission's files. */
        public Fingerprint withSubmission(String digest) {
            return new Fingerprint(digest, grader, rubric, vectors, heldout, options);
        }
    }

    /** An input of grading that changed, and how the instructor is told. */
    public enum Change {
        SUBMISSION("resubmitted"),
        GRADER("the grader version changed"),
        RUBRIC("the rubric changed"),
        VECTORS("the test vectors changed"),
        HELDOUT("the held-out set changed"),
        OPTIONS("the grading options changed");

        private final String reason;

        Change(String reason) {
            this.reason = reason;
        }

        /** E.g. {@code resubmitted}, {@code the rubric changed}. */
        public String reason() {
            return reason;
        }

        String of(Fingerprint fingerprint) {
            return switch (this) {
                case SUBMISSION -> fingerprint.submission();
                case GRADER -> fingerprint.grader();
                case RUBRIC -> fingerprint.rubric();
                case VECTORS -> fingerprint.vectors();
                case HELDOUT -> fingerprint.heldout();
                case OPTIONS -> fingerprint.options();
            };
        }

        /** The reasons of several changes, joined: {@code resubmitted and the rubric changed}. */
        public static String reasons(List<Change> changes) {
            List<String> reasons = changes.stream().map(Change::reason).toList();
            if (reasons.size() <= 1) {
                return String.join("", reasons);
            }
            return String.join(", ", reasons.subList(0, reasons.size() - 1)) + " and " + reasons.get(reasons.size() - 1);
        }
    }

    /**
     * @param grader the grader's version, as in {@link Fingerprint#grader()}
     * @param java the Java runtime's version
     */
    public record Versions(String grader, String java) {
    }

    /** The changes from the inputs of {@code previous}; every input, when those are unknown. */
    @JsonIgnore
    public List<Change> changesFrom(GradedWith previous) {
        if (previous == null || previous.fingerprint() == null || fingerprint == null) {
            return List.of(Change.values());
        }
        return fingerprint.changesFrom(previous.fingerprint());
    }
}
