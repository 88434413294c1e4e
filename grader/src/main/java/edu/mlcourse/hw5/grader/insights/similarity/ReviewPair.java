package edu.mlcourse.hw5.grader.insights.similarity;

import java.util.List;

/**
 * Two hand-ins worth a second look, and why: evidence for a person to weigh, never a penalty.
 *
 * @param first the smaller id
 * @param second the larger id
 * @param reasons what the two have in common, one entry per kind of evidence
 */
public record ReviewPair(String first, String second, List<Reason> reasons) {
    public ReviewPair {
        reasons = List.copyOf(reasons);
    }

    /** One kind of evidence. */
    public sealed interface Reason {
    }

    /**
     * The very same wrong output, bit for bit, on hidden cases both failed, where no hint explains
     * the output and few others returned it.
     *
     * @param cases the cases, each with how many submissions returned that output
     */
    public record SameWrongOutputs(List<SharedOutput> cases) implements Reason {
        public SameWrongOutputs {
            cases = List.copyOf(cases);
        }
    }

    /** A case both failed the same way: {@code function}, vector set and case name. */
    public record SharedOutput(String function, String set, String caseName, int sharedBy) {
    }

    /**
     * Held-out errors that agree far more than independent errors would.
     *
     * @param accuracyFirst the first one's accuracy in percent
     * @param accuracySecond the second one's
     */
    public record SimilarErrors(PredictionAgreement agreement, double accuracyFirst, double accuracySecond)
            implements Reason {
    }

    /** The same {@code my_model.json}, byte for byte, or at least the same weights. */
    public record SameModel(boolean sameFile, boolean sameWeights) implements Reason {
    }

    /**
     * The same source file after removing comments and whitespace and renaming identifiers.
     *
     * @param parts its top-level parts (methods, functions)
     * @param distinctive of those, how many few other submissions wrote (the rubric's maxSharedBy)
     */
    public record SameSource(String file, int tokens, int parts, int distinctive) implements Reason {
    }
}
