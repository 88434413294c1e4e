package edu.mlcourse.hw5.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes labels as numpy does: {@code np.save(f, np.array(labels, dtype='<i8'))} and this class
 * give byte-identical files (format 1.0, dtype {@code <i8}, shape {@code (N,)}).
 *
 * <p>numpy writes the dict {@code {'descr': '<i8', 'fortran_order': False, 'shape': (N,), }},
 * then spaces and a newline so that the data starts at a multiple of 64 bytes. Recent numpy also
 * reserves spaces for the shape to grow to 21 digits; with or without that reserve the padding is
 * all spaces and the data starts at byte 128, so older numpy writes the same bytes. Checked against
 * numpy 1.24 by {@code NpyWriterTest} and {@code make_fixtures.py}.
 */
public final class NpyWriter {
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final byte[] PREFIX = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {
    }

    /** Writes {@code labels} to {@code file}, replacing it. */
    public static void write(Path file, int[] labels) throws IOException {
        Files.write(file, toBytes(labels));
    }

    /** The bytes of an {@code .npy} file holding {@code labels} as little-endian int64. */
    public static byte[] toBytes(int[] labels) {
        String length = Integer.toString(labels.length);
        String dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + length + ",), }"
                + " ".repeat(GROWTH_AXIS_MAX_DIGITS - length.length());
        int unpadded = PREFIX.length + 2 + dict.length() + 1;
        int padding = ALIGN - unpadded % ALIGN;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(PREFIX.length + 2 + header.length() + 8 * labels.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(PREFIX).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (int label : labels) {
            out.putLong(label);
        }
        return out.array();
    }
}
