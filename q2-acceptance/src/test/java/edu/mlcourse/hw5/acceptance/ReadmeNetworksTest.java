package edu.mlcourse.hw5.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Q2 tutorial's claims are what this module measures: the CNN it shows, and says reaches 88%
 * after two epochs, is the one {@link StudentQ2Test} trains and checks. A README edited without the
 * test (or the reverse) fails here.
 */
class ReadmeNetworksTest {
    @Test
    void theTutorialShowsTheCnnThatIsTrainedAndMeasured() throws Exception {
        Path readme = Path.of(System.getProperty("hw5.repository", "..")).resolve("student-template/README-Q2.md");
        String tutorial = Files.readString(readme);
        assertTrue(code(tutorial).contains(code(StudentQ2Test.CNN)),
                readme + " must show, word for word, the CNN that StudentQ2Test trains:\n" + StudentQ2Test.CNN);
        assertTrue(tutorial.contains("reaches 88% or more on the validation images after two epochs"),
                "the claim next to it is what StudentQ2Test asserts");
    }

    /** Code without comments and with any run of white space as one space. */
    private static String code(String text) {
        return text.replaceAll("//[^\\n]*", " ").replaceAll("\\s+", " ");
    }
}
