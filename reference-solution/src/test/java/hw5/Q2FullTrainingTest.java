package hw5;

import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.reference.train.HeldOutScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete reference run must reach 90% on the held-out images. It takes minutes, so it runs
 * only when asked: {@code mvn -B verify -pl reference-solution -am -Dhw5.fullTraining=true
 * -Dtest=Q2FullTrainingTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "hw5.fullTraining", matches = "true")
class Q2FullTrainingTest {
    @Test
    void referenceRunReaches90PercentOnTheHeldOutImages(@TempDir Path out) throws IOException {
        Path heldOut = Path.of("..", "heldout");
        Training.Result result = Training.train(new Training.Settings(Optional.empty(), out, Q2.SEED, Q2.EPOCHS,
                Runtime.getRuntime().availableProcessors(), heldOut.resolve("public")), System.out);
        double accuracy = HeldOutScore.accuracy(result.heldOutPredictions(), HeldOutSet.readLabels(heldOut.resolve("hidden")));
        System.out.printf("held-out accuracy %.2f%%, validation %.2f%%%n", 100 * accuracy,
                100 * result.validationAccuracy());
        assertTrue(accuracy >= 0.90, "held-out accuracy " + accuracy + " is below 90%");
    }
}
