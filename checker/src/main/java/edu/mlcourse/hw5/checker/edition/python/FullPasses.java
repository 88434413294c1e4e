package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.sandbox.ModelRunner;
import edu.mlcourse.hw5.protocol.Codec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Which input conventions of a Python model run on every image, told from the sample every
 * convention ran on: first the one whose sample labels agree best with the student's predictions
 * (without predictions, the first that ran). One full pass is then enough, unless its labels fall
 * short of verifying Q2: then up to {@link #MORE_WHEN_DOUBTFUL} more run in full, best first, so
 * that the choice, the agreement and the other inputs the report shows are those of every image, as
 * when every convention ran in full. A convention that fails on a later image gives way to the next.
 */
final class FullPasses implements ModelRunner.Completion {
    /** The runners-up {@link ConventionChoice} shows when the chosen one disagrees with the predictions. */
    static final int MORE_WHEN_DOUBTFUL = 2;

    private final Optional<int[]> predictions;

    FullPasses(Optional<int[]> predictions) {
        this.predictions = predictions;
    }

    @Override
    public OptionalInt next(Codec.Evaluated sample, Map<Integer, Codec.Labels> completed) {
        List<Integer> remaining = new ArrayList<>(bestFirst(sample.results()));
        remaining.removeAll(completed.keySet());
        List<int[]> full = completed.values().stream().filter(Codec.Labels::ran).map(Codec.Labels::labels).toList();
        if (remaining.isEmpty()) {
            return OptionalInt.empty();
        }
        if (full.isEmpty()) {
            return OptionalInt.of(remaining.get(0));
        }
        if (predictions.isEmpty() || completed.size() > MORE_WHEN_DOUBTFUL
                || full.stream().anyMatch(labels -> agreement(labels) >= HeldOutScore.AGREEMENT_NEEDED)) {
            return OptionalInt.empty();
        }
        // A convention whose sample labels are those of one already run most likely computes the same
        // function (a model that flattens its input takes both shapes alike): it would show nothing new.
        return remaining.stream().filter(index -> completed.keySet().stream().noneMatch(done -> Arrays.equals(
                        sample.results().get(index).labels(), sample.results().get(done).labels())))
                .mapToInt(Integer::intValue).findFirst();
    }

    /** The conventions that ran on the sample, the likeliest first; on ties, the worker's order. */
    private List<Integer> bestFirst(List<Codec.ConventionResult> results) {
        List<Integer> ran = IntStream.range(0, results.size()).filter(i -> results.get(i).labels() != null).boxed()
                .toList();
        if (predictions.isEmpty()) {
            return ran;
        }
        return ran.stream().sorted(Comparator.comparingDouble((Integer i) -> agreement(results.get(i).labels()))
                .reversed()).toList();
    }

    /** Agreement with the predictions of the images labelled: the sample is the first images. */
    private double agreement(int[] labels) {
        return ConventionChoice.agreement(labels, Arrays.copyOf(predictions.orElseThrow(), labels.length));
    }
}
