package edu.mlcourse.hw5.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.CourseDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path folder;

    static byte[][] images(int count) {
        byte[][] images = new byte[count][FashionMnist.PIXELS];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < FashionMnist.PIXELS; p++) {
                images[i][p] = (byte) (p % 28 > 5 && p % 28 < 20 ? (i * 31 + p) % 256 : 0);
            }
        }
        return images;
    }

    @Test
    void imagesAndLabelsRoundTripCompressedOrNot() throws IOException {
        byte[][] images = images(5);
        byte[] labels = {9, 0, 3, 3, 7};
        for (String suffix : new String[] {"", ".gz"}) {
            Path imageFile = folder.resolve("images-idx3-ubyte" + suffix);
            Path labelFile = folder.resolve("labels-idx1-ubyte" + suffix);
            Idx.writeImages(imageFile, images, FashionMnist.ROWS, FashionMnist.COLUMNS);
            Idx.writeLabels(labelFile, labels);
            assertArrayEquals(images, Idx.readImages(imageFile));
            assertArrayEquals(labels, Idx.readLabels(labelFile));
        }
        assertEquals(16 + 5 * 784, Files.size(folder.resolve("images-idx3-ubyte")));
        assertTrue(Files.size(folder.resolve("images-idx3-ubyte.gz")) < Files.size(folder.resolve("images-idx3-ubyte")));
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws IOException {
        Path a = folder.resolve("a");
        Path b = folder.resolve("b");
        Idx.writeImages(a, images(20), FashionMnist.ROWS, FashionMnist.COLUMNS);
        Idx.writeImages(b, images(20), FashionMnist.ROWS, FashionMnist.COLUMNS);
        assertEquals(-1L, Files.mismatch(a, b));
    }

    @Test
    void refusesLabelsWhereImagesAreExpected() throws IOException {
        Path labels = folder.resolve("labels.gz");
        Idx.writeLabels(labels, new byte[] {1, 2});
        assertTrue(assertThrows(CourseDataException.class, () -> Idx.readImages(labels)).getMessage()
                .contains("is not an IDX file of unsigned bytes with 3 dimension(s)"));
    }
}
