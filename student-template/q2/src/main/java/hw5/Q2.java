package hw5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import edu.mlcourse.hw5.model.ModelFile;
import java.io.IOException;

/**
 * Q2: a Fashion-MNIST classifier trained with DJL on the PyTorch engine, to at least 90% accuracy
 * on the held-out images. README-Q2.md is the tutorial; read it first.
 *
 * <p>You write the network ({@link #buildNetwork}) and the training loop ({@link #trainingConfig}
 * and {@link #trainEpoch}): replace each {@code throw new UnsupportedOperationException("TODO: ...")}.
 * The rest is given: {@link TrainingRun} loads the data, calls your methods epoch by epoch, measures
 * the validation accuracy and writes predictions.npy and my_model.json. The architecture is your
 * choice; change the settings below as you like.
 *
 * <p>Run: {@code mvn -q compile exec:java -pl q2} from the project folder, with
 * {@code -Dexec.args="--epochs 2"} to try fewer epochs.
 */
public final class Q2 {
    public static final int EPOCHS = 5;
    static final int BATCH_SIZE = 128;
    static final float LEARNING_RATE = 1e-3f;
    /** Seeds the initial weights, the order of the minibatches and dropout: same seed, same run. */
    public static final int SEED = 1;
    /** Pixels divided by 255, images of shape (1, 28, 28); the grader preprocesses the held-out images the same way. */
    static final ModelFile.Input INPUT = ModelFile.Input.UNIT_SCALE;

    private Q2() {
    }

    public static void main(String[] args) {
        TrainingRun.main(args);
    }

    /**
     * Your network: a {@link SequentialBlock} that takes a batch of images {@code (N, 1, 28, 28)}
     * and gives 10 scores per image {@code (N, 10)}, the logits (no softmax at the end: the loss
     * applies it).
     */
    static Block buildNetwork() {
        // Blocks you can use (README-Q2.md, "The network"):
        //   Blocks.batchFlattenBlock()                        (N, C, H, W) -> (N, C·H·W), before Linear
        //   Linear.builder().setUnits(128).build()            a fully connected layer with 128 outputs
        //   Activation.reluBlock()                            ReLU
        //   Conv2d.builder().setFilters(16).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build()
        //   Pooling.max(2), Pooling.average(2)                2×2 pooling (given: my_model.json can hold them)
        //   BatchNorm.builder().build()                       batch normalisation over channels
        //   Dropout.builder().optRate(0.25f).build()          dropout while training
        // For example, an MLP: new SequentialBlock().add(Blocks.batchFlattenBlock())
        //     .add(Linear.builder().setUnits(256).build()).add(Activation.reluBlock())
        //     .add(Linear.builder().setUnits(10).build());
        throw new UnsupportedOperationException("TODO: buildNetwork: return a SequentialBlock from (N, 1, 28, 28) images"
                + " to (N, 10) scores");
    }

    /**
     * The loss and the optimizer, as {@code nn.CrossEntropyLoss()} and {@code optim.Adam(...)} in
     * PyTorch.
     *
     * @param epochs how many epochs the run trains
     * @param batchesPerEpoch minibatches in an epoch: with {@code epochs}, what a learning-rate schedule needs
     */
    static TrainingConfig trainingConfig(int epochs, int batchesPerEpoch) {
        // new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        //     .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build());
        throw new UnsupportedOperationException("TODO: trainingConfig: softmax cross-entropy loss and the Adam optimizer");
    }

    /**
     * One pass over the training set: for every minibatch, forward, loss, backward, one optimizer
     * step, then {@code progress.update(loss, logits, labels)}.
     */
    static void trainEpoch(Trainer trainer, Dataset training, EpochProgress progress)
            throws IOException, TranslateException {
        // for (Batch batch : trainer.iterateDataset(training)) {
        //     1. open a GradientCollector (try-with-resources): it records what backward needs
        //     2. logits = trainer.forward(batch.getData())
        //     3. loss = trainer.getLoss().evaluate(batch.getLabels(), logits)
        //     4. collector.backward(loss)
        //     5. progress.update(loss, logits.singletonOrThrow(), batch.getLabels().singletonOrThrow())
        //     6. after the collector is closed: trainer.step(), then batch.close()
        // }
        throw new UnsupportedOperationException("TODO: trainEpoch: for every minibatch: forward, loss, backward,"
                + " trainer.step()");
    }
}
