package hw5;

import edu.mlcourse.hw5.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one Q2 run does, from the command line:
 * {@code [--epochs N] [--seed N] [--threads N] [--out FOLDER] [--dataset FOLDER] [--heldout FOLDER]}. Given.
 *
 * @param epochs passes over the training set
 * @param seed seeds the initial weights, the minibatch order and dropout
 * @param threads the threads PyTorch computes with, or 0 for its default (one per core)
 * @param out the folder that receives predictions.npy and my_model.json
 * @param dataset the Fashion-MNIST folder, or empty for $FASHION_MNIST_DIR or Debian's folder
 * @param heldOutImages the held-out images to predict, with their manifest
 */
public record Q2Options(int epochs, int seed, int threads, Path out, Optional<Path> dataset, Path heldOutImages) {
    /** PyTorch chooses: one thread per core. */
    public static final int DEFAULT_THREADS = 0;
    static final String USAGE = "Options: --epochs N (default " + Q2.EPOCHS + "), --seed N (default " + Q2.SEED
            + "), --threads N (default: one per core; 1 is often faster on a machine busy with other work),"
            + " --out FOLDER (default: the project folder), --dataset FOLDER (Fashion-MNIST's four .gz files),"
            + " --heldout FOLDER (default: data/heldout of the project folder).";
    /** Where the project students receive keeps the held-out images. */
    private static final Path HELD_OUT = Path.of("data", "heldout");

    public static Q2Options parse(String... args) {
        // The project folder holds data/: the current folder when Maven runs from it, its parent
        // when run from q2/ (an IDE may do that).
        Path project = Files.isDirectory(HELD_OUT) || !Files.isDirectory(Path.of("..").resolve(HELD_OUT))
                ? Path.of(".") : Path.of("..");
        int epochs = Q2.EPOCHS;
        int seed = Q2.SEED;
        int threads = DEFAULT_THREADS;
        Path out = project;
        Optional<Path> dataset = Optional.empty();
        Path heldOut = project.resolve(HELD_OUT);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("Option " + option + " needs a value. " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--epochs" -> epochs = positive(option, value);
                case "--seed" -> seed = number(option, value);
                case "--threads" -> threads = positive(option, value);
                case "--out" -> out = Path.of(value);
                case "--dataset" -> dataset = Optional.of(Path.of(value));
                case "--heldout" -> heldOut = Path.of(value);
                default -> throw new UsageException("Unknown option " + option + ". " + USAGE);
            }
        }
        return new Q2Options(epochs, seed, threads, out, dataset, heldOut);
    }

    private static int positive(String option, String value) {
        int n = number(option, value);
        if (n < 1) {
            throw new UsageException(option + " must be at least 1, got " + n + ".");
        }
        return n;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, got \"" + value + "\". " + USAGE, e);
        }
    }
}
