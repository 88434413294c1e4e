package hw5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a trained network as {@code my_model.json} (the format is described in ModelFile, in the
 * course's library, and in README-Q2.md), which the grader evaluates itself. Given: you need not
 * change it.
 *
 * <p>It walks a {@link SequentialBlock}, nested ones too, and knows DJL's {@code Linear},
 * {@code Conv2d}, {@code BatchNorm}, {@code Dropout}, {@code Activation.reluBlock()},
 * {@code Blocks.batchFlattenBlock()} and the given {@link Pooling}. Anything else is refused with a
 * message naming the block, before training starts.
 */
final class ModelExport {
    private ModelExport() {
    }

    /** The file's content for an initialized network that takes images preprocessed as {@code input} says. */
    static ModelFile export(Block network, ModelFile.Input input) {
        if (!(network instanceof SequentialBlock)) {
            throw refuse("your network", network, "the network must be a SequentialBlock (new SequentialBlock().add(...))");
        }
        List<Layer> layers = new ArrayList<>();
        add(network, "network", layers);
        return ModelFile.of(input, layers);
    }

    private static void add(Block block, String where, List<Layer> layers) {
        if (block instanceof SequentialBlock sequence) {
            List<Block> children = sequence.getChildren().values();
            for (int i = 0; i < children.size(); i++) {
                add(children.get(i), where + ", block " + i, layers);
            }
        } else if (block instanceof Linear) {
            layers.add(linear(block));
        } else if (block instanceof Conv2d conv) {
            layers.add(conv2d(conv, where));
        } else if (block instanceof BatchNorm) {
            layers.add(batchNorm(block, where));
        } else if (block instanceof Dropout) {
            layers.add(new Layer.Dropout(0));
        } else if (block instanceof Pooling pool) {
            int[] kernel = pair(pool.kernel());
            int[] stride = pair(pool.stride());
            int[] padding = pair(pool.padding());
            layers.add(pool.kind() == Pooling.Kind.MAX ? new Layer.MaxPool2d(kernel, stride, padding)
                    : new Layer.AvgPool2d(kernel, stride, padding));
        } else if (block instanceof LambdaBlock lambda && "ReLU".equals(lambda.getName())) {
            layers.add(new Layer.Relu());
        } else if (block instanceof LambdaBlock lambda && "batchFlatten".equals(lambda.getName())) {
            layers.add(new Layer.Flatten());
        } else if (block instanceof LambdaBlock lambda && lambda.getName().toLowerCase().contains("pool")) {
            throw refuse(where, block, "DJL's " + lambda.getName() + " block keeps its window size to itself, so"
                    + " my_model.json cannot hold it; use the given Pooling.max(2) or Pooling.average(2), which"
                    + " compute the same");
        } else {
            throw refuse(where, block, "my_model.json holds Linear, Conv2d, BatchNorm, Dropout, Activation.reluBlock(),"
                    + " Blocks.batchFlattenBlock(), Pooling and SequentialBlock; replace this block with those");
        }
    }

    private static StudentFileException refuse(String where, Block block, String why) {
        String name = block instanceof LambdaBlock lambda ? "LambdaBlock \"" + lambda.getName() + "\""
                : block.getClass().getSimpleName();
        return new StudentFileException("Cannot write my_model.json: " + where + " is a " + name + ": " + why + ".");
    }

    /** DJL keeps W as outputs×inputs, PyTorch's layout; the file keeps it inputs×outputs, as Q1 does. */
    private static Layer.Linear linear(Block linear) {
        NDArray weight = value(linear, "weight");
        long outputs = weight.getShape().get(0);
        long inputs = weight.getShape().get(1);
        float[] w = weight.toFloatArray();
        double[][] transposed = new double[(int) inputs][(int) outputs];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                transposed[i][o] = w[(int) (o * inputs + i)];
            }
        }
        return new Layer.Linear(transposed, biasOrZeros(linear, (int) outputs));
    }

    private static Layer.Conv2d conv2d(Conv2d conv, String where) {
        if (conv.getGroups() != 1 || conv.getDilation().getShape().length != 2 || conv.getDilation().get(0) != 1
                || conv.getDilation().get(1) != 1) {
            throw refuse(where, conv, "my_model.json holds convolutions without groups or dilation; leave optGroups"
                    + " and optDilation out");
        }
        NDArray weight = value(conv, "weight");
        long[] s = weight.getShape().getShape();
        float[] w = weight.toFloatArray();
        double[][][][] kernels = new double[(int) s[0]][(int) s[1]][(int) s[2]][(int) s[3]];
        int k = 0;
        for (double[][][] filter : kernels) {
            for (double[][] channel : filter) {
                for (double[] row : channel) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = w[k++];
                    }
                }
            }
        }
        double[] bias = conv.isIncludeBias() ? doubles(value(conv, "bias")) : new double[(int) s[0]];
        return new Layer.Conv2d(kernels, bias, pair(conv.getStride()), pair(conv.getPadding()));
    }

    /**
     * DJL's BatchNorm has no getter for its epsilon and axis (DJL 0.36), so they are read from its
     * fields; only the channel axis, 1 (DJL's default), is what my_model.json describes.
     */
    private static Layer.BatchNorm batchNorm(Block norm, String where) {
        int axis = ((Number) field(norm, "axis")).intValue();
        if (axis != 1) {
            throw refuse(where, norm, "my_model.json normalises over channels (axis 1, DJL's default), not axis " + axis
                    + "; leave optAxis out");
        }
        double eps = ((Number) field(norm, "epsilon")).doubleValue();
        return new Layer.BatchNorm(doubles(value(norm, "runningMean")), doubles(value(norm, "runningVar")),
                doubles(value(norm, "gamma")), doubles(value(norm, "beta")), eps);
    }

    private static Object field(Block block, String name) {
        try {
            Field field = BatchNorm.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(block);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("This DJL's BatchNorm has no field \"" + name + "\": ModelExport was written"
                    + " for DJL 0.36; keep the DJL version of q2/pom.xml.", e);
        }
    }

    private static double[] biasOrZeros(Block block, int size) {
        Parameter bias = block.getDirectParameters().get("bias");
        return bias == null ? new double[size] : doubles(bias.getArray());
    }

    private static NDArray value(Block block, String parameter) {
        Parameter p = block.getDirectParameters().get(parameter);
        if (p == null || !p.isInitialized()) {
            throw new IllegalStateException("the " + block.getClass().getSimpleName() + "'s " + parameter
                    + " is not initialized: export the network after trainer.initialize(...)");
        }
        return p.getArray();
    }

    private static double[] doubles(NDArray array) {
        float[] values = array.toFloatArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static int[] pair(Shape shape) {
        return new int[] {Math.toIntExact(shape.get(0)), Math.toIntExact(shape.get(1))};
    }
}
