package edu.mlcourse.hw5.checker.edition.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.mlcourse.hw5.protocol.Codec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FullPassesTest {
    private static final int N = 1000;
    private static final int SAMPLE = 100;
    private static final int[] PREDICTIONS = IntStream.range(0, N).map(i -> i % 10).toArray();

    /** The predictions with the first {@code changed} labels shifted by one class, on the first {@code count} images. */
    private static int[] labels(int changed, int count) {
        return IntStream.range(0, count).map(i -> i < changed ? (PREDICTIONS[i] + 1) % 10 : PREDICTIONS[i]).toArray();
    }

    private static Codec.Evaluated sample(int... changedOnSample) {
        List<Codec.ConventionResult> results = new ArrayList<>();
        for (int i = 0; i < changedOnSample.length; i++) {
            results.add(changedOnSample[i] < 0 ? new Codec.ConventionResult("c" + i, null, "wrong shape")
                    : new Codec.ConventionResult("c" + i, labels(changedOnSample[i], SAMPLE), null));
        }
        return new Codec.Evaluated(List.of(), results, null, "");
    }

    /** The indexes completed, in order, when each full pass gives {@code full.apply(index)}. */
    private static List<Integer> completed(FullPasses passes, Codec.Evaluated sample, IntFunction<Codec.Labels> full) {
        Map<Integer, Codec.Labels> completed = new LinkedHashMap<>();
        for (OptionalInt next = passes.next(sample, completed); next.isPresent(); next = passes.next(sample, completed)) {
            completed.put(next.getAsInt(), full.apply(next.getAsInt()));
        }
        return List.copyOf(completed.keySet());
    }

    private static Codec.Labels ran(int changed) {
        return new Codec.Labels(labels(changed, N), null, "");
    }

    @Test
    void theConventionThatAgreesBestOnTheSampleIsTheOnlyOneRunInFullWhenItVerifies() {
        FullPasses passes = new FullPasses(Optional.of(PREDICTIONS));
        assertEquals(List.of(2), completed(passes, sample(-1, 30, 0, 5), i -> ran(0)));
    }

    @Test
    void whenItDisagreesInFullTheRunnersUpRunInFullTooBestFirstAndNotTwiceTheSameSampleLabels() {
        FullPasses passes = new FullPasses(Optional.of(PREDICTIONS));
        // c1 and c3 give the same sample labels: c3 would show nothing new.
        assertEquals(List.of(0, 1, 2), completed(passes, sample(0, 5, 30, 5), i -> ran(50)));
    }

    @Test
    void withoutPredictionsTheFirstThatRunsOnEveryImageIsTaken() {
        FullPasses passes = new FullPasses(Optional.empty());
        assertEquals(List.of(1), completed(passes, sample(-1, 30, 0), i -> ran(0)));
    }

    @Test
    void aConventionThatFailsOnALaterImageGivesWayToTheNext() {
        FullPasses passes = new FullPasses(Optional.of(PREDICTIONS));
        assertEquals(List.of(1, 0), completed(passes, sample(3, 0, -1),
                i -> i == 1 ? new Codec.Labels(null, "RuntimeError: boom", "") : ran(0)));
    }
}
