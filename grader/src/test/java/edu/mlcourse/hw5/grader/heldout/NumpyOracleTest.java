package edu.mlcourse.hw5.grader.heldout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** numpy as an independent oracle: its files are read right and its forward pass agrees with the grader's. */
class NumpyOracleTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = String.join("\n",
            "import json, sys, numpy as np",
            "m = json.load(open(sys.argv[1]))",
            "raw = open(sys.argv[2], 'rb').read()",
            "x = np.frombuffer(raw, np.uint8, offset=16).reshape(-1, 784).astype(np.float64)",
            "x = (x / m['input']['scale'] - m['input']['mean']) / m['input']['std']",
            "for layer in m['layers']:",
            "    if layer['type'] == 'linear': x = x @ np.array(layer['W']) + np.array(layer['b'])",
            "    elif layer['type'] == 'relu': x = np.maximum(x, 0)",
            "print(' '.join(map(str, np.argmax(x, axis=1))))");

    private static void assumeNumpy() throws IOException, InterruptedException {
        boolean numpy = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").start().waitFor() == 0;
        assumeTrue(numpy || "true".equals(System.getenv("CI")), "numpy (Debian's python3-numpy) is not installed");
    }

    @Test
    void aPredictionsFileWrittenByNumpyIsScoredAgainstTheHeldOutLabels(@TempDir Path dir)
            throws IOException, InterruptedException {
        assumeNumpy();
        Path labels = Repository.root().resolve("heldout/hidden/labels-idx1-ubyte");
        // The true labels, 7 of every 100 shifted by one class, saved big-endian int32 by np.save.
        String script = "import numpy as np, sys\n"
                + "y = np.frombuffer(open(sys.argv[1], 'rb').read(), np.uint8, offset=8).astype('>i4')\n"
                + "y[::100] = (y[::100] + 1) % 10\n"
                + "np.save(sys.argv[2], y)\n";
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", script, labels.toString(),
                dir.resolve("predictions.npy").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        Q2Part part = new Q2Part(() -> HeldOutData.read(Repository.root().resolve("heldout")),
                edu.mlcourse.hw5.checker.scoring.Rubric.defaults(), edu.mlcourse.hw5.grader.GraderFixtures.NO_TORCH);
        try (var submission = edu.mlcourse.hw5.checker.submission.SubmissionLoader.open(dir)) {
            var result = part.grade(submission);
            assertEquals(99.0, result.heldOut().orElseThrow().accuracy(), 1e-9);
            assertEquals(40.0, result.tests().get(0).score());
        }
    }

    @Test
    void predictionsMatchNumpy(@TempDir Path dir) throws IOException, InterruptedException {
        assumeNumpy();
        ModelFile model = Q2PartTest.randomModel(7);
        Path modelFile = dir.resolve("my_model.json");
        ModelFiles.write(modelFile, model);
        Path images = Repository.root().resolve("heldout/public/images-idx3-ubyte");
        Files.writeString(dir.resolve("oracle.py"), SCRIPT);
        Process process = new ProcessBuilder(PYTHON.toString(), dir.resolve("oracle.py").toString(), modelFile.toString(),
                images.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor(), output);
        int[] expected = Arrays.stream(output.split(" ")).mapToInt(Integer::parseInt).toArray();
        int[] got = ModelEvaluator.predict(ModelFiles.read(modelFile), HeldOutData.read(Repository.root().resolve("heldout")).images());
        assertArrayEquals(expected, got);
    }
}
