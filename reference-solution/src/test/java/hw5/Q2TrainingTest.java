package hw5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.console.ProgressBar;
import edu.mlcourse.hw5.data.Examples;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.Q2Data;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.parallel.Workers;
import edu.mlcourse.hw5.reference.train.HeldOutScore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short training runs on a slice of the data: a few seconds, part of every {@code mvn verify}. */
class Q2TrainingTest {
    private static final int EXAMPLES = 3000;

    @BeforeAll
    static void needsTheDataset() {
        assumeTrue(FashionMnist.isAvailable(), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    }

    private static Q2.Result train(Path out, int threads, int examples) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Q2.train(new Q2.Settings(Optional.empty(), out, 5, 1, threads, examples), quiet);
    }

    @Test
    void oneEpochOnAFewThousandImagesIsFarAboveChanceAndWritesBothFiles(@TempDir Path out) throws IOException {
        Q2.Result result = train(out, 2, EXAMPLES);
        // Chance is 10%; one epoch over 3000 images gives about 75%.
        assertTrue(result.validationAccuracy() > 0.6, "validation accuracy " + result.validationAccuracy());
        assertTrue(HeldOutScore.accuracy(result.heldOutPredictions(), FashionMnist.locate(Optional.empty())) > 0.6);

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
    void sameSeedGivesTheSameWeightsBitForBitWithOneOrThreeThreads() {
        Q2Data data = Q2Data.load(FashionMnist.locate(Optional.empty()), Q2.INPUT, 10, Q2Data.DEFAULT_SPLIT_SEED);
        Examples slice = new Examples(Arrays.copyOf(data.training().inputs(), 640),
                Arrays.copyOf(data.training().labels(), 640));
        List<double[]> one = trainedWeights(slice, 1);
        List<double[]> three = trainedWeights(slice, 3);
        assertEquals(one.size(), three.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), three.get(i), 0.0, "parameter array " + i);
        }
    }

    /** The averaged weights after one epoch, as Q2.train computes them. */
    private static List<double[]> trainedWeights(Examples training, int threads) {
        Random random = new Random(11);
        Q2.Network network = Q2.Network.create(Q2.LAYER_SIZES, random);
        Q2.Adam adam = new Q2.Adam(network.parameters(), Q2.BETA1, Q2.BETA2, Q2.EPSILON);
        Q2.Network averaged = network.copy();
        Q2.WeightAverage average = new Q2.WeightAverage(averaged.parameters(), network.parameters(), Q2.AVERAGE_DECAY);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Workers workers = Workers.create(threads)) {
            Q2.trainEpoch(network, adam, average, training, Q2.LEARNING_RATE, random, workers,
                    ProgressBar.on(quiet, "epoch", training.size()));
        }
        return averaged.parameters();
    }
}
