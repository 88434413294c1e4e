package edu.mlcourse.hw5.checker.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.contract.Q1Function;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricTest {
    @Test
    void theDefaultTotals100WithTenPointsPerQ1FunctionAnd40ForTheHeldOutSet() {
        Rubric rubric = Rubric.defaults();
        assertEquals(100, rubric.total(), 1e-9);
        for (Q1Function f : Q1Function.values()) {
            Rubric.FunctionPoints p = rubric.pointsOf(f);
            assertEquals(10, p.outputs() + p.gradient(), 1e-9);
            assertEquals(f.isBackward(), p.gradient() > 0);
        }
        assertEquals(40, rubric.heldout().points(), 1e-9);
        assertEquals("after_due_date", rubric.visibility().ofSet("hidden"));
        assertEquals("visible", rubric.visibility().ofSet("public"));
    }

    @Test
    void heldOutPointsAreExactAtTheBoundaries() {
        Rubric.HeldOut h = Rubric.defaults().heldout();
        assertEquals(0.0, h.pointsFor(79.99));
        assertEquals(0.0, h.pointsFor(80.0));
        assertEquals(40 * 9.99 / 10, h.pointsFor(89.99), 1e-9);
        assertEquals(40.0, h.pointsFor(90.0));
        assertEquals(20.0, h.pointsFor(85.0), 1e-12);
    }

    @Test
    void aBadRubricIsRefusedWithWhatToFix(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rubric.json");
        Files.writeString(file, "{\"format\": \"hw5-rubric/1\", \"q1\": {\"linearForward\": {\"outputs\": 5, \"gradient\": 5}},"
                + " \"heldout\": {\"points\": 40, \"fullAt\": 90, \"zeroAt\": 80},"
                + " \"visibility\": {\"public\": \"visible\", \"hidden\": \"hidden\", \"gradient\": \"visible\", \"heldout\": \"visible\"}}");
        CourseDataException e = assertThrows(CourseDataException.class, () -> Rubric.load(file));
        assertTrue(e.getMessage().contains("linearForward is a forward function; only backward functions have gradient points"),
                e.getMessage());
        Files.writeString(file, "{ nope");
        assertTrue(assertThrows(CourseDataException.class, () -> Rubric.load(file)).getMessage().contains("Cannot read the rubric"));
    }
}
