package hw5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.data.Examples;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.data.Q2Data;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.reference.train.HeldOutScore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short training runs on a slice of the data: a few seconds, part of every {@code mvn verify}. */
class Q2TrainingTest {
    private static final Path HELD_OUT = Path.of("..", "heldout");
    private static Q2Data data;

    @BeforeAll
    static void loadTheDatasetOnce() {
        assumeTrue(FashionMnist.isAvailable(), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        data = Q2Data.load(FashionMnist.locate(Optional.empty()), HELD_OUT.resolve("public"), Q2.INPUT,
                Q2Data.DEFAULT_VALIDATION_SIZE, Q2Data.DEFAULT_SPLIT_SEED);
    }

    /** The first n examples or inputs of each set. */
    private static Q2Data slice(int training, int validation, int heldOut) {
        return new Q2Data(first(data.training(), training), first(data.validation(), validation),
                Arrays.copyOf(data.heldOut(), heldOut));
    }

    private static Examples first(Examples examples, int n) {
        return new Examples(Arrays.copyOf(examples.inputs(), n), Arrays.copyOf(examples.labels(), n));
    }

    private static Training.Result train(Path out, int threads, Q2Data subset) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Training.train(new Training.Settings(Optional.empty(), out, 5, 1, threads, HELD_OUT.resolve("public")), subset, quiet);
    }

    @Test
    void oneEpochOnAFewThousandImagesIsFarAboveChanceAndWritesBothFiles(@TempDir Path out) throws IOException {
        Training.Result result = train(out, 2, slice(3000, 2000, 10000));
        // Chance is 10%; one epoch over 3000 images gives about 80%.
        assertTrue(result.validationAccuracy() > 0.6, "validation accuracy " + result.validationAccuracy());
        assertTrue(HeldOutScore.accuracy(result.heldOutPredictions(), HeldOutSet.readLabels(HELD_OUT.resolve("hidden"))) > 0.6);

        ModelFile model = ModelFiles.read(out.resolve(ModelFile.FILE_NAME));
        assertEquals(ModelFile.Input.UNIT_SCALE, model.input());
        assertEquals(784, ((Layer.Linear) model.layers().get(0)).inputs());

        byte[] npy = Files.readAllBytes(out.resolve(Q2.PREDICTIONS_FILE));
        String magic = new String(npy, 1, 5, StandardCharsets.US_ASCII);
        int headerLength = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals("NUMPY", magic);
        assertEquals(0x93, npy[0] & 0xFF);
        assertEquals(0, (10 + headerLength) % 64, "header padded to a multiple of 64 bytes");
        assertTrue(header.startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (10000,), }"), header);
        assertTrue(header.endsWith("\n"));
        ByteBuffer values = ByteBuffer.wrap(npy, 10 + headerLength, 8 * 10000).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 10000; i++) {
            assertEquals(result.heldOutPredictions()[i], values.getLong());
        }
        assertEquals(10 + headerLength + 8 * 10000, npy.length);
    }

    @Test
    void sameSeedGivesTheSameFilesBitForBitWithOneOrThreeThreads(@TempDir Path out) throws IOException {
        // One thread trains the networks one after the other; three train them at the same time.
        Q2Data small = slice(640, 200, 200);
        Training.Result one = train(out.resolve("one"), 1, small);
        Training.Result three = train(out.resolve("three"), 3, small);
        List<double[]> a = one.network().parameters();
        List<double[]> b = three.network().parameters();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0.0, "parameter array " + i);
        }
        for (String file : List.of(ModelFile.FILE_NAME, Q2.PREDICTIONS_FILE)) {
            assertEquals(-1L, Files.mismatch(out.resolve("one").resolve(file), out.resolve("three").resolve(file)), file);
        }
    }
}
