package edu.mlcourse.hw5.data;

import java.util.Objects;

/**
 * Images with their labels, as the files hold them.
 *
 * @param images N images, each {@value FashionMnist#PIXELS} pixels 0..255 (unsigned bytes), row after row
 * @param labels N labels, {@code labels[i]} the class 0..9 of {@code images[i]}
 */
public record LabelledImages(byte[][] images, byte[] labels) {
    public LabelledImages {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** The label of image {@code i} as a class number 0..9. */
    public int label(int i) {
        return Byte.toUnsignedInt(labels[i]);
    }

    /** The images and labels at {@code indices}, in that order (the arrays are shared, not copied). */
    public LabelledImages select(int[] indices) {
        byte[][] chosen = new byte[indices.length][];
        byte[] chosenLabels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            chosen[i] = images[indices[i]];
            chosenLabels[i] = labels[indices[i]];
        }
        return new LabelledImages(chosen, chosenLabels);
    }
}
