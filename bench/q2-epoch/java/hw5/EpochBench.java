package hw5;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.Q2Data;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Seconds per training epoch of the reference Q2 in DJL: its network, optimizer and training loop
 * (hw5.Q2 of reference.jar) on the 55000 training images, as TrainingRun runs them, without the
 * validation pass. In package hw5 to reach the given classes.
 *
 * <p>Usage: EpochBench EPOCHS THREADS (PyTorch's intra-op threads; 0 for its default). Prints one line per epoch, the format torch_epoch.py prints:
 * {@code djl cnn threads=<t> batch=<b> epoch=<i> seconds=<s> loss <l> acc <a>%}.
 */
public final class EpochBench {
    private EpochBench() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = Integer.parseInt(args[0]);
        PyTorchSetup.start(Q2.SEED, Integer.parseInt(args[1]));
        Q2Data raw = Q2Data.load(FashionMnist.locate(Optional.empty()), Path.of("heldout", "public"),
                Q2Data.DEFAULT_VALIDATION_SIZE, Q2Data.DEFAULT_SPLIT_SEED);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("bench")) {
            FashionData data = FashionData.of(manager, raw, Q2.INPUT);
            Block network = Q2.buildNetwork();
            model.setBlock(network);
            int batches = (raw.training().size() + Q2.BATCH_SIZE - 1) / Q2.BATCH_SIZE;
            try (Trainer trainer = model.newTrainer(Q2.trainingConfig(epochs, batches))) {
                trainer.initialize(new Shape(1).addAll(FashionData.IMAGE));
                Dataset training = data.training(Q2.BATCH_SIZE);
                String threads = args[1];
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    EpochProgress progress = new EpochProgress(quiet, "", raw.training().size());
                    long start = System.nanoTime();
                    Q2.trainEpoch(trainer, training, progress);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "djl cnn threads=%s batch=%d epoch=%d seconds=%.3f loss %.4f acc %.2f%%"
                            + " (PyTorch %s)%n", threads, Q2.BATCH_SIZE, epoch, seconds, progress.loss(),
                            100 * progress.accuracy(), Engine.getInstance().getVersion());
                }
            }
        }
    }
}
