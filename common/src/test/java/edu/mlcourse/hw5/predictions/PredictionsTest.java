package edu.mlcourse.hw5.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.npy.NpyWriter;
import edu.mlcourse.hw5.predictions.PredictionsException.Kind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredictionsTest {
    static final Path NPY_FIXTURES = Path.of("src", "test", "resources", "npy");
    static final int[] LABELS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 0};
    static final int N = LABELS.length;

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static String lines(int[] labels, String end) {
        return Arrays.stream(labels).mapToObj(Integer::toString).collect(Collectors.joining(end, "", end));
    }

    private static PredictionsException refusal(Path file, int expected, Kind kind) {
        PredictionsException e = assertThrows(PredictionsException.class, () -> Predictions.read(file, expected));
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(file.getFileName().toString(), e.fileName());
        assertTrue(e.getMessage().startsWith(e.fileName()), "the message starts with the file's name: " + e.getMessage());
        assertTrue(!e.getMessage().contains(file.getParent().toString()), "no grader paths in student messages");
        return e;
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected «" + part + "» in: " + message);
        }
    }

    // The three formats agree.

    @Test
    void npyCsvAndJsonOfTheSameLabelsReadTheSame() throws IOException {
        List<Path> files = List.of(
                Files.copy(NPY_FIXTURES.resolve("ok_i8_le_v1.npy"), folder.resolve("numpy.npy")),
                Files.copy(NPY_FIXTURES.resolve("ok_f4_be_v1.npy"), folder.resolve("float32.npy")),
                write("predictions.npy", NpyWriter.toBytes(LABELS)),
                write("predictions.csv", lines(LABELS, "\n")),
                write("predictions.json", Json.mapper().writeValueAsString(LABELS)));
        for (Path file : files) {
            assertArrayEquals(LABELS, Predictions.read(file, N), file.getFileName().toString());
        }
    }

    @Test
    void csvToleratesLineEndsSpacesAHeaderABomAndFloats() throws IOException {
        String savetxtDefault = Arrays.stream(LABELS).mapToObj(v -> String.format("%.18e", (double) v))
                .collect(Collectors.joining("\n", "", "\n"));
        List<String> variants = List.of(
                lines(LABELS, "\r\n"),
                lines(LABELS, "\r"),
                lines(LABELS, "\n").strip(),
                lines(LABELS, "\n") + "\n  \n\n",
                "label\n" + lines(LABELS, "\n"),
                "\"prediction\"\r\n" + lines(LABELS, "\r\n"),
                "\uFEFF" + lines(LABELS, "\n"),
                Arrays.stream(LABELS).mapToObj(v -> " \t" + v + "  ").collect(Collectors.joining("\n")),
                Arrays.stream(LABELS).mapToObj(v -> v + ".0").collect(Collectors.joining("\n")),
                savetxtDefault);
        for (int i = 0; i < variants.size(); i++) {
            Path file = write("predictions" + i + ".csv", variants.get(i));
            assertArrayEquals(LABELS, Predictions.read(file, N), "variant " + i + ": " + variants.get(i));
        }
    }

    @Test
    void jsonToleratesLayoutABomAndWholeFloats() throws IOException {
        String plain = Arrays.toString(LABELS);
        List<String> variants = List.of(plain, "\n  " + plain.replace(", ", ",\n  ") + "\n",
                "\uFEFF" + plain, plain.replace(", ", ".0, ").replace("]", ".0]"), plain.replace("3", "3e0"));
        for (int i = 0; i < variants.size(); i++) {
            Path file = write("predictions" + i + ".json", variants.get(i));
            assertArrayEquals(LABELS, Predictions.read(file, N), "variant " + i + ": " + variants.get(i));
        }
    }

    @Test
    void theExtensionDecidesTheFormatInAnyCase() throws IOException {
        assertArrayEquals(LABELS, Predictions.read(write("PREDICTIONS.CSV", lines(LABELS, "\n")), N));
    }

    // Checks shared by every format.

    @ParameterizedTest
    @ValueSource(strings = {"predictions.npy", "predictions.csv", "predictions.json"})
    void aMissingFileSaysWhichFormatsAreRead(String name) {
        assertContains(refusal(folder.resolve(name), N, Kind.MISSING).getMessage(), name + " was not found",
                "predictions.npy (np.save)", "predictions.csv", "predictions.json");
    }

    @Test
    void aFolderIsNotAFile() throws IOException {
        Path dir = Files.createDirectory(folder.resolve("predictions.csv"));
        assertContains(refusal(dir, N, Kind.MISSING).getMessage(), "predictions.csv is a folder, not a file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"predictions.npy", "predictions.csv", "predictions.json"})
    void anEmptyFileSaysHowManyLabelsAreExpected(String name) throws IOException {
        assertContains(refusal(write(name, new byte[0]), N, Kind.EMPTY).getMessage(),
                name + " is empty (0 bytes); it must hold 16 labels");
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingIt() throws IOException {
        Path file = folder.resolve("predictions.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(Predictions.MAX_FILE_BYTES + 1);
        }
        assertContains(refusal(file, N, Kind.TOO_LARGE).getMessage(), "is 16777217 bytes, more than the 16777216");
    }

    @Test
    void anUnknownExtensionIsRefused() throws IOException {
        assertContains(refusal(write("predictions.txt", lines(LABELS, "\n")), N, Kind.UNSUPPORTED_FORMAT).getMessage(),
                "predictions.txt is not a format the grader reads", "predictions.csv");
    }

    @Test
    void theWrongNumberOfLabelsIsReportedTheSameWayForEveryFormat() throws IOException {
        int[] short1 = Arrays.copyOf(LABELS, N - 1);
        List<Path> files = List.of(write("predictions.npy", NpyWriter.toBytes(short1)),
                write("predictions.csv", lines(short1, "\n")),
                write("predictions.json", Arrays.toString(short1)));
        for (Path file : files) {
            assertContains(refusal(file, N, Kind.WRONG_LENGTH).getMessage(),
                    file.getFileName() + " holds 15 labels, but there are 16 held-out images: expected 16, got 15.");
        }
    }

    @Test
    void theFirstLabelOutsideTheClassesIsReportedTheSameWayForEveryFormat() throws IOException {
        int[] bad = LABELS.clone();
        bad[4] = 10;
        bad[7] = -1;
        List<Path> files = List.of(write("predictions.npy", NpyWriter.toBytes(bad)),
                write("predictions.csv", lines(bad, "\n")),
                write("predictions.json", Arrays.toString(bad)));
        for (Path file : files) {
            assertContains(refusal(file, N, Kind.LABEL_OUT_OF_RANGE).getMessage(),
                    file.getFileName() + ": the label at index 4 (preds[4] in Python, counting from 0) is 10,"
                            + " but classes are 0..9 (2 labels are outside that range).");
        }
    }

    @Test
    void aNegativeExpectedCountIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Predictions.read(folder.resolve("predictions.csv"), -1));
    }

    // npy problems keep NpyReader's message.

    @Test
    void anNpyProblemKeepsTheReadersMessage() throws IOException {
        Path file = Files.copy(NPY_FIXTURES.resolve("bad_object.npy"), folder.resolve("predictions.npy"));
        assertContains(refusal(file, N, Kind.MALFORMED).getMessage(),
                "predictions.npy has dtype '|O'", "never unpickles", "np.save('predictions.npy', preds.astype(np.int64))");
    }

    @Test
    void anNpyFileUnderATextNameIsRecognised() throws IOException {
        Path file = write("predictions.csv", NpyWriter.toBytes(LABELS));
        assertContains(refusal(file, N, Kind.MALFORMED).getMessage(), "predictions.csv is a numpy .npy file",
                "Name it predictions.npy");
    }

    @Test
    void binaryThatIsNotUtf8IsRefused() throws IOException {
        Path file = write("predictions.json", new byte[] {(byte) 0xff, (byte) 0xfe, '[', 0, '1', 0, ']', 0});
        assertContains(refusal(file, N, Kind.MALFORMED).getMessage(), "predictions.json is not UTF-8 text");
    }

    // CSV problems.

    private String csvRefusal(String text) throws IOException {
        return refusal(write("predictions.csv", text), N, Kind.MALFORMED).getMessage();
    }

    @Test
    void csvBlankLineInTheMiddle() throws IOException {
        assertContains(csvRefusal("3\n1\n\n4\n"), "predictions.csv, line 3: the line is blank");
    }

    @Test
    void csvIndexColumnAsPandasWritesIt() throws IOException {
        assertContains(csvRefusal(",label\n0,3\n1,1\n"), "line 1: \",label\" has 2 columns",
                "pd.Series(preds).to_csv('predictions.csv', index=False, header=False)");
    }

    @Test
    void csvAllLabelsOnOneLine() throws IOException {
        assertContains(csvRefusal(Arrays.stream(LABELS).mapToObj(Integer::toString).collect(Collectors.joining(","))),
                "line 1: \"3,1,4,1,5,9,2,6,5,3,5,8,9,7,9,0\" has 16 columns", "np.savetxt('predictions.csv', preds, fmt='%d')");
    }

    @Test
    void csvNotANumber() throws IOException {
        assertContains(csvRefusal("3\nshirt\n"), "line 2: \"shirt\" is not a number");
    }

    @Test
    void csvHeaderOnlyOnTheFirstLine() throws IOException {
        assertContains(csvRefusal("3\nlabel\n1\n"), "line 2: \"label\" is not a number");
    }

    @Test
    void csvNanIsNotTakenForAHeader() throws IOException {
        assertContains(csvRefusal("nan\n1\n"), "line 1: \"nan\" is not a number");
    }

    @Test
    void csvNonIntegralNumber() throws IOException {
        assertContains(csvRefusal("3\n2.5\n"), "line 2: 2.5 is not a whole number", "preds.argmax(axis=1)");
    }

    @Test
    void csvNumberBeyondInt() throws IOException {
        assertContains(csvRefusal("3\n1e12\n"), "line 2: 1e12 is not a class label; classes are 0..9.");
    }

    // JSON problems.

    private String jsonRefusal(String text) throws IOException {
        return refusal(write("predictions.json", text), N, Kind.MALFORMED).getMessage();
    }

    @Test
    void jsonSyntaxError() throws IOException {
        assertContains(jsonRefusal("[3, 1,"), "predictions.json is not valid JSON:", "json.dump(preds.tolist(), f)");
    }

    @Test
    void jsonNanAsPythonWritesIt() throws IOException {
        assertContains(jsonRefusal("[3, NaN]"), "predictions.json is not valid JSON:", "NaN");
    }

    @Test
    void jsonTrailingContent() throws IOException {
        assertContains(jsonRefusal("[3, 1] [4]"), "predictions.json is not valid JSON:", "Trailing token");
    }

    @Test
    void jsonObjectAroundTheArray() throws IOException {
        assertContains(jsonRefusal("{\"predictions\": [3, 1]}"), "holds a JSON object, but it must be an array",
                "Put the array itself at the top level");
    }

    @Test
    void jsonNestedArrays() throws IOException {
        assertContains(jsonRefusal("[[3], [1]]"), "element 0 is an array", "preds.ravel().tolist()");
    }

    @Test
    void jsonStrings() throws IOException {
        assertContains(jsonRefusal("[3, \"1\"]"), "element 1 is the string \"1\"; write numbers without quotes");
    }

    @Test
    void jsonNull() throws IOException {
        assertContains(jsonRefusal("[3, null]"), "element 1 is not a number (null)");
    }

    @Test
    void jsonNonIntegralNumberIsNotRounded() throws IOException {
        assertContains(jsonRefusal("[3, 3.0000000000000001]"), "element 1: 3.0000000000000001 is not a whole number");
    }

    @Test
    void jsonWhitespaceOnly() throws IOException {
        assertContains(jsonRefusal("  \n"), "predictions.json holds no JSON value");
    }
}
