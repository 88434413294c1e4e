package hw5;

import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.reference.train.HeldOutScore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete reference run must reach 90% on the held-out images. It takes a minute or more, so
 * it runs only when asked: {@code mvn -B verify -pl reference-solution -am -Dhw5.fullTraining=true
 * -Dtest=Q2FullTrainingTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "hw5.fullTraining", matches = "true")
class Q2FullTrainingTest {
    @Test
    void referenceRunReaches90PercentOnTheHeldOutImages(@TempDir Path out) {
        Path heldOut = Path.of("..", "heldout");
        TrainingRun.Result result = TrainingRun.run(new Q2Options(Q2.EPOCHS, Q2.SEED, Q2.THREADS, out, Optional.empty(),
                heldOut.resolve("public")), System.out);
        double accuracy = HeldOutScore.accuracy(result.heldOutPredictions(), HeldOutSet.readLabels(heldOut.resolve("hidden")));
        System.out.printf("held-out accuracy %.2f%%, validation %.2f%%, %.1f s of training%n", 100 * accuracy,
                100 * result.validationAccuracy(), result.trainingSeconds());
        assertTrue(accuracy >= 0.90, "held-out accuracy " + accuracy + " is below 90%");
    }
}
