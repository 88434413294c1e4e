package edu.mlcourse.hw5.reference.cli;

import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.reference.train.HeldOutScore;
import hw5.Q2;
import hw5.Q2Options;
import hw5.TrainingRun;
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
 * Trains the reference Q2 network with DJL, writes predictions.npy and my_model.json, and reports
 * the accuracy on the held-out images (whose labels the repository has in heldout/hidden).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the reference Q2 network (DJL, PyTorch engine).",
            "It writes predictions.npy and my_model.json. Same seed, same weights on the same",
            "machine and thread count (see reference-solution/README.md)."})
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

    @Option(names = "--seed", description = "Seed of the initial weights, minibatch order and dropout (default: "
            + Q2.SEED + ").")
    private Integer seed;

    @Option(names = "--epochs", description = "Passes over the training set (default: " + Q2.EPOCHS + ").")
    private Integer epochs;

    @Option(names = "--threads", defaultValue = "" + Q2.THREADS,
            description = "Threads PyTorch computes with (default: ${DEFAULT-VALUE}; 0 for one per core).")
    private int threads;

    @Option(names = "--heldout", paramLabel = "FOLDER", defaultValue = "heldout",
            description = "The held-out set: public/ images to predict, hidden/ labels to report the accuracy"
                    + " (default: ${DEFAULT-VALUE}).")
    private Path heldout;

    @Override
    public Integer call() {
        int chosenEpochs = epochs == null ? Q2.EPOCHS : epochs;
        if (chosenEpochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1");
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 0");
        }
        PrintStream stdout = System.out;
        TrainingRun.Result result = TrainingRun.run(new Q2Options(chosenEpochs, seed == null ? Q2.SEED : seed, threads, out,
                Optional.ofNullable(dataset), heldout.resolve(HeldOutSet.PUBLIC_FOLDER)), stdout);
        double heldOut = HeldOutScore.accuracy(result.heldOutPredictions(),
                HeldOutSet.readLabels(heldout.resolve(HeldOutSet.HIDDEN_FOLDER)));
        stdout.printf("Held-out accuracy %.2f%%, validation %.2f%%, %.1f s of training.%n",
                100 * heldOut, 100 * result.validationAccuracy(), result.trainingSeconds());
        return ExitCode.OK.code();
    }
}
