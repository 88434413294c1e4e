package edu.mlcourse.hw5.grader.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.vectors.Mistake;
import edu.mlcourse.hw5.vectors.Sha256;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python student bundle holds what students need and nothing of the answers: no hidden vectors,
 * no held-out labels, no reference solution, and no Python function that computes a correct Q1
 * function (the scan {@code correct_q1_scan.py} calls every function of every file on the public
 * cases). What check.py takes from the grader is generated from the grader's own definitions.
 */
class PythonStudentBundleTest {
    private static final String ROOT = PythonStudentBundle.ROOT;

    @TempDir
    static Path dir;
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void buildTheBundle() throws IOException {
        Path zip = dir.resolve("hw5-student-python.zip");
        PythonStudentBundle.write(Repository.root(), zip);
        entries = PythonBundles.entries(zip);
    }

    @Test
    void holdsTheTemplateTheCheckThePublicVectorsAndTheHeldOutImages() {
        for (String expected : List.of("q1.py", "check.py", "README.md", "vectors/public/manifest.json",
                "vectors/public/softmaxBackward.json", "data/heldout/images-idx3-ubyte", "data/heldout/manifest.json",
                "lib/course.json", "lib/hw5_worker/__init__.py", "lib/hw5_worker/contract.py",
                "lib/hw5_worker/invoker.py", "lib/hw5_worker/protocol.py", "lib/hw5_worker/model.py",
                "lib/hw5_worker/notebook.py")) {
            assertTrue(entries.containsKey(ROOT + expected), expected);
        }
        assertTrue(entries.keySet().stream().allMatch(name -> name.startsWith(ROOT)), entries.keySet()::toString);
        assertTrue(entries.keySet().stream().noneMatch(name -> name.contains("__pycache__") || name.endsWith(".jar")),
                entries.keySet()::toString);
    }

