package edu.mlcourse.hw5.data;

import edu.mlcourse.hw5.CourseDataException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes the IDX files MNIST and Fashion-MNIST come in: a big-endian header (two zero
 * bytes, a type byte 0x08 for unsigned bytes, the number of dimensions, each dimension as a 32-bit
 * int) followed by the values. Files ending in {@code .gz} are gunzipped on the fly.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    private Idx() {
    }

    /** Images as an N×rows×columns IDX file, returned as N rows of rows·columns pixels 0..255. */
    public static byte[][] readImages(Path file) {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, 3, file);
            byte[][] images = new byte[dims[0]][dims[1] * dims[2]];
            for (byte[] image : images) {
                in.readFully(image);
            }
            return images;
        } catch (EOFException e) {
            throw new CourseDataException(file + " is truncated: it ends before the sizes its header declares."
                    + " Download it again.", e);
        } catch (IOException e) {
            throw new CourseDataException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Labels as a one-dimensional IDX file, 0..255 each. */
    public static byte[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, 1, file);
            byte[] labels = new byte[dims[0]];
            in.readFully(labels);
            return labels;
        } catch (EOFException e) {
            throw new CourseDataException(file + " is truncated: it ends before the sizes its header declares."
                    + " Download it again.", e);
        } catch (IOException e) {
            throw new CourseDataException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes images (each rows·columns bytes) as an IDX file, gzip-compressed if the name ends in
     * {@code .gz}; the bytes depend only on the images, whatever the JDK or platform.
     */
    public static void writeImages(Path file, byte[][] images, int rows, int columns) throws IOException {
        try (DataOutputStream out = create(file)) {
            out.writeInt(UNSIGNED_BYTE << 8 | 3);
            out.writeInt(images.length);
            out.writeInt(rows);
            out.writeInt(columns);
            for (byte[] image : images) {
                if (image.length != rows * columns) {
                    throw new IllegalArgumentException("an image has " + image.length + " pixels, expected " + rows * columns);
                }
                out.write(image);
            }
        }
    }

    /** Writes labels as a one-dimensional IDX file, gzip-compressed (reproducibly) if the name ends in {@code .gz}. */
    public static void writeLabels(Path file, byte[] labels) throws IOException {
        try (DataOutputStream out = create(file)) {
            out.writeInt(UNSIGNED_BYTE << 8 | 1);
            out.writeInt(labels.length);
            out.write(labels);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CourseDataException(file + " does not exist or is not a file.");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(in);
    }

    private static DataOutputStream create(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            // Readable anywhere, but the compressed bytes depend on the JDK's zlib: files that must
            // be reproducible byte for byte are written uncompressed.
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    }

    private static int[] header(DataInputStream in, int expectedDims, Path file) throws IOException {
        int magic = in.readInt();
        int type = magic >>> 8;
        int dims = magic & 0xFF;
        if (type != UNSIGNED_BYTE || dims != expectedDims) {
            throw new CourseDataException(file + " is not an IDX file of unsigned bytes with " + expectedDims
                    + " dimension(s) (its magic number is 0x" + Integer.toHexString(magic) + ").");
        }
        int[] sizes = new int[dims];
        long total = 1;
        for (int i = 0; i < dims; i++) {
            sizes[i] = in.readInt();
            total *= Math.max(sizes[i], 0);
            if (sizes[i] < 0 || total > Integer.MAX_VALUE) {
                throw new CourseDataException(file + " declares an impossible size in its header.");
            }
        }
        return sizes;
    }
}
