package edu.mlcourse.hw5.grader.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Python bundle's {@code check.py} on Q2's files, as a student runs it: {@code predictions.npy}
 * read with the grader's rules (length, dtype, shape, labels 0..9, each refusal saying how to save
 * it), and {@code my_model.pt} run in a process of its own with the grader's loader, verified when
 * the input the grader would choose agrees with the predictions on at least 99% of the images. The
 * models are real (src/test/resources/python-q2/make_check_models.py trains make_models.py's small
 * networks for seconds); those tests are skipped without PyTorch or Fashion-MNIST.
 */
class PythonCheckQ2Test {
    @TempDir
    static Path dir;
    private static Path bundle;
    private static int heldOutImages;

    @BeforeAll
    static void unpackTheBundle() throws IOException {
        assumeTrue(PythonBundles.pythonHasNumpy(), PythonBundles.PYTHON + " with numpy is needed to run check.py");
        bundle = PythonBundles.buildAndUnpack(dir.resolve("unpacked"));
        byte[] header = Files.readAllBytes(bundle.resolve("data/heldout/images-idx3-ubyte"));
        heldOutImages = java.nio.ByteBuffer.wrap(header, 4, 4).getInt();
    }

    /** The models, made once for the tests that need them. */
    private static Path models;

    private static synchronized Path models() throws IOException {
        assumeTrue(PythonBundles.run(dir, PythonBundles.PYTHON.toString(), "-c", "import torch").code() == 0,
                PythonBundles.PYTHON + " with PyTorch is needed to make and run models");
        assumeTrue(FashionMnist.isAvailable(), "needs Fashion-MNIST (apt-get install dataset-fashion-mnist)");
        if (models == null) {
            FashionMnist dataset = FashionMnist.locate(Optional.empty());
            Path out = dir.resolve("models");
            PythonBundles.Run made = PythonBundles.run(dir, PythonBundles.PYTHON.toString(),
                    Repository.root().resolve("grader/src/test/resources/python-q2/make_check_models.py").toString(),
                    out.toString(), dataset.folder().resolve("train-images-idx3-ubyte.gz").toString(),
                    dataset.folder().resolve("train-labels-idx1-ubyte.gz").toString(),
                    bundle.resolve("data/heldout/images-idx3-ubyte").toString());
            assertEquals(0, made.code(), made::toString);
            models = out;
        }
        return models;
    }

    /** check.py on {@code folder}, with its results file. */
    private record Checked(PythonBundles.Run run, JsonNode q2) {
        String q2Text() {
            return run.out().substring(run.out().indexOf("HW5 Q2 check"));
        }
    }

