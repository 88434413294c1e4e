package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The compiler directive that keeps C2 for the my_model.json evaluator alone, grader/jit-directives.json,
 * which the grader's command (grader/bin/grader) names wherever it runs: the build copies both into
 * grader/target, Gradescope's bundle and the Docker image carry both. It must name the evaluator's
 * classes as they are, and the places that run the grader must run it through that command.
 */
class JitDirectivesTest {
    @Test
    void theDirectivesNameTheEvaluator() throws IOException {
        String file = Files.readString(Repository.root().resolve("grader/jit-directives.json"));
        for (String kept : new String[] {"BlockForward", "PerImageForward", "DenseOps"}) {
            String name = "edu.mlcourse.hw5.grader.heldout." + kept;
            assertTrue(file.contains(name.replace('.', '/') + ".*"), name);
            assertTrue(Files.exists(Repository.root().resolve("grader/src/main/java/" + name.replace('.', '/') + ".java")),
                    name + " exists");
        }
    }

    @Test
    void gradescopeAndTheImageRunTheGradersCommandAndMakeItsArchive() throws IOException {
        String run = Files.readString(Repository.root().resolve("gradescope/run_autograder"));
        assertTrue(run.contains("\"$source_dir/grader\" grade /autograder/submission"), run);
        assertTrue(run.lines().noneMatch(line -> line.strip().startsWith("java ")), "run_autograder starts no JVM of its own:\n" + run);
        String setup = Files.readString(Repository.root().resolve("gradescope/setup.sh"));
        assertTrue(setup.contains("\"$source_dir/grader\" --make-class-archive"), setup);
        String docker = Files.readString(Repository.root().resolve("Dockerfile"));
        assertTrue(docker.contains("grader/bin/grader grader/jit-directives.json"), docker);
    }
}
