package edu.mlcourse.hw5.grader.heldout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch as an independent oracle for every layer of my_model.json: the same file, run by
 * torch.nn.functional in float64 (Debian's python3-torch), gives the scores of the grader's
 * definition in doubles ({@link PerImageForward}), to 1e-9, on all held-out images; and the grader's
 * labels, computed in single precision where that cannot change them, are those scores' best.
 */
class TorchOracleTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Prints each image's 10 scores, one image a line. */
    private static final String SCRIPT = String.join("\n",
            "import json, sys, numpy as np, torch",
            "import torch.nn.functional as F",
            "torch.set_num_threads(1)",
            "m = json.load(open(sys.argv[1]))",
            "i = m['input']",
            "raw = np.frombuffer(open(sys.argv[2], 'rb').read(), np.uint8, offset=16).astype(np.float64)",
            "x = torch.tensor((raw / i['scale'] - i['mean']) / i['std']).reshape([-1] + i.get('shape', [784]))",
            "T = lambda v: torch.tensor(v, dtype=torch.float64)",
            "with torch.no_grad():",
            "    for l in m['layers']:",
            "        t = l['type']",
            "        if t == 'linear': x = x @ T(l['W']) + T(l['b'])",
            "        elif t == 'relu': x = F.relu(x)",
            "        elif t == 'conv2d': x = F.conv2d(x, T(l['weight']), T(l['bias']), l['stride'], l['padding'])",
            "        elif t == 'maxpool2d': x = F.max_pool2d(x, l['kernel'], l['stride'], l['padding'])",
            "        elif t == 'avgpool2d': x = F.avg_pool2d(x, l['kernel'], l['stride'], l['padding'], count_include_pad=True)",
            "        elif t == 'batchnorm': x = F.batch_norm(x, T(l['mean']), T(l['variance']), T(l['gamma']), T(l['beta']),"
                    + " False, 0.0, l['eps'])",
            "        elif t == 'flatten': x = torch.flatten(x, 1)",
            "        elif t == 'dropout': x = F.dropout(x, l['rate'], training=False)",
            "        elif t == 'softmax': x = F.softmax(x, 1)",
            "        elif t == 'logsoftmax': x = F.log_softmax(x, 1)",
            "        else: raise ValueError(t)",
            "print('\\n'.join(' '.join('%.17g' % v for v in row) for row in x.tolist()))");

    @Test
    void everyLayerAgreesWithPyTorchOnEveryHeldOutImage(@TempDir Path dir) throws IOException, InterruptedException {
        boolean torch = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import torch").start().waitFor() == 0;
        assumeTrue(torch || "true".equals(System.getenv("CI")), "PyTorch (Debian's python3-torch) is not installed");
        Path modelFile = dir.resolve("my_model.json");
        ModelFiles.write(modelFile, everyLayer(3));
        Path images = Repository.root().resolve("heldout/public/images-idx3-ubyte");
        Files.writeString(dir.resolve("oracle.py"), SCRIPT);
        Process process = new ProcessBuilder(PYTHON.toString(), dir.resolve("oracle.py").toString(), modelFile.toString(),
                images.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor(), output);
        String[] lines = output.split("\n");
        byte[][] heldOut = HeldOutData.read(Repository.root().resolve("heldout")).images();
        double[][] got = PerImageForward.scores(ModelFiles.read(modelFile), heldOut);
        int[] labels = ModelEvaluator.predict(ModelFiles.read(modelFile), heldOut);
        assertEquals(lines.length, got.length, output.length() > 2000 ? output.substring(0, 2000) : output);
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
            double[] expected = Arrays.stream(lines[i].split(" ")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(10, expected.length);
            for (int j = 0; j < 10; j++) {
                // Both compute in float64; only the order of the sums differs.
                double error = Math.abs(got[i][j] - expected[j]) / Math.max(1, Math.abs(expected[j]));
                worst = Math.max(worst, error);
                assertTrue(error < 1e-9, "held-out image " + i + ", score " + j + ": PyTorch " + expected[j] + ", grader "
                        + got[i][j]);
            }
            assertEquals(ModelEvaluator.argmax(got[i]), labels[i], "held-out image " + i + ": the label is the float64 scores' best");
        }
        double spread = Arrays.stream(got).mapToDouble(row -> row[0]).max().orElseThrow()
                - Arrays.stream(got).mapToDouble(row -> row[0]).min().orElseThrow();
        assertTrue(spread > 0.1, "the scores depend on the image (spread " + spread + "), so the comparison means something");
        System.out.printf("grader vs PyTorch, %d images: worst relative difference %.2e%n", got.length, worst);
    }


    /**
     * A random network with every layer type, in shapes that catch a swapped axis: rectangular
     * kernels, stride 2, padding, a 1-D batch norm after the flatten.
     */
    static ModelFile everyLayer(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return ModelFile.of(ModelFile.Input.UNIT_SCALE, List.of(
                conv(random, 6, 1, 3, 3, new int[] {1, 1}, new int[] {1, 1}),          // (6, 28, 28)
                batchNorm(random, 6),
                new Layer.Relu(),
                new Layer.MaxPool2d(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}),  // (6, 14, 14)
                conv(random, 8, 6, 3, 2, new int[] {2, 1}, new int[] {1, 0}),          // (8, 7, 13)
                new Layer.Relu(),
                new Layer.AvgPool2d(new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}),  // (8, 4, 7)
                new Layer.MaxPool2d(new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 1}),  // (8, 5, 4)
                new Layer.Dropout(0.25),
                new Layer.Flatten(),                                                    // (160)
                linear(random, 160, 24),
                batchNorm(random, 24),
                new Layer.Relu(),
                linear(random, 24, 10),
                new Layer.LogSoftmax()));
    }

    private static Layer.Conv2d conv(SplittableRandom random, int filters, int channels, int kh, int kw, int[] stride,
                                     int[] padding) {
        double[][][][] weight = new double[filters][channels][kh][kw];
        double scale = Math.sqrt(2.0 / (channels * kh * kw));
        for (double[][][] filter : weight) {
            for (double[][] kernel : filter) {
                for (double[] row : kernel) {
                    Arrays.setAll(row, j -> random.nextGaussian() * scale);
                }
            }
        }
        double[] bias = new double[filters];
        Arrays.setAll(bias, j -> random.nextGaussian() * 0.1);
        return new Layer.Conv2d(weight, bias, stride, padding);
    }

    private static Layer.Linear linear(SplittableRandom random, int inputs, int outputs) {
        double[][] w = new double[inputs][outputs];
        for (double[] row : w) {
            Arrays.setAll(row, j -> random.nextGaussian() * Math.sqrt(2.0 / inputs));
        }
        double[] b = new double[outputs];
        Arrays.setAll(b, j -> random.nextGaussian() * 0.1);
        return new Layer.Linear(w, b);
    }

    private static Layer.BatchNorm batchNorm(SplittableRandom random, int channels) {
        double[] mean = new double[channels];
        double[] variance = new double[channels];
        double[] gamma = new double[channels];
        double[] beta = new double[channels];
        Arrays.setAll(mean, c -> random.nextGaussian() * 0.2);
        Arrays.setAll(variance, c -> 0.5 + random.nextDouble());
        Arrays.setAll(gamma, c -> 0.5 + random.nextDouble());
        Arrays.setAll(beta, c -> random.nextGaussian() * 0.1);
        return new Layer.BatchNorm(mean, variance, gamma, beta, 1e-5);
    }
}
