package edu.mlcourse.hw5.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.vectors.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The derivation on a tiny synthetic test set. */
class HeldOutSetTest {
    static final int COUNT = 30;
    static final long SEED = 99;

    @TempDir
    Path out;

    byte[][] testImages;
    byte[] testLabels;

    @BeforeEach
    void makeATinyTestSet() throws IOException {
        testImages = new byte[COUNT][FashionMnist.PIXELS];
        testLabels = new byte[COUNT];
        for (int i = 0; i < COUNT; i++) {
            Arrays.fill(testImages[i], 100, 300, (byte) (i + 1));
            testImages[i][0] = (byte) i;
            testLabels[i] = (byte) (i % FashionMnist.CLASSES);
        }
        HeldOutSet.derive(testImages, testLabels, SEED, out);
    }

    private Path publicFolder() {
        return out.resolve(HeldOutSet.PUBLIC_FOLDER);
    }

    private Path hiddenFolder() {
        return out.resolve(HeldOutSet.HIDDEN_FOLDER);
    }

    @Test
    void orderIsASeededPermutation() {
        int[] order = HeldOutSet.order(1000, SEED);
        assertArrayEquals(IntStream.range(0, 1000).toArray(), IntStream.of(order).sorted().toArray());
        assertArrayEquals(order, HeldOutSet.order(1000, SEED));
        assertFalse(Arrays.equals(order, HeldOutSet.order(1000, SEED + 1)));
        assertTrue(IntStream.range(0, 1000).filter(k -> order[k] == k).count() < 10, "actually shuffled");
    }

    @Test
    void orderIsPinnedBecauseCommittedFilesDependOnIt() {
        // Fisher–Yates with SplittableRandom; a change here changes heldout/ and must bump the version.
        assertArrayEquals(new int[] {3, 4, 7, 0, 8, 5, 9, 2, 6, 1}, HeldOutSet.order(10, 42));
    }

    @Test
    void writesTheShuffledImagesForStudentsAndTheLabelsForTheGraderOnly() {
        int[] order = HeldOutSet.order(COUNT, SEED);
        byte[][] images = HeldOutSet.readImages(publicFolder());
        byte[] labels = HeldOutSet.readLabels(hiddenFolder());
        assertEquals(COUNT, images.length);
        for (int k = 0; k < COUNT; k++) {
            assertArrayEquals(testImages[order[k]], images[k], "image " + k);
            assertEquals(testLabels[order[k]], labels[k], "label " + k);
        }
        assertTrue(Files.exists(publicFolder().resolve(HeldOutSet.IMAGES_FILE)));
        assertFalse(Files.exists(publicFolder().resolve(HeldOutSet.LABELS_FILE)), "no labels go to students");
        for (String file : HeldOutSet.FILES) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
    }

    @Test
    void manifestsRecordSetSeedAndVersion() throws IOException {
        Manifest images = Json.mapper().readValue(publicFolder().resolve(Manifest.FILE_NAME).toFile(), Manifest.class);
        Manifest labels = Json.mapper().readValue(hiddenFolder().resolve(Manifest.FILE_NAME).toFile(), Manifest.class);
        assertEquals(HeldOutSet.IMAGES_SET, images.set());
        assertEquals(HeldOutSet.LABELS_SET, labels.set());
        assertEquals(SEED, images.seed());
        assertEquals(SEED, labels.seed());
        assertEquals(HeldOutSet.GENERATOR_VERSION, images.generatorVersion());
        assertEquals(java.util.Set.of(HeldOutSet.IMAGES_FILE), images.files().keySet());
    }

    @Test
    void derivingAgainGivesTheSameBytes(@TempDir Path again) throws IOException {
        HeldOutSet.derive(testImages, testLabels, SEED, again);
        for (String file : HeldOutSet.FILES) {
            assertEquals(-1L, Files.mismatch(out.resolve(file), again.resolve(file)), file);
        }
    }

    @Test
    void refusesAnEditedLabelsFile() throws IOException {
        Idx.writeLabels(hiddenFolder().resolve(HeldOutSet.LABELS_FILE), new byte[COUNT]);
        String message = assertThrows(CourseDataException.class, () -> HeldOutSet.readLabels(hiddenFolder())).getMessage();
        assertTrue(message.startsWith("Checksum mismatch for "), message);
        assertTrue(message.contains("heldout derive"), message);
    }

    @Test
    void refusesSwappedOrMissingFolders() {
        assertTrue(assertThrows(CourseDataException.class, () -> HeldOutSet.readLabels(publicFolder())).getMessage()
                .contains("describes the set \"heldout-images\", not \"heldout-labels\""));
        assertTrue(assertThrows(CourseDataException.class, () -> HeldOutSet.readImages(out)).getMessage()
                .contains("manifest.json is missing"));
    }

    @Test
    void refusesInputsThatAreNotATestSet() {
        byte[][] twoImages = Arrays.copyOf(testImages, 2);
        assertTrue(assertThrows(CourseDataException.class, () -> HeldOutSet.derive(twoImages, testLabels, SEED, out))
                .getMessage().contains("from 2 images and 30 labels"));
        byte[] badLabels = testLabels.clone();
        badLabels[3] = 10;
        assertTrue(assertThrows(CourseDataException.class, () -> HeldOutSet.derive(testImages, badLabels, SEED, out))
                .getMessage().contains("Test label 3 is 10"));
        byte[][] smallImages = testImages.clone();
        smallImages[5] = new byte[10];
        assertTrue(assertThrows(CourseDataException.class, () -> HeldOutSet.derive(smallImages, testLabels, SEED, out))
                .getMessage().contains("Test image 5 has 10 pixels"));
    }
}