    private static Checked check(Path folder, Map<String, String> environment) throws IOException {
        Path results = dir.resolve(folder.getFileName() + "-results.json");
        PythonBundles.Run run = PythonBundles.check(environment, bundle, dir, folder.toString(), "--results",
                results.toString());
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.err(), run::toString);
        assertTrue(run.out().contains("HW5 Q1 check of "), run::toString);
        assertTrue(run.out().contains("\nHW5 Q2 check of predictions.npy and my_model.pt"), run::toString);
        assertFalse(run.out().toLowerCase(java.util.Locale.ROOT).contains("accuracy:"), "no accuracy: no labels here\n"
                + run);
        JsonNode q2 = Json.mapper().readTree(results.toFile()).get("q2");
        assertEquals(run.out().substring(run.out().indexOf("HW5 Q2 check")).strip(), q2.get("output").asText().strip());
        return new Checked(run, q2);
    }

    private static Path folder(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("submissions").resolve(name));
        Files.copy(Repository.root().resolve("reference-solution/src/main/python/q1.py"), folder.resolve("q1.py"));
        return folder;
    }

    private static void save(Path folder, String array) throws IOException {
        PythonBundles.Run saved = PythonBundles.run(folder, PythonBundles.PYTHON.toString(), "-c",
                "import numpy as np; N = " + heldOutImages + "; np.save('predictions.npy', " + array + ")");
        assertEquals(0, saved.code(), saved::toString);
    }

    @Test
    void withoutQ2FilesBothAreReportedMissingWithWhatToDo() throws IOException {
        Checked checked = check(folder("nothing"), Map.of());
        String text = checked.q2Text();
        assertTrue(text.contains("  predictions.npy  MISSING"), text);
        assertTrue(text.contains("  my_model.pt      NOT VERIFIED: missing"), text);
        assertTrue(text.contains("predictions.npy is missing: check.py looks for it beside q1.py."), text);
        assertTrue(text.contains("np.save('predictions.npy', labels.astype(np.int64)), one label per held-out image,"
                + " in their order."), text);
        assertTrue(text.contains("the grader scores predictions.npy alone and flags it for the course staff"), text);
        assertTrue(text.contains("The notebook's last cells save it: run them as they are"), text);
        assertFalse(text.contains("my_model.json") || text.contains("Q1.java"), "only the Python edition's files\n" + text);
        assertFalse(checked.q2().get("predictions").get("valid").asBoolean());
        assertEquals("not verified", checked.q2().get("model").get("verdict").asText());
        assertEquals("missing", checked.q2().get("model").get("reason").asText());
        assertTrue(checked.run().out().contains("  Total                                             36.00 / 36.00"),
                "Q1 is checked as before\n" + checked.run());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one too few   | np.zeros(N - 1, np.int64)               | holds 9999 labels, but there are 10000 held-out images",
        "halves        | np.full(N, 0.5)                         | holds 0.5 at index 0, which is not a whole number",
        "text          | np.array(['3'] * N)                     | which holds text, not class numbers",
        "booleans      | np.ones(N, bool)                        | which holds booleans (True/False), not class numbers",
        "scores        | np.zeros((N, 10), np.float32)           | holds an array of shape (10000, 10), but only one label",
        "out of range  | np.arange(N) % 11                       | the label at index 10 (preds[10], counting from 0) is 10,"
            + " but classes are 0..9 (909 labels are outside that range)",
        "minus one     | np.full(N, -1, np.int8)                 | is -1, but classes are 0..9",
    })
    void aPredictionsFileTheGraderWouldRefuseSaysWhyAndHowToSaveIt(String name, String array, String why)
            throws IOException {
        assumeTrue(heldOutImages == 10_000, "the expected messages count 10000 held-out images");
        Path folder = folder("refused-" + name.replace(' ', '-'));
        save(folder, array);
        Checked checked = check(folder, Map.of());
        String text = checked.q2Text();
        assertTrue(text.contains("  predictions.npy  REFUSED: the grader would not read it"), text);
        assertTrue(text.contains("predictions.npy would be refused by the grader: "), text);
        assertTrue(text.contains(why), text);
        assertTrue(text.contains("Save the labels with np.save('predictions.npy', labels.astype(np.int64)), one label"
                + " per held-out image, in their order."), text);
        assertFalse(checked.q2().get("predictions").get("valid").asBoolean());
        assertTrue(checked.q2().get("predictions").get("problem").asText().contains(why));
    }

    @Test
    void wholeNumbersSavedAsFloatsAreAcceptedAsTheGraderDoesWithANote() throws IOException {
        Path folder = folder("floats");
        save(folder, "(np.arange(N) % 10).astype(np.float64)");
        String text = check(folder, Map.of()).q2Text();
        assertTrue(text.contains("  predictions.npy  valid: " + heldOutImages + " labels, one per held-out image"), text);
        assertTrue(text.contains("per class: 0:" + heldOutImages / 10 + " 1:"), text);
        assertTrue(text.contains("the grader accepts whole numbers in that form, but np.save('predictions.npy',"
                + " labels.astype(np.int64)) is the format asked for."), text);
    }

    @Test
    void aModelWhosePredictionsMatchIsVerified() throws IOException {
        for (String format : new String[] {"state-dict", "torchscript", "course-notebook"}) {
            Checked checked = check(models().resolve(format), Map.of());
            String text = checked.q2Text();
            assertTrue(text.startsWith("HW5 Q2 check of predictions.npy and my_model.pt (PyTorch "), text);
            assertTrue(text.contains("  predictions.npy  valid: " + heldOutImages + " labels"), text);
            assertTrue(text.contains("  my_model.pt      verified: agrees with predictions.npy on 100.00% of the"
                    + " images"), text);
            assertTrue(text.contains(switch (format) {
                case "torchscript" -> "my_model.pt is a TorchScript module.";
                case "course-notebook" -> "my_model.pt is a TorchScript module that carries its own preprocessing: it"
                        + " takes the held-out images as they are (uint8 (N, 28, 28)).";
                default -> "my_model.pt holds a state_dict, loaded into Net from q2.ipynb.";
            }), text);
            assertTrue(text.contains("The grader would score it with input "), text);
            assertTrue(text.contains("Verified: the grader will score this model's own accuracy"), text);
            assertFalse(text.contains("What to fix"), text);
            JsonNode model = checked.q2().get("model");
            assertEquals("verified", model.get("verdict").asText(), text);
            assertEquals(100.0, model.get("agreement").asDouble(), 1e-9);
            assertTrue(model.get("input").asText().contains(format.equals("course-notebook")
                    ? "as saved: the held-out images as uint8 (N, 28, 28)" : "(N, 1, 28, 28)"), text);
        }
    }

    @Test
    void aModelWithAnotherModelsPredictionsIsNotVerifiedAndSaysWhatToDo() throws IOException {
        Checked checked = check(models().resolve("other-run"), Map.of());
        String text = checked.q2Text();
        JsonNode model = checked.q2().get("model");
        double agreement = model.get("agreement").asDouble();
        assertTrue(agreement < 99, text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "  my_model.pt      NOT VERIFIED: agrees with"
                + " predictions.npy on only %.2f%% of the images (99%% needed)", agreement)), text);
        assertTrue(text.contains("That is low: did you save the predictions from another model or training run"), text);
        assertTrue(text.contains("Re-run the notebook's last cells, the ones that save predictions.npy and my_model.pt,"
                + " so that both files come from the same trained model."), text);
        assertEquals("not verified", model.get("verdict").asText());
        assertEquals("disagrees", model.get("reason").asText());
    }

    @Test
    void aModelThatCannotBeLoadedIsNotVerifiedWithTheLoadersMessage() throws IOException {
        Path folder = folder("no-notebook");
        Files.copy(models().resolve("state-dict/my_model.pt"), folder.resolve("my_model.pt"));
        Files.copy(models().resolve("state-dict/predictions.npy"), folder.resolve("predictions.npy"));
        Checked checked = check(folder, Map.of());
        String text = checked.q2Text();
        assertTrue(text.contains("  my_model.pt      NOT VERIFIED: could not be loaded"), text);
        assertTrue(text.contains("Your my_model.pt could not be evaluated, so the grader will score predictions.npy"
                + " instead:\n  my_model.pt holds a state_dict (the weights only), and the model's class is defined in"
                + " q2.ipynb, which is not in the submission: submit q2.ipynb too."), text);
        assertTrue(text.contains("q2.ipynb is missing beside my_model.pt"), text);
        assertEquals("failed", checked.q2().get("model").get("reason").asText());
    }

    @Test
    void withoutPyTorchTheModelIsNotCheckedAndThePredictionsStillAre() throws IOException {
        Path fake = Files.createDirectories(dir.resolve("no-torch"));
        Files.writeString(fake.resolve("torch.py"), "raise ImportError(\"No module named 'torch'\")\n");
        Path folder = folder("without-torch");
        save(folder, "np.arange(N) % 10");
        Files.write(folder.resolve("my_model.pt"), new byte[] {(byte) 0x80, 2, 'N', '.'});
        Checked checked = check(folder, Map.of("PYTHONPATH", fake.toString()));
        String text = checked.q2Text();
        assertTrue(text.contains("  predictions.npy  valid: " + heldOutImages + " labels, one per held-out image"), text);
        assertTrue(text.contains("  my_model.pt      not checked: PyTorch is not installed here"), text);
        assertTrue(text.contains("PyTorch is not installed here, so my_model.pt was not checked; the grader will run"
                + " it."), text);
        assertEquals("not checked", checked.q2().get("model").get("verdict").asText());
        assertEquals("no-torch", checked.q2().get("model").get("reason").asText());
        assertTrue(checked.q2().get("predictions").get("valid").asBoolean());
    }
}
