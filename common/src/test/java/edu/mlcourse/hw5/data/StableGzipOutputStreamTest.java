package edu.mlcourse.hw5.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.vectors.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class StableGzipOutputStreamTest {
    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StableGzipOutputStream out = new StableGzipOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static void assertRoundTrip(byte[] data) throws IOException {
        assertArrayEquals(data, gunzip(gzip(data)), "length " + data.length);
    }

    /** Runs of zeros between noisy stretches, like the images: every kind of token and block edge. */
    static byte[] imageLike(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] data = new byte[length];
        for (int i = 0; i < length; ) {
            int run = random.nextInt(1, 600);
            if (random.nextBoolean()) {
                byte value = (byte) (random.nextBoolean() ? 0 : random.nextInt(256));
                Arrays.fill(data, i, Math.min(length, i + run), value);
            } else {
                for (int j = i; j < Math.min(length, i + run); j++) {
                    data[j] = (byte) random.nextInt(256);
                }
            }
            i += run;
        }
        return data;
    }

    @Test
    void javasInflaterReadsBackEveryShapeOfInput() throws IOException {
        assertRoundTrip(new byte[0]);
        assertRoundTrip(new byte[] {42});
        assertRoundTrip(new byte[] {1, 2});
        assertRoundTrip(new byte[] {7, 7, 7, 7});
        assertRoundTrip(new byte[3 * StableGzipOutputStream.BLOCK]);
        for (int length : new int[] {257, 258, 259, 260, 516, StableGzipOutputStream.BLOCK - 1,
            StableGzipOutputStream.BLOCK, StableGzipOutputStream.BLOCK + 1}) {
            byte[] run = new byte[length];
            Arrays.fill(run, (byte) 200);
            assertRoundTrip(run);
        }
        byte[] noise = new byte[200_000];
        new SplittableRandom(1).nextBytes(noise);
        assertRoundTrip(noise);
        assertRoundTrip(imageLike(1_000_000, 2));
    }

    @Test
    void limitsCodeLengthsEvenForVerySkewedFrequencies() throws IOException {
        // Fibonacci counts make an unlimited Huffman tree about 25 levels deep, past deflate's 15.
        ByteArrayOutputStream skewed = new ByteArrayOutputStream();
        long a = 1;
        long b = 1;
        for (int symbol = 0; symbol < 26; symbol++) {
            for (long k = 0; k < a; k++) {
                skewed.write(symbol % 2 == 0 ? symbol : 255 - symbol);
                skewed.write(k % 2 == 0 ? 100 + symbol : 50);
            }
            long c = a + b;
            a = b;
            b = c;
        }
        int[] freq = new int[30];
        long f1 = 1;
        long f2 = 1;
        for (int i = 0; i < freq.length; i++) {
            freq[i] = (int) f1;
            long f3 = f1 + f2;
            f1 = f2;
            f2 = f3;
        }
        assertTrue(Arrays.stream(StableGzipOutputStream.codeLengths(freq, 15)).max().getAsInt() <= 15);
        assertTrue(Arrays.stream(StableGzipOutputStream.codeLengths(freq, 7)).max().getAsInt() <= 7);
        assertRoundTrip(skewed.toByteArray());
    }

    @Test
    void outputIsPinnedSoThatCommittedFilesStayReproducible() throws IOException {
        byte[] gz = gzip(imageLike(300_000, 3));
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, Arrays.copyOf(gz, 10),
                "gzip header without time or name, OS unknown");
        // If this changes, every committed .gz this class wrote (heldout/) must be regenerated.
        assertEquals("1359b62e340d6c928753a451c1c0680d792445806ec72049cd02649d39573d61", Sha256.of(gz));
    }

    @Test
    void compressesImagesAboutAsWellAsZlib() throws IOException {
        byte[] data = imageLike(1_000_000, 4);
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(zlib)) {
            out.write(data);
        }
        int ours = gzip(data).length;
        assertTrue(ours < 1.1 * zlib.size(), "ours " + ours + " vs zlib " + zlib.size());
    }
}
