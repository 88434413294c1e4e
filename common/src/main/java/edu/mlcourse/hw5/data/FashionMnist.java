package edu.mlcourse.hw5.data;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.vectors.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and verifies the Fashion-MNIST files: the folder given, else {@value #ENV_VARIABLE}, else
 * Debian's package {@code dataset-fashion-mnist} ({@value #DEBIAN_FOLDER}). Every file is checked
 * against the SHA-256 of the original release before use.
 */
public final class FashionMnist {
    public static final String ENV_VARIABLE = "FASHION_MNIST_DIR";
    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";
    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int PIXELS = ROWS * COLUMNS;
    public static final int CLASSES = 10;
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    /** SHA-256 of the files of the original release (zalandoresearch/fashion-mnist). */
    static final Map<String, String> CHECKSUMS = Map.of(
            TRAIN_IMAGES, "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            TRAIN_LABELS, "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            TEST_IMAGES, "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            TEST_LABELS, "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    private static final String HOW_TO_GET = "Install it with `sudo apt-get install dataset-fashion-mnist`"
            + " (files land in " + DEBIAN_FOLDER + "), or download the four .gz files of"
            + " https://github.com/zalandoresearch/fashion-mnist into a folder and pass it with --dataset"
            + " or the environment variable " + ENV_VARIABLE + ".";

    private final Path folder;

    private FashionMnist(Path folder) {
        this.folder = folder;
    }

    /**
     * The dataset in {@code folder} if given, else where {@value #ENV_VARIABLE} points, else
     * Debian's folder; fails with instructions when none holds the files.
     */
    public static FashionMnist locate(Optional<Path> folder) {
        Path chosen = folder.or(() -> Optional.ofNullable(System.getenv(ENV_VARIABLE)).filter(s -> !s.isBlank()).map(Path::of))
                .orElse(Path.of(DEBIAN_FOLDER));
        if (!Files.isDirectory(chosen)) {
            throw new CourseDataException("Fashion-MNIST not found: " + chosen + " is not a folder. " + HOW_TO_GET);
        }
        return new FashionMnist(chosen);
    }

    /** True when the default locations hold a readable copy (used to skip optional work). */
    public static boolean isAvailable() {
        try {
            locate(Optional.empty()).file(TEST_LABELS);
            return true;
        } catch (CourseDataException e) {
            return false;
        }
    }

    public Path folder() {
        return folder;
    }

    /** The verified path of one of the four files. */
    public Path file(String name) {
        String expected = CHECKSUMS.get(name);
        if (expected == null) {
            throw new IllegalArgumentException("not a Fashion-MNIST file: " + name);
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new CourseDataException("Fashion-MNIST file " + file + " is missing. " + HOW_TO_GET);
        }
        String actual = Sha256.of(file);
        if (!actual.equals(expected)) {
            throw new CourseDataException("Fashion-MNIST file " + file + " is corrupt or not the original release"
                    + " (SHA-256 " + actual + ", expected " + expected + "). " + HOW_TO_GET);
        }
        return file;
    }

    public byte[][] trainImages() {
        return Idx.readImages(file(TRAIN_IMAGES));
    }

    public byte[] trainLabels() {
        return Idx.readLabels(file(TRAIN_LABELS));
    }

    public byte[][] testImages() {
        return Idx.readImages(file(TEST_IMAGES));
    }

    public byte[] testLabels() {
        return Idx.readLabels(file(TEST_LABELS));
    }
}
