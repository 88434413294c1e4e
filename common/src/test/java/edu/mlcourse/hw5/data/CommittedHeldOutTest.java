package edu.mlcourse.hw5.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.vectors.Manifest;
import edu.mlcourse.hw5.vectors.ManifestFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed heldout/ folder: intact, balanced, and exactly what the derivation makes. */
class CommittedHeldOutTest {
    static final Path HELDOUT = Path.of("..", "heldout");

    @Test
    void committedFilesMatchTheirManifestsAndHoldTheWholeTestSet() {
        byte[][] images = HeldOutSet.readImages(HELDOUT.resolve(HeldOutSet.PUBLIC_FOLDER));
        byte[] labels = HeldOutSet.readLabels(HELDOUT.resolve(HeldOutSet.HIDDEN_FOLDER));
        assertEquals(10_000, images.length);
        assertEquals(10_000, labels.length);
        int[] perClass = new int[FashionMnist.CLASSES];
        for (byte label : labels) {
            perClass[label]++;
        }
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, perClass,
                "Fashion-MNIST's test set has 1000 images of each class");
    }

    @Test
    void bothManifestsRecordTheDefaultSeedAndTheCurrentGenerator() {
        for (String folder : new String[] {HeldOutSet.PUBLIC_FOLDER, HeldOutSet.HIDDEN_FOLDER}) {
            Manifest manifest = ManifestFolder.open(HELDOUT.resolve(folder), "", IllegalStateException::new).manifest();
            assertEquals(HeldOutSet.DEFAULT_SEED, manifest.seed(), folder);
            assertEquals(HeldOutSet.GENERATOR_VERSION, manifest.generatorVersion(), folder);
        }
    }

    @Test
    void derivingFromFashionMnistReproducesTheCommittedFilesByteForByte(@TempDir Path fresh) throws IOException {
        assumeTrue(FashionMnist.isAvailable(), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        FashionMnist dataset = FashionMnist.locate(Optional.empty());
        HeldOutSet.derive(dataset, HeldOutSet.DEFAULT_SEED, fresh);
        for (String file : HeldOutSet.FILES) {
            assertEquals(-1L, Files.mismatch(HELDOUT.resolve(file), fresh.resolve(file)),
                    "heldout/" + file + " differs from a fresh derivation with seed " + HeldOutSet.DEFAULT_SEED);
        }
        int[] order = HeldOutSet.order(10_000, HeldOutSet.DEFAULT_SEED);
        byte[] testLabels = dataset.testLabels();
        byte[] heldOutLabels = HeldOutSet.readLabels(HELDOUT.resolve(HeldOutSet.HIDDEN_FOLDER));
        for (int k = 0; k < order.length; k++) {
            assertEquals(testLabels[order[k]], heldOutLabels[k], "held-out label " + k);
        }
    }
}
