package edu.mlcourse.hw5.checker.edition.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.protocol.Codec;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConventionChoiceTest {
    private static final int N = 1000;

    /** Labels equal to {@code base} except the first {@code changed}, which are shifted by one class. */
    private static int[] labels(int[] base, int changed) {
        return IntStream.range(0, base.length).map(i -> i < changed ? (base[i] + 1) % 10 : base[i]).toArray();
    }

    private static final int[] PREDICTIONS = IntStream.range(0, N).map(i -> i % 10).toArray();

    private static List<Codec.ConventionResult> results(int changedPlain, int changedNormalised) {
        return List.of(new Codec.ConventionResult("plain", labels(PREDICTIONS, changedPlain), null),
                new Codec.ConventionResult("normalised", labels(PREDICTIONS, changedNormalised), null),
                new Codec.ConventionResult("broken", null, "shape mismatch"));
    }

    @Test
    void theConventionThatAgreesBestWithThePredictionsIsChosenWhateverItsPlace() {
        ConventionChoice choice = ConventionChoice.of(results(300, 20), Optional.of(PREDICTIONS)).orElseThrow();
        assertEquals("normalised", choice.chosen().convention());
        assertEquals(98.0, choice.agreement().orElseThrow(), 1e-9);
        assertEquals(List.of(new ConventionChoice.RunnerUp("plain", 70.0)), choice.runnersUp());
    }

    @Test
    void otherConventionsAreShownOnlyWhenTheChosenOneDisagreesWithThePredictions() {
        ConventionChoice clear = ConventionChoice.of(results(0, 300), Optional.of(PREDICTIONS)).orElseThrow();
        assertEquals(1, clear.runnersUp().size());
        assertTrue(clear.worthShowing().isEmpty(), "a model that matches its predictions needs no list");

        ConventionChoice doubtful = ConventionChoice.of(results(20, 300), Optional.of(PREDICTIONS)).orElseThrow();
        assertEquals(List.of(new ConventionChoice.RunnerUp("normalised", 70.0)), doubtful.worthShowing());
    }

    @Test
    void withoutPredictionsTheFirstConventionThatRanIsTakenAndNothingElseIsShown() {
        List<Codec.ConventionResult> onlyLater = List.of(new Codec.ConventionResult("plain", null, "wrong shape"),
                new Codec.ConventionResult("flat", labels(PREDICTIONS, 0), null),
                new Codec.ConventionResult("flat-normalised", labels(PREDICTIONS, 500), null));
        ConventionChoice choice = ConventionChoice.of(onlyLater, Optional.empty()).orElseThrow();
        assertEquals("flat", choice.chosen().convention());
        assertTrue(choice.worthShowing().isEmpty());
        assertTrue(ConventionChoice.of(List.of(onlyLater.get(0)), Optional.empty()).isEmpty());
    }
}
