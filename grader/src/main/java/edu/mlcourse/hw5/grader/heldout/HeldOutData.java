package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.data.HeldOutSet;
import java.nio.file.Path;

/**
 * The held-out images and their labels, read from a folder laid out as {@code heldout/} is
 * ({@code public/} images, {@code hidden/} labels), checksums verified.
 */
public record HeldOutData(byte[][] images, byte[] labels) {
    public static HeldOutData read(Path folder) {
        byte[][] images = HeldOutSet.readImages(folder.resolve(HeldOutSet.PUBLIC_FOLDER));
        byte[] labels = HeldOutSet.readLabels(folder.resolve(HeldOutSet.HIDDEN_FOLDER));
        if (images.length != labels.length) {
            throw new CourseDataException(folder + " holds " + images.length + " images but " + labels.length
                    + " labels; derive both again with `grader heldout derive`.");
        }
        return new HeldOutData(images, labels);
    }

    public int size() {
        return labels.length;
    }
}
