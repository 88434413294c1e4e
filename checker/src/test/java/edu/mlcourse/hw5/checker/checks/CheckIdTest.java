package edu.mlcourse.hw5.checker.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CheckIdTest {
    @Test
    void survivesTheUriRoundTripWithAnyCaseName() {
        CheckId id = new CheckId(Q1Function.SOFTMAX_BACKWARD, CheckId.Kind.OUTPUTS, "hidden", "n3 k4/large ±1000?");
        assertEquals(id, CheckId.fromUri(id.toUri()).orElseThrow());
    }

    @Test
    void ignoresUrisThatAreNotChecks() {
        assertTrue(CheckId.fromUri(URI.create("file:/tmp/x")).isEmpty());
        assertTrue(CheckId.fromUri(URI.create("hw5-check:noSuchFunction/outputs/public/a")).isEmpty());
    }
}
