package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.vectors.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * SHA-256 of a function's outputs, bit for bit: shapes and the exact bits of every double. Equal
 * digests mean the very same numbers, not numbers within a tolerance.
 */
final class OutputDigest {
    private static final int NULL = 0;
    private static final int VECTOR = 1;
    private static final int MATRIX = 2;

    private OutputDigest() {
    }

    public static String of(Object[] outputs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(outputs.length);
            for (Object output : outputs) {
                if (output instanceof double[] vector) {
                    out.writeByte(VECTOR);
                    write(out, vector);
                } else if (output instanceof double[][] matrix) {
                    out.writeByte(MATRIX);
                    out.writeInt(matrix.length);
                    for (double[] row : matrix) {
                        write(out, row);
                    }
                } else {
                    out.writeByte(NULL);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
        return Sha256.of(bytes.toByteArray());
    }

    private static void write(DataOutputStream out, double[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }
}
