package edu.mlcourse.hw5.checker.submission;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a student's {@code q2.ipynb} holds, read as data and never executed: whether it is a valid
 * nbformat-4 notebook, how many code cells it has, and whether their outputs were saved.
 *
 * @param problem why it is not a usable notebook, if it is not
 * @param codeCells its code cells
 * @param cellsWithOutputs code cells whose outputs were saved with the notebook
 */
public record Notebook(Optional<String> problem, int codeCells, int cellsWithOutputs) {
    public static final String FILE_NAME = "q2.ipynb";
    /** A notebook larger than this is refused unread (saved images can make notebooks large, not this large). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    public static Notebook read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return invalid(FILE_NAME + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
            }
            JsonNode root = Json.mapper().readTree(file.toFile());
            if (root == null || !root.isObject() || root.path("nbformat").asInt(-1) != 4 || !root.path("cells").isArray()) {
                return invalid(FILE_NAME + " is not a Jupyter notebook in nbformat 4 (its JSON lacks \"nbformat\": 4 and"
                        + " \"cells\"): save it from Jupyter, VS Code or Colab as .ipynb.");
            }
            int code = 0;
            int withOutputs = 0;
            for (JsonNode cell : root.get("cells")) {
                if ("code".equals(cell.path("cell_type").asText())) {
                    code++;
                    withOutputs += cell.path("outputs").isArray() && !cell.path("outputs").isEmpty() ? 1 : 0;
                }
            }
            return new Notebook(Optional.empty(), code, withOutputs);
        } catch (IOException e) {
            return invalid(FILE_NAME + " is not valid JSON (" + Json.describe(e) + "): save it again as a notebook.");
        }
    }

    private static Notebook invalid(String problem) {
        return new Notebook(Optional.of(problem), 0, 0);
    }

    public boolean valid() {
        return problem.isEmpty();
    }

    /** One line for the report. */
    public String describe() {
        return problem.orElseGet(() -> FILE_NAME + " is a valid notebook with " + codeCells + " code cell(s), "
                + (cellsWithOutputs == 0 ? "saved without outputs" : cellsWithOutputs + " of them with saved outputs")
                + " (the grader reads it and never runs it).");
    }
}
