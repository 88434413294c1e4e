package edu.mlcourse.hw5.checker.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Q2's outcome beyond its points: the held-out accuracy scored and whether the grader could verify
 * it. Q2 is verified when the grader ran the submitted model file itself and the model reproduces
 * the submitted predictions (on at least {@link #AGREEMENT_NEEDED}% of the images; or there was no
 * usable predictions file, so only the model could be scored); then the accuracy is the model's own.
 * Otherwise it rests on the predictions file alone, which anyone can write by hand: the staff are
 * told, in the report, {@code results.json}, {@code scores.csv} and the class page.
 *
 * @param accuracy the held-out accuracy scored, in percent
 * @param verified whether that accuracy is the submitted model's own, measured by the grader
 * @param why one sentence saying why it is or is not verified
 * @param flags for the course staff: signs worth a second look (never deductions)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HeldOutScore(double accuracy, boolean verified, String why, List<String> flags) {
    /** The tag of Q2's held-out accuracy test, the test this score belongs to. */
    public static final String TEST_TAG = "heldout";
    /** The agreement between the model and the predictions that verifies Q2, in percent. */
    public static final double AGREEMENT_NEEDED = 99.0;

    public HeldOutScore {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** What the staff should know, as one line: why it is unverified, then each flag; empty when neither. */
    @JsonIgnore
    public String toVerify() {
        StringBuilder text = new StringBuilder(verified ? "" : why + ".");
        flags.forEach(flag -> text.append(text.length() == 0 ? "" : " ").append("Flag: ").append(flag).append('.'));
        return text.toString();
    }
}
