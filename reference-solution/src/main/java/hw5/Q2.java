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
 * Q2 reference solution: the student template's Q2 with every TODO filled in. The given parts
 * ({@link TrainingRun}, {@link FashionData}, {@link ModelExport}, ...) are compiled from the
 * template itself (see this module's pom), so students and the reference run the same scaffold.
 *
 * <p>Why this network (figures in reference-solution/README.md): a one-hidden-layer MLP plateaus
 * near 90% on these images however long it trains, while a small CNN passes 90% in three epochs.
 * Most of an epoch's time goes to the one convolution at full resolution (28×28), whatever its
 * filter count, so there is only one: sixteen 3×3 filters, then 2×2 max pooling, and the second
 * convolution (64 filters) works at stride 2 on 14×14, which costs little and adds the capacity
 * that makes three epochs enough. Batch normalisation lets Adam take large steps from the start,
 * and the learning rate falls along a cosine to 2% of its start over the run.
 */
public final class Q2 {
    public static final int EPOCHS = 3;
    static final int BATCH_SIZE = 128;
    static final float LEARNING_RATE = 3e-3f;
    /** The learning rate of the last step, as a fraction of the first. */
    static final float FINAL_LEARNING_RATE = 0.02f;
    public static final int SEED = 1;
    /**
     * PyTorch's threads for the reference run: one gives the same weights from the seed on any
     * number of cores, and on a shared machine it is faster than two (bench/q2-epoch).
     */
    public static final int THREADS = 1;
    static final ModelFile.Input INPUT = ModelFile.Input.UNIT_SCALE;

    private Q2() {
    }

    public static void main(String[] args) {
        TrainingRun.main(args);
    }

    /** (1, 28, 28) → 16×(28, 28) → pooled 16×(14, 14) → 64×(7, 7) at stride 2 → 3136 → 10 scores. */
    static Block buildNetwork() {
        return new SequentialBlock()
                .add(convolution(16, 1))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pooling.max(2))
                .add(convolution(64, 2))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
    }

    /** 3×3 filters with one pixel of padding: the image keeps its size at stride 1 and halves at stride 2. */
    private static Conv2d convolution(int filters, int stride) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1)).build();
    }

    static TrainingConfig trainingConfig(int epochs, int batchesPerEpoch) {
        Tracker cosine = Tracker.cosine().setBaseValue(LEARNING_RATE)
                .optFinalValue(LEARNING_RATE * FINAL_LEARNING_RATE)
                .setMaxUpdates(epochs * batchesPerEpoch).build();
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(cosine).build());
    }

    static void trainEpoch(Trainer trainer, Dataset training, EpochProgress progress)
            throws IOException, TranslateException {
        for (Batch batch : trainer.iterateDataset(training)) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList logits = trainer.forward(batch.getData());
                NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), logits);
                collector.backward(loss);
                progress.update(loss, logits.singletonOrThrow(), batch.getLabels().singletonOrThrow());
            }
            trainer.step();
            batch.close();
        }
    }
}
