package edu.mlcourse.hw5.reference.cli;

import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.reference.train.HeldOutScore;
import hw5.Q2;
import hw5.Training;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Trains the reference Q2 network, writes predictions.npy and my_model.json, and reports the
 * accuracy on the held-out images (for now the 10000 test images, whose labels the grader has).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the reference Q2 network and write its predictions and model files.",
            "Same seed, same weights, bit for bit, whatever --threads is."})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FOLDER",
            description = "Fashion-MNIST folder (default: $" + FashionMnist.ENV_VARIABLE + ", else "
                    + FashionMnist.DEBIAN_FOLDER + ").")
    private Path dataset;

    @Option(names = "--out", paramLabel = "FOLDER", defaultValue = ".",
            description = "Where predictions.npy and my_model.json go (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial weights and minibatch order"
            + " (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--epochs", description = "Passes over the training set (default: " + Q2.EPOCHS + ").")
    private Integer epochs;

    @Option(names = "--threads", description = "Threads to train with (default: the number of cores).")
    private Integer threads;

    @Option(names = "--heldout", paramLabel = "FOLDER", defaultValue = "heldout",
            description = "The held-out set: public/ images to predict, hidden/ labels to report the accuracy"
                    + " (default: ${DEFAULT-VALUE}).")
    private Path heldout;

    @Override
    public Integer call() throws IOException {
        Training.Settings defaults = Training.Settings.defaults();
        int chosenEpochs = epochs == null ? defaults.epochs() : epochs;
        int chosenThreads = threads == null ? defaults.threads() : threads;
        if (chosenEpochs < 1 || chosenThreads < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs and --threads must be at least 1");
        }
        PrintStream stdout = System.out;
        long start = System.nanoTime();
        Training.Result result = Training.train(new Training.Settings(Optional.ofNullable(dataset), out, seed, chosenEpochs,
                chosenThreads, heldout.resolve(HeldOutSet.PUBLIC_FOLDER)), stdout);
        double heldOut = HeldOutScore.accuracy(result.heldOutPredictions(),
                HeldOutSet.readLabels(heldout.resolve(HeldOutSet.HIDDEN_FOLDER)));
        stdout.printf("Held-out accuracy %.2f%%, validation %.2f%%, %.0f s on %d thread(s).%n",
                100 * heldOut, 100 * result.validationAccuracy(), (System.nanoTime() - start) / 1e9, chosenThreads);
        return ExitCode.OK.code();
    }
}
