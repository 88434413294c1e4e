package edu.mlcourse.hw5.grader.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Python edition's reference Q2 is the students' q2.ipynb with its TODO cells filled in, and
 * nothing else changed: what CI trains and grades to 100 (.ci/q2-full-run, the container test) is
 * what a student who did the homework hands in, given cells and their way of saving included.
 */
class ReferenceNotebookTest {
    private static final String TODO = "# TODO(";

    private static List<JsonNode> cells(String path) throws IOException {
        List<JsonNode> cells = new ArrayList<>();
        Json.mapper().readTree(Repository.root().resolve(path).toFile()).get("cells").forEach(cells::add);
        return cells;
    }

    private static String source(JsonNode cell) {
        JsonNode source = cell.get("source");
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    @Test
    void theReferenceIsTheTemplateWithItsTodoCellsFilledIn() throws IOException {
        List<JsonNode> template = cells("student-template-python/q2.ipynb");
        List<JsonNode> reference = cells("reference-solution/src/main/python/q2.ipynb");
        assertEquals(template.size(), reference.size(), "the same cells");
        int filled = 0;
        for (int i = 0; i < template.size(); i++) {
            String given = source(template.get(i));
            String theirs = source(reference.get(i));
            assertEquals(template.get(i).get("cell_type"), reference.get(i).get("cell_type"), "cell " + i);
            if (given.startsWith(TODO)) {
                String marker = given.substring(0, given.indexOf(')') + 1);
                assertTrue(theirs.startsWith(marker), "cell " + i + " keeps its marker " + marker + ":\n" + theirs);
                assertNotEquals(given, theirs, "cell " + i + " is filled in");
                assertFalse(theirs.contains("NotImplementedError"), "cell " + i + " raises nothing");
                filled++;
            } else {
                assertEquals(given, theirs, "cell " + i + " is given: the reference keeps it as it is");
            }
        }
        assertEquals(3, filled, "the three TODO cells: model, settings, training");
    }
}