    @Test
    void theQ2NotebookIsShippedWithoutOutputsWithItsTodosAndTheGradersContract() throws IOException {
        assertTrue(entries.containsKey(ROOT + "q2.ipynb"), "the bundle holds the Q2 notebook");
        byte[] shipped = entries.get(ROOT + "q2.ipynb");
        assertArrayEquals(Files.readAllBytes(Repository.root().resolve("student-template-python/q2.ipynb")), shipped);
        JsonNode notebook = Json.mapper().readTree(shipped);
        assertEquals(4, notebook.get("nbformat").asInt());
        StringBuilder code = new StringBuilder();
        Set<String> todos = new HashSet<>();
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                assertEquals(0, cell.get("outputs").size(), "no outputs are stored");
                assertTrue(cell.get("execution_count").isNull(), "never executed");
                String source = String.join("", Json.mapper().convertValue(cell.get("source"), List.class));
                if (source.startsWith("# TODO(")) {
                    todos.add(source.substring(0, source.indexOf(')') + 1));
                }
                code.append(source).append('\n');
            }
        }
        assertEquals(Set.of("# TODO(model)", "# TODO(settings)", "# TODO(training)"), todos);
        for (String contract : List.of("torch.jit.trace(export, example)",
                "torch.jit.save(scripted, \"my_model.pt\", _extra_files={\"hw5_input\": \"uint8 (N, 28, 28)\"})",
                "np.save(\"predictions.npy\", predictions.astype(np.int64))",
                "Path(\"data/heldout/images-idx3-ubyte\")",
                "raise NotImplementedError(\"TODO: write your training loop")) {
            assertTrue(code.toString().contains(contract), contract);
        }
    }

    @Test
    void whatRunningTheNotebookInTheTemplateLeavesIsNotShipped() {
        for (String left : List.of("predictions.npy", "my_model.pt", ".ipynb_checkpoints/q2-checkpoint.ipynb",
                "data/fashion-mnist/train-images-idx3-ubyte.gz", "data/FashionMNIST/raw/train-labels-idx1-ubyte")) {
            assertFalse(PythonStudentBundle.isTemplateFile(left), left);
        }
        assertTrue(PythonStudentBundle.isTemplateFile("q2.ipynb"));
    }

    @Test
    void theWorkersModulesAreShippedAsTheyAre() throws IOException {
        Path worker = Repository.root().resolve("worker/src/main/python/hw5_worker");
        for (String module : PythonStudentBundle.WORKER_MODULES) {
            assertArrayEquals(Files.readAllBytes(worker.resolve(module)), entries.get(ROOT + "lib/hw5_worker/" + module),
                    module);
        }
    }

    @Test
    void courseDataIsGeneratedFromTheGradersDefinitions() throws IOException {
        JsonNode course = Json.mapper().readTree(entries.get(ROOT + "lib/course.json"));
        assertEquals(PythonCheckData.FORMAT, course.get("format").asText());
        for (Mistake mistake : Mistake.values()) {
            JsonNode entry = course.get("mistakes").get(mistake.id());
            assertEquals(mistake.pythonHint(), entry.get("hint").asText(), mistake.id());
            assertEquals(mistake.function().pythonName(), entry.get("function").asText(), mistake.id());
        }
        double q1 = 0;
        for (Q1Function function : Q1Function.values()) {
            JsonNode entry = course.get("functions").get(function.pythonName());
            assertEquals(function.formula(), entry.get("formula").asText());
            JsonNode points = entry.get("points");
            q1 += points.get("outputs").asDouble() + points.get("gradient").asDouble();
            int graded = Stream.of("public", "hidden").mapToInt(set -> VectorSetReader.read(Repository.vectors().resolve(set))
                    .casesOf(function).size()).sum();
            assertEquals(graded, points.get("graded_cases").asInt(), "public and hidden cases of " + function);
        }
        assertEquals(60.0, q1, 1e-9, "the default rubric's Q1");
        assertEquals(PythonCheckData.exceptionHints(), Json.mapper().convertValue(course.get("exception_hints"), Map.class));
    }

    @Test
    void holdsNoHiddenVectorsNoLabelsAndNoAnswerSources() throws IOException {
        Set<String> secretHashes = new HashSet<>();
        for (Path secrets : List.of(Repository.root().resolve("test-vectors/hidden"), Repository.root().resolve("heldout/hidden"))) {
            try (Stream<Path> files = Files.list(secrets)) {
                files.forEach(f -> secretHashes.add(Sha256.of(f)));
            }
        }
        secretHashes.add(Sha256.of(Repository.root().resolve("reference-solution/src/main/python/q1.py")));
        secretHashes.add(Sha256.of(Repository.referenceQ1()));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            assertFalse(secretHashes.contains(Sha256.of(e.getValue())), name + " is a copy of a secret file");
            assertFalse(name.contains("hidden/") || name.contains("labels-idx1") || name.contains("reference"), name);
        }
    }

    @Test
    void noShippedPythonComputesACorrectQ1Function() throws Exception {
        assumeTrue(PythonBundles.pythonHasNumpy(), PythonBundles.PYTHON + " with numpy is needed to scan Python files");
        Path bundle = PythonBundles.buildAndUnpack(dir.resolve("unpacked"));
        PythonBundles.Run scan = scan(bundle);
        assertEquals(0, scan.code(), scan::toString);
        assertTrue(scan.out().lines().allMatch(line -> line.startsWith("scanned ")), scan::toString);
        assertTrue(Integer.parseInt(scan.out().strip().replace("scanned ", "")) > 50, "the scan called many functions");
    }

    @Test
    void theScanFindsEveryFunctionInTheReferenceSolution() throws Exception {
        assumeTrue(PythonBundles.pythonHasNumpy(), PythonBundles.PYTHON + " with numpy is needed to scan Python files");
        Path folder = Files.createDirectories(dir.resolve("reference"));
        Files.copy(Repository.root().resolve("reference-solution/src/main/python/q1.py"), folder.resolve("q1.py"));
        PythonBundles.Run scan = scan(folder);
        for (Q1Function f : Q1Function.values()) {
            assertTrue(scan.out().contains("q1.py: " + f.pythonName() + " computes " + f.pythonName()), scan::toString);
        }
    }

    private static PythonBundles.Run scan(Path folder) throws IOException {
        Path script = Repository.root().resolve("grader/src/test/resources/packaging/correct_q1_scan.py");
        return PythonBundles.run(dir, PythonBundles.PYTHON.toString(), script.toString(), folder.toString(),
                Repository.vectors().resolve("public").toString());
    }
}
