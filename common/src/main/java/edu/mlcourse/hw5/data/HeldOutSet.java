package edu.mlcourse.hw5.data;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.vectors.ManifestFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Q2's held-out set: all of Fashion-MNIST's test images (t10k), in an order shuffled by a seed.
 * Students receive {@code public/} (the images); only the grader has {@code hidden/} (the labels).
 * Each folder has a {@code manifest.json} with the files' SHA-256, which the loaders check.
 *
 * <pre>{@code
 * heldout/public/images-idx3-ubyte   heldout/public/manifest.json   (set "heldout-images")
 * heldout/hidden/labels-idx1-ubyte   heldout/hidden/manifest.json   (set "heldout-labels")
 * }</pre>
 *
 * <p>The derivation is fixed so that anyone can re-derive the committed files byte for byte: held-out
 * image {@code k} is test image {@code order(n, seed)[k]} (see {@link #order}), the IDX files are
 * written uncompressed by {@link Idx} (gzip bytes would depend on the JDK's zlib; git, jars and zips
 * compress them anyway), and the manifests record
 * {@link #GENERATOR_VERSION} and the seed. Change any of that and bump the version.
 */
public final class HeldOutSet {
    /** The seed of the committed set (a date, 2026-11-27, and the homework's number, 5). */
    public static final long DEFAULT_SEED = 2026_11_27_05L;
    /** Bump when the order, the file format or the compression changes. */
    public static final String GENERATOR_VERSION = "2";
    public static final String PUBLIC_FOLDER = "public";
    public static final String HIDDEN_FOLDER = "hidden";
    public static final String IMAGES_FILE = "images-idx3-ubyte";
    public static final String LABELS_FILE = "labels-idx1-ubyte";
    public static final String IMAGES_SET = "heldout-images";
    public static final String LABELS_SET = "heldout-labels";
    /** Every file {@link #derive} writes, relative to its output folder. */
    public static final List<String> FILES = List.of(
            PUBLIC_FOLDER + "/" + IMAGES_FILE, PUBLIC_FOLDER + "/manifest.json",
            HIDDEN_FOLDER + "/" + LABELS_FILE, HIDDEN_FOLDER + "/manifest.json");

    private static final String REMEDY = "Restore heldout/ from the repository, or regenerate it with"
            + " `java -jar grader/target/grader.jar heldout derive` (see heldout/README.md).";

    private HeldOutSet() {
    }

    /**
     * Where each held-out item comes from: {@code order[k]} is the index in the test set of
     * held-out item {@code k}. Fisher–Yates from the last position down, each swap partner drawn
     * by {@code new SplittableRandom(seed).nextInt(i + 1)}.
     */
    public static int[] order(int count, long seed) {
        return RandomOrder.of(count, new SplittableRandom(seed));
    }

    /** Derives the set from the verified test files of {@code dataset} into {@code outFolder}. */
    public static void derive(FashionMnist dataset, long seed, Path outFolder) throws IOException {
        derive(dataset.testImages(), dataset.testLabels(), seed, outFolder);
    }

    /**
     * Derives the set from test images and labels held in memory, writing
     * {@code outFolder/public} and {@code outFolder/hidden} (see {@link #FILES}) and replacing
     * those files if present.
     */
    public static void derive(byte[][] testImages, byte[] testLabels, long seed, Path outFolder) throws IOException {
        check(testImages, testLabels);
        int[] order = order(testImages.length, seed);
        byte[][] images = new byte[order.length][];
        byte[] labels = new byte[order.length];
        for (int k = 0; k < order.length; k++) {
            images[k] = testImages[order[k]];
            labels[k] = testLabels[order[k]];
        }
        Path publicFolder = Files.createDirectories(outFolder.resolve(PUBLIC_FOLDER));
        Idx.writeImages(publicFolder.resolve(IMAGES_FILE), images, FashionMnist.ROWS, FashionMnist.COLUMNS);
        ManifestFolder.write(publicFolder, IMAGES_SET, GENERATOR_VERSION, seed, List.of(IMAGES_FILE));
        Path hiddenFolder = Files.createDirectories(outFolder.resolve(HIDDEN_FOLDER));
        Idx.writeLabels(hiddenFolder.resolve(LABELS_FILE), labels);
        ManifestFolder.write(hiddenFolder, LABELS_SET, GENERATOR_VERSION, seed, List.of(LABELS_FILE));
    }

    /** The held-out images in {@code publicFolder}, each 784 pixels, once its checksum is verified. */
    public static byte[][] readImages(Path publicFolder) {
        Path file = ManifestFolder.open(publicFolder, REMEDY, CourseDataException::new).requireSet(IMAGES_SET)
                .verified(IMAGES_FILE);
        byte[][] images = Idx.readImages(file);
        if (images.length > 0 && images[0].length != FashionMnist.PIXELS) {
            throw new CourseDataException(file + " holds images of " + images[0].length + " pixels, not "
                    + FashionMnist.PIXELS + ". " + REMEDY);
        }
        return images;
    }

    /** The held-out labels in {@code hiddenFolder} (grader only), once their checksum is verified. */
    public static byte[] readLabels(Path hiddenFolder) {
        Path file = ManifestFolder.open(hiddenFolder, REMEDY, CourseDataException::new).requireSet(LABELS_SET)
                .verified(LABELS_FILE);
        return Idx.readLabels(file);
    }

    private static void check(byte[][] images, byte[] labels) {
        if (images.length == 0 || images.length != labels.length) {
            throw new CourseDataException("Cannot derive a held-out set from " + images.length + " images and "
                    + labels.length + " labels: pass the test set's images and labels, equally many.");
        }
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != FashionMnist.PIXELS) {
                throw new CourseDataException("Test image " + i + " has " + images[i].length + " pixels, not "
                        + FashionMnist.PIXELS + ": pass 28×28 Fashion-MNIST images.");
            }
            if (labels[i] < 0 || labels[i] >= FashionMnist.CLASSES) {
                throw new CourseDataException("Test label " + i + " is " + labels[i] + ", not a class 0.."
                        + (FashionMnist.CLASSES - 1) + ": pass Fashion-MNIST's labels.");
            }
        }
    }
}
