package edu.mlcourse.hw5.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NpyWriter against files numpy's np.save wrote (see make_fixtures.py). */
class NpyWriterTest {
    private static void assertSameAsNumpy(String fixture, int[] labels) throws IOException {
        assertArrayEquals(Files.readAllBytes(NpyReaderTest.FIXTURES.resolve(fixture)), NpyWriter.toBytes(labels), fixture);
    }

    @Test
    void writesExactlyWhatNpSaveWrites() throws IOException {
        assertSameAsNumpy("ok_i8_le_v1.npy", NpyReaderTest.LABELS);
        assertSameAsNumpy("ok_empty_i8.npy", new int[0]);
        assertSameAsNumpy("save_i8_n1.npy", new int[] {7});
        assertSameAsNumpy("save_i8_n1000.npy", IntStream.range(0, 1000).map(i -> i % 10).toArray());
        assertSameAsNumpy("wide_i8_le.npy", new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE});
    }

    @Test
    void whatItWritesReadsBack(@TempDir Path folder) throws IOException {
        int[] labels = IntStream.range(0, 12345).map(i -> (i * 7) % 10).toArray();
        Path file = folder.resolve("predictions.npy");
        NpyWriter.write(file, labels);
        assertArrayEquals(labels, NpyReader.readInts(file));
    }
}
