package edu.mlcourse.hw5.data;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.zip.CRC32;

/**
 * A gzip writer whose bytes depend only on the data written, on any JDK, OS or zlib.
 *
 * <p>Why not {@link java.util.zip.GZIPOutputStream}: its header is fixed (no time, no name), but
 * its compressed stream comes from the zlib the JDK is linked with (the system's on Linux), and
 * zlib promises identical output neither across its own versions nor across replacements such as
 * zlib-ng, which some distributions ship as their zlib. Committed data files whose SHA-256 is
 * recorded must be reproducible anywhere, so this class does its own compression.
 *
 * <p>The compression is simple and fixed: each run of a repeated byte becomes a match at distance
 * 1 (zlib's {@code Z_RLE} strategy), and each block of {@value #BLOCK} input bytes gets its own
 * Huffman codes (RFC 1951 dynamic blocks). On Fashion-MNIST images that is within 1% of
 * {@code gzip -6}. The gzip header holds no time and OS 255 ("unknown"), as RFC 1952 allows.
 * Changing anything here changes every file it wrote: regenerate those files and their checksums.
 */
final class StableGzipOutputStream extends OutputStream {
    static final int BLOCK = 1 << 16;

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int END_OF_BLOCK = 256;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
        59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
        4, 5, 5, 5, 5, 0};
    /** The order in which code-length code lengths are stored (RFC 1951, 3.2.7). */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private final OutputStream out;
    private final byte[] block = new byte[BLOCK];
    private final CRC32 crc = new CRC32();
    private int filled;
    private int previous = -1;
    private long size;
    private long bitBuffer;
    private int bitCount;
    private boolean closed;

    StableGzipOutputStream(OutputStream out) throws IOException {
        this.out = out;
        out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        crc.update(bytes, offset, length);
        size += length;
        while (length > 0) {
            int n = Math.min(length, BLOCK - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == BLOCK) {
                writeBlock(false);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            writeBlock(true);
            if (bitCount > 0) {
                out.write((int) bitBuffer);
            }
            int checksum = (int) crc.getValue();
            int isize = (int) size;
            out.write(new byte[] {(byte) checksum, (byte) (checksum >>> 8), (byte) (checksum >>> 16),
                (byte) (checksum >>> 24), (byte) isize, (byte) (isize >>> 8), (byte) (isize >>> 16), (byte) (isize >>> 24)});
        }
    }

    /** One dynamic-Huffman block holding {@code block[0, filled)}. */
    private void writeBlock(boolean last) throws IOException {
        // Tokens: a literal byte 0..255, or MAX_MATCH + length for a run copied from distance 1.
        int[] tokens = new int[filled];
        int count = 0;
        int[] literalFreq = new int[286];
        int[] distanceFreq = new int[30];
        for (int i = 0; i < filled; ) {
            int before = i > 0 ? block[i - 1] & 0xFF : previous;
            int run = 0;
            while (before >= 0 && i + run < filled && run < MAX_MATCH && (block[i + run] & 0xFF) == before) {
                run++;
            }
            if (run >= MIN_MATCH) {
                tokens[count++] = MAX_MATCH + run;
                literalFreq[257 + lengthCode(run)]++;
                distanceFreq[0]++;
                i += run;
            } else {
                tokens[count++] = block[i] & 0xFF;
                literalFreq[block[i] & 0xFF]++;
                i++;
            }
        }
        literalFreq[END_OF_BLOCK]++;
        if (filled > 0) {
            previous = block[filled - 1] & 0xFF;
        }
        filled = 0;

        int[] literalLengths = codeLengths(literalFreq, 15);
        int[] distanceLengths = codeLengths(distanceFreq, 15);
        int literalCount = Math.max(257, lastNonZero(literalLengths) + 1);
        int distanceCount = Math.max(1, lastNonZero(distanceLengths) + 1);
        int[] lengths = new int[literalCount + distanceCount];
        System.arraycopy(literalLengths, 0, lengths, 0, literalCount);
        System.arraycopy(distanceLengths, 0, lengths, literalCount, distanceCount);
        int[] runs = runLengthEncode(lengths);
        int[] codeLengthFreq = new int[19];
        for (int i = 0; i < runs.length; i += 2) {
            codeLengthFreq[runs[i]]++;
        }
        int[] codeLengthLengths = codeLengths(codeLengthFreq, 7);
        int stored = CODE_LENGTH_ORDER.length;
        while (stored > 4 && codeLengthLengths[CODE_LENGTH_ORDER[stored - 1]] == 0) {
            stored--;
        }

        writeBits(last ? 1 : 0, 1);
        writeBits(2, 2);
        writeBits(literalCount - 257, 5);
        writeBits(distanceCount - 1, 5);
        writeBits(stored - 4, 4);
        for (int i = 0; i < stored; i++) {
            writeBits(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        int[] codeLengthCodes = canonicalCodes(codeLengthLengths);
        for (int i = 0; i < runs.length; i += 2) {
            int symbol = runs[i];
            writeCode(codeLengthCodes, codeLengthLengths, symbol);
            if (symbol >= 16) {
                writeBits(runs[i + 1], symbol == 16 ? 2 : symbol == 17 ? 3 : 7);
            }
        }
        int[] literalCodes = canonicalCodes(literalLengths);
        int[] distanceCodes = canonicalCodes(distanceLengths);
        for (int t = 0; t < count; t++) {
            int token = tokens[t];
            if (token < 256) {
                writeCode(literalCodes, literalLengths, token);
            } else {
                int length = token - MAX_MATCH;
                int code = lengthCode(length);
                writeCode(literalCodes, literalLengths, 257 + code);
                writeBits(length - LENGTH_BASE[code], LENGTH_EXTRA[code]);
                writeCode(distanceCodes, distanceLengths, 0);
            }
        }
        writeCode(literalCodes, literalLengths, END_OF_BLOCK);
    }

    private static int lengthCode(int length) {
        int code = LENGTH_BASE.length - 1;
        while (LENGTH_BASE[code] > length) {
            code--;
        }
        return code;
    }

    /**
     * Code lengths as pairs (symbol, extra-bits value): 0..15 a length, 16 repeats the previous
     * one 3..6 times, 17 and 18 give 3..10 and 11..138 zeros.
     */
    private static int[] runLengthEncode(int[] lengths) {
        int[] pairs = new int[lengths.length * 2];
        int n = 0;
        for (int i = 0; i < lengths.length; ) {
            int value = lengths[i];
            int run = 1;
            while (i + run < lengths.length && lengths[i + run] == value) {
                run++;
            }
            i += run;
            if (value == 0) {
                for (; run >= 11; run -= Math.min(run, 138)) {
                    pairs[n++] = 18;
                    pairs[n++] = Math.min(run, 138) - 11;
                }
                if (run >= 3) {
                    pairs[n++] = 17;
                    pairs[n++] = run - 3;
                    run = 0;
                }
            } else {
                pairs[n++] = value;
                pairs[n++] = 0;
                for (run--; run >= 3; run -= Math.min(run, 6)) {
                    pairs[n++] = 16;
                    pairs[n++] = Math.min(run, 6) - 3;
                }
            }
            for (; run > 0; run--) {
                pairs[n++] = value;
                pairs[n++] = 0;
            }
        }
        return Arrays.copyOf(pairs, n);
    }

    /**
     * Huffman code lengths no longer than {@code maxBits}. At least two symbols get a code, so
     * that every code is complete, which strict inflaters require. Too-long codes are avoided by
     * flattening the frequencies and building again; ties break by symbol, so the result is fixed.
     */
    static int[] codeLengths(int[] frequencies, int maxBits) {
        int[] freq = frequencies.clone();
        for (int i = 0; i < freq.length && Arrays.stream(freq).filter(f -> f > 0).count() < 2; i++) {
            freq[i] = Math.max(freq[i], 1);
        }
        while (true) {
            int[] lengths = huffmanLengths(freq);
            if (Arrays.stream(lengths).max().orElse(0) <= maxBits) {
                return lengths;
            }
            for (int i = 0; i < freq.length; i++) {
                freq[i] = freq[i] == 0 ? 0 : (freq[i] + 1) / 2;
            }
        }
    }

    private static int[] huffmanLengths(int[] freq) {
        int symbols = freq.length;
        long[] weight = new long[2 * symbols];
        int[] parent = new int[2 * symbols];
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) ->
                weight[a] != weight[b] ? Long.compare(weight[a], weight[b]) : Integer.compare(a, b));
        for (int s = 0; s < symbols; s++) {
            if (freq[s] > 0) {
                weight[s] = freq[s];
                queue.add(s);
            }
        }
        int next = symbols;
        while (queue.size() > 1) {
            int a = queue.poll();
            int b = queue.poll();
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            queue.add(next++);
        }
        int root = next - 1;
        int[] lengths = new int[symbols];
        for (int s = 0; s < symbols; s++) {
            if (freq[s] > 0) {
                for (int node = s; node != root; node = parent[node]) {
                    lengths[s]++;
                }
            }
        }
        return lengths;
    }

    /** Canonical Huffman codes for the lengths (RFC 1951, 3.2.2). */
    private static int[] canonicalCodes(int[] lengths) {
        int[] lengthCount = new int[16];
        for (int length : lengths) {
            lengthCount[length]++;
        }
        lengthCount[0] = 0;
        int[] nextCode = new int[16];
        for (int bits = 1, code = 0; bits < 16; bits++) {
            code = (code + lengthCount[bits - 1]) << 1;
            nextCode[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            if (lengths[s] > 0) {
                codes[s] = nextCode[lengths[s]]++;
            }
        }
        return codes;
    }

    private static int lastNonZero(int[] values) {
        int last = values.length - 1;
        while (last >= 0 && values[last] == 0) {
            last--;
        }
        return last;
    }

    /** Huffman codes are packed starting from their most significant bit, hence the reversal. */
    private void writeCode(int[] codes, int[] lengths, int symbol) throws IOException {
        int length = lengths[symbol];
        writeBits(Integer.reverse(codes[symbol]) >>> (32 - length), length);
    }

    /** Appends the low {@code count} bits of {@code value}, least significant first. */
    private void writeBits(int value, int count) throws IOException {
        bitBuffer |= (long) value << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            out.write((int) bitBuffer & 0xFF);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }
}
