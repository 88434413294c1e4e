package edu.mlcourse.hw5.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.Hw5Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** my_model.json: both formats read, shapes inferred and checked, every refusal says what to fix. */
class ModelFilesTest {
    @TempDir
    Path dir;

    private static Layer.Conv2d conv(int filters, int channels, int k, int stride, int padding) {
        return new Layer.Conv2d(new double[filters][channels][k][k], new double[filters], new int[] {stride, stride},
                new int[] {padding, padding});
    }

    private static Layer.Linear linear(int in, int out) {
        return new Layer.Linear(new double[in][out], new double[out]);
    }

    private static Layer.MaxPool2d pool(int k) {
        return new Layer.MaxPool2d(new int[] {k, k}, new int[] {k, k}, new int[] {0, 0});
    }

    @Test
    void aFirstFormatFileIsStillReadAsFlattenedImages() throws IOException {
        Path file = dir.resolve("my_model.json");
        Files.writeString(file, "{\"format\": \"hw5-model/1\", \"input\": {\"scale\": 255.0, \"mean\": 0.0, \"std\": 1.0},"
                + " \"layers\": [{\"type\": \"linear\", \"W\": " + zeros(784, 3) + ", \"b\": [0, 0, 0]}, {\"type\": \"relu\"},"
                + " {\"type\": \"linear\", \"W\": " + zeros(3, 10) + ", \"b\": " + zeros(1, 10).substring(1, zeros(1, 10).length() - 1)
                + "}, {\"type\": \"softmax\"}]}");
        ModelFile model = ModelFiles.read(file);
        assertEquals(ModelFile.Input.FLAT, model.input().shape());
        assertEquals(784 * 3 + 3 + 30 + 10, ModelFiles.validate(model, file).parameters());
    }

    @Test
    void shapesChainThroughConvolutionsPoolingAndFlatten() {
        ModelFile model = ModelFile.of(ModelFile.Input.UNIT_SCALE, List.of(conv(16, 1, 3, 1, 1), new Layer.Relu(), pool(2),
                conv(32, 16, 3, 1, 1), pool(2), new Layer.Flatten(), new Layer.Dropout(0.5), linear(1568, 10)));
        ModelShapes.Summary summary = ModelFiles.validate(model, Path.of("my_model.json"));
        assertArrayEquals(new int[] {16, 28, 28}, summary.shapes().get(1));
        assertArrayEquals(new int[] {32, 7, 7}, summary.shapes().get(5));
        assertArrayEquals(new int[] {10}, summary.output());
        assertEquals(28 * 28 * 16 * 9 + 14 * 14 * 32 * 16 * 9 + 1568 * 10, summary.multiplyAdds());
    }

    @Test
    void refusalsSayWhatToFix() {
        assertRefused("put a flatten layer before it", List.of(conv(4, 1, 3, 1, 1), linear(4 * 26 * 26, 10)));
        assertRefused("weight must be [filters][channels][kh][kw]", List.of(conv(4, 3, 3, 1, 1), new Layer.Flatten(),
                linear(4 * 26 * 26, 10)));
        assertRefused("must end with 10 values", List.of(new Layer.Flatten(), linear(784, 5)));
        assertRefused("multiply-adds per image", List.of(conv(64, 1, 3, 1, 1), conv(64, 64, 3, 1, 1), new Layer.Flatten(),
                linear(64 * 28 * 28, 10)));
        Hw5Exception v1 = assertThrows(Hw5Exception.class, () -> ModelFiles.validate(new ModelFile(ModelFile.FORMAT_V1,
                ModelFile.Input.UNIT_SCALE, List.of(conv(10, 1, 28, 1, 0), new Layer.Flatten())), Path.of("my_model.json")));
        assertTrue(v1.getMessage().contains("needs \"format\": \"hw5-model/2\""), v1.getMessage());
    }

    private static void assertRefused(String fragment, List<Layer> layers) {
        Hw5Exception e = assertThrows(Hw5Exception.class,
                () -> ModelFiles.validate(ModelFile.of(ModelFile.Input.UNIT_SCALE, layers), Path.of("my_model.json")));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static String zeros(int rows, int columns) {
        String row = "[" + String.join(", ", java.util.Collections.nCopies(columns, "0")) + "]";
        return "[" + String.join(", ", java.util.Collections.nCopies(rows, row)) + "]";
    }
}
