package hw5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The template tells students that its settings reach 90% with correct code; the reference run in
 * CI is what proves it, so the two Q2 files must declare the same settings. Both classes are named
 * hw5.Q2, so they are compared as source.
 */
class Q2TemplateSettingsTest {
    private static final Path REFERENCE = Path.of("src/main/java/hw5/Q2.java");
    private static final Path TEMPLATE = Path.of("../student-template/src/main/java/hw5/Q2.java");
    /** {@code static final TYPE NAME = VALUE;}, on one line. */
    private static final Pattern CONSTANT = Pattern.compile(
            "^\\s*(?:public\\s+)?static final [\\w.\\[\\]]+ (\\w+) = (.+);\\s*$", Pattern.MULTILINE);
    /** Where each copy finds the held-out images differs on purpose: the repository or the student's project. */
    private static final String LOCATION_OF_IMAGES = "HELD_OUT_IMAGES";

    @Test
    void theTemplateDeclaresTheSettingsTheReferenceTrainsWith() throws IOException {
        String reference = settings(REFERENCE);
        assertTrue(reference.contains("LEARNING_RATE ="), "the settings were not found in " + REFERENCE);
        assertEquals(reference, settings(TEMPLATE), "student-template's Q2 settings differ from the reference's");
    }

    private static String settings(Path file) throws IOException {
        Matcher matcher = CONSTANT.matcher(Files.readString(file));
        List<String> constants = matcher.results()
                .filter(m -> !m.group(1).equals(LOCATION_OF_IMAGES))
                .map(m -> m.group(1) + " = " + m.group(2))
                .toList();
        return constants.stream().collect(Collectors.joining("\n"));
    }
}
