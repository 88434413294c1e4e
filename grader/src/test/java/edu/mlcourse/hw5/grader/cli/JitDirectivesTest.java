package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compiler directive that keeps C2 for the my_model.json evaluator alone exists twice: the
 * README's commands name grader/jit-directives.json, and gradescope/setup.sh writes the same
 * into the image (Gradescope's autograder.zip holds only the scripts and the jar). They must not
 * drift, and must name the evaluator's classes as they are.
 */
class JitDirectivesTest {
    @Test
    void setupWritesTheRepositorysDirectivesAndTheyNameTheEvaluator() throws IOException {
        String file = Files.readString(Repository.root().resolve("grader/jit-directives.json"));
        String setup = Files.readString(Repository.root().resolve("gradescope/setup.sh"));
        Matcher heredoc = Pattern.compile("jit-directives\\.json\" <<'JSON'\\n(.*?)\\nJSON\\n", Pattern.DOTALL).matcher(setup);
        assertTrue(heredoc.find(), "setup.sh writes jit-directives.json");
        assertEquals(file.strip(), heredoc.group(1).strip());
        for (String kept : new String[] {"BlockForward", "DenseOps"}) {
            String name = "edu.mlcourse.hw5.grader.heldout." + kept;
            assertTrue(file.contains(name.replace('.', '/') + ".*"), name);
            assertTrue(Files.exists(Repository.root().resolve("grader/src/main/java/" + name.replace('.', '/') + ".java")),
                    name + " exists");
        }
    }
}
