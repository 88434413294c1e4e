package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.vectors.Sha256;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * SHA-256 of what a model computes: its input scaling and every layer, weights and biases bit for
 * bit. Unlike the file's own digest it survives re-saving, reformatting or reordering the JSON.
 */
final class ModelDigest {
    private ModelDigest() {
    }

    static String of(ModelFile model) {
        MessageDigest digest = Sha256.newDigest();
        // Streamed into the digest: a model of millions of weights is never copied whole.
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DigestOutputStream(OutputStream.nullOutputStream(), digest), 1 << 16))) {
            out.writeDouble(model.input().scale());
            out.writeDouble(model.input().mean());
            out.writeDouble(model.input().std());
            for (Layer layer : model.layers()) {
                if (layer instanceof Layer.Linear linear) {
                    out.writeUTF("linear");
                    out.writeInt(linear.weights().length);
                    for (double[] row : linear.weights()) {
                        write(out, row);
                    }
                    write(out, linear.bias());
                } else {
                    out.writeUTF(layer instanceof Layer.Relu ? "relu" : "softmax");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stream into a digest cannot fail", e);
        }
        return Sha256.hex(digest);
    }

    private static void write(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }
}
