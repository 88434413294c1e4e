package hw5;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import edu.mlcourse.hw5.EnvironmentException;
import edu.mlcourse.hw5.Hw5Exception;
import edu.mlcourse.hw5.cli.CommandLines;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.Q2Data;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.npy.NpyWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Locale;

/**
 * Q2's run, given: starts PyTorch, loads the data, builds your network ({@link Q2#buildNetwork}),
 * trains it for the epochs asked with your training loop ({@link Q2#trainEpoch}), reports the
 * validation accuracy after each epoch, predicts the held-out images and writes predictions.npy
 * and my_model.json.
 */
public final class TrainingRun {
    static final String PREDICTIONS_FILE = "predictions.npy";

    private TrainingRun() {
    }

    /**
     * What a run produced.
     *
     * @param validationAccuracy after the last epoch, 0..1
     * @param heldOutPredictions the class of every held-out image, as written to predictions.npy
     * @param model what was written to my_model.json
     * @param trainingSeconds the time spent in the epochs, without loading and writing
     */
    public record Result(double validationAccuracy, int[] heldOutPredictions, ModelFile model, double trainingSeconds) {
    }

    /** Runs Q2 as {@code args} say; a problem is printed as a message that says what to do. */
    public static void main(String[] args) {
        try {
            run(Q2Options.parse(args), System.out);
        } catch (Hw5Exception e) {
            System.err.println("error: " + e.getMessage());
            System.exit(CommandLines.exitCodeOf(e).code());
        }
    }

    public static Result run(Q2Options options, PrintStream out) {
        PyTorchSetup.start(options.seed(), options.threads());
        Q2Data raw = Q2Data.load(FashionMnist.locate(options.dataset()), options.heldOutImages(),
                Q2Data.DEFAULT_VALIDATION_SIZE, Q2Data.DEFAULT_SPLIT_SEED);
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("q2")) {
            FashionData data = FashionData.of(manager, raw, Q2.INPUT);
            Block network = Q2.buildNetwork();
            model.setBlock(network);
            int batches = (raw.training().size() + Q2.BATCH_SIZE - 1) / Q2.BATCH_SIZE;
            try (Trainer trainer = model.newTrainer(Q2.trainingConfig(options.epochs(), batches))) {
                // The parameters' shapes follow from one image's: a batch of one, (1, 1, 28, 28).
                trainer.initialize(new Shape(1).addAll(FashionData.IMAGE));
                // Fails now, not after the last epoch, if the network cannot be written to my_model.json.
                ModelExport.export(network, Q2.INPUT);
                long start = System.nanoTime();
                double validation = train(trainer, network, data, options.epochs(), out);
                double seconds = (System.nanoTime() - start) / 1e9;
                int[] predictions = Evaluation.predict(network, data.heldOutImages());
                ModelFile file = ModelExport.export(network, Q2.INPUT);
                write(options, predictions, file);
                out.printf(Locale.ROOT, "Trained %d epoch(s) in %.0f s; validation accuracy %.2f%%. Wrote %s and %s to %s%n",
                        options.epochs(), seconds, 100 * validation, PREDICTIONS_FILE, ModelFile.FILE_NAME,
                        options.out().toAbsolutePath().normalize());
                return new Result(validation, predictions, file, seconds);
            }
        }
    }

    private static double train(Trainer trainer, Block network, FashionData data, int epochs, PrintStream out) {
        Dataset training = data.training(Q2.BATCH_SIZE);
        long images = data.trainLabels().getShape().get(0);
        double validation = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            EpochProgress progress = new EpochProgress(out, "epoch " + epoch + "/" + epochs, images);
            try {
                Q2.trainEpoch(trainer, training, progress);
            } catch (IOException | TranslateException e) {
                throw new IllegalStateException("reading a minibatch failed", e);
            }
            validation = Evaluation.accuracy(Evaluation.predict(network, data.validationImages()), data.validationLabels());
            progress.finish(String.format(Locale.ROOT, " | validation %.2f%%", 100 * validation));
        }
        return validation;
    }

    private static void write(Q2Options options, int[] predictions, ModelFile model) {
        try {
            Files.createDirectories(options.out());
            NpyWriter.write(options.out().resolve(PREDICTIONS_FILE), predictions);
            ModelFiles.write(options.out().resolve(ModelFile.FILE_NAME), model);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write the submission files to " + options.out() + ": " + e.getMessage(), e);
        }
    }
}
