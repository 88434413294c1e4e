package hw5;

import edu.mlcourse.hw5.console.ProgressBar;
import edu.mlcourse.hw5.data.Examples;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.Q2Data;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.parallel.Workers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Q2's training run, given: loads the data, trains {@link Q2#NETWORKS} networks epoch by epoch with
 * your {@link Q2} methods, reports progress and validation accuracy, and writes the submission files.
 * The settings it uses are the constants in {@link Q2}.
 */
public final class Training {
    private Training() {
    }

    /**
     * What one run does.
     *
     * @param dataset the Fashion-MNIST folder, or empty for the default places
     * @param output the folder that receives predictions.npy and my_model.json
     * @param seed fixes the initial weights and the order of the minibatches
     * @param epochs passes over the training set
     * @param threads threads to train with; results do not depend on it
     * @param heldOutImages the folder of the held-out images (and their manifest)
     */
    public record Settings(Optional<Path> dataset, Path output, long seed, int epochs, int threads, Path heldOutImages) {
        public static Settings defaults() {
            return new Settings(Optional.empty(), Path.of("."), Q2.SEED, Q2.EPOCHS, Runtime.getRuntime().availableProcessors(),
                    Q2.HELD_OUT_IMAGES);
        }
    }

    /** What a run produced. */
    public record Result(Network network, double validationAccuracy, int[] heldOutPredictions) {
    }

    /** Loads the data, trains, reports every epoch on {@code out} and writes the two submission files. */
    public static Result train(Settings settings, PrintStream out) throws IOException {
        return train(settings, Q2Data.load(FashionMnist.locate(settings.dataset()), settings.heldOutImages(), Q2.INPUT,
                Q2Data.DEFAULT_VALIDATION_SIZE, Q2Data.DEFAULT_SPLIT_SEED), out);
    }

    /** Trains on {@code data} (already loaded with {@link Q2#INPUT}) and writes the two submission files. */
    static Result train(Settings settings, Q2Data data, PrintStream out) throws IOException {
        Examples training = data.training();
        Random random = new Random(settings.seed());
        List<Trainee> trainees = new ArrayList<>();
        for (int k = 0; k < Q2.NETWORKS; k++) {
            trainees.add(new Trainee(Network.create(Q2.LAYER_SIZES, random), new Random(random.nextLong())));
        }
        // With a core per network they train at the same time, each on its own thread: they share
        // nothing, and each has its own Random, so the result is the same either way.
        int together = Math.min(Q2.NETWORKS, settings.threads());
        ExecutorService pool = Executors.newFixedThreadPool(together);
        double validationAccuracy = Double.NaN;
        Network ensemble = null;
        try (Workers workers = Workers.create(Math.max(1, settings.threads() / together))) {
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                double learningRate = Q2.LEARNING_RATE * Math.pow(Q2.LEARNING_RATE_DECAY, epoch);
                List<Future<String>> summaries = new ArrayList<>();
                // One bar on screen, following the first network; the others report when done.
                ProgressBar shown = ProgressBar.on(out, "epoch " + (epoch + 1) + "/" + settings.epochs(), training.size());
                for (int k = 0; k < Q2.NETWORKS; k++) {
                    Trainee trainee = trainees.get(k);
                    ProgressBar bar = k == 0 ? shown
                            : ProgressBar.on(new PrintStream(OutputStream.nullOutputStream()), "", training.size());
                    summaries.add(pool.submit(() -> Q2.trainEpoch(trainee.network, trainee.adam, trainee.average,
                            training, learningRate, trainee.random, workers, bar)));
                }
                List<String> done = new ArrayList<>();
                for (Future<String> summary : summaries) {
                    done.add(summary.get());
                }
                ensemble = Network.sideBySide(trainees.stream().map(t -> t.averaged).toList());
                validationAccuracy = Q2.accuracy(ensemble, data.validation(), workers);
                shown.finish(training.size(), String.join(" | ", done)
                        + String.format(" | val %.2f%%", 100 * validationAccuracy));
            }
            int[] predictions = Q2.predict(ensemble, data.heldOut(), workers);
            Q2.writeSubmission(ensemble, predictions, settings.output());
            out.printf("Wrote %s and %s to %s%n", Q2.PREDICTIONS_FILE, ModelFile.FILE_NAME, settings.output());
            return new Result(ensemble, validationAccuracy, predictions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One network in training, with its optimizer, its running average and its own random numbers. */
    private static final class Trainee {
        final Network network;
        final Q2.Adam adam;
        final Network averaged;
        final WeightAverage average;
        final Random random;

        Trainee(Network network, Random random) {
            this.network = network;
            this.adam = new Q2.Adam(network.parameters(), Q2.BETA1, Q2.BETA2, Q2.EPSILON);
            this.averaged = network.copy();
            this.average = new WeightAverage(averaged.parameters(), network.parameters(), Q2.AVERAGE_DECAY);
            this.random = random;
        }
    }
}
