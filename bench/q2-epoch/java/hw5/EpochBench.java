package hw5;

import edu.mlcourse.hw5.console.ProgressBar;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.Q2Data;
import edu.mlcourse.hw5.parallel.Workers;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seconds per training epoch of the reference Q2 code (Q1 layers, Workers, Adam, the real
 * trainEpoch) on the 55000 training images. In package hw5 to reach Q2's package-private parts.
 *
 * <p>Usage: EpochBench HIDDEN (e.g. 256,128) THREADS EPOCHS [NETWORKS]. With NETWORKS = 1 one
 * network trains with its matrix products split over THREADS threads; with NETWORKS = THREADS
 * (the reference configuration on two cores) that many networks train at the same time, one per
 * thread, as Training.train does. Prints one line per epoch:
 * {@code java[xN] <hidden> threads=<t> batch=<b> epoch=<i> seconds=<s> loss/acc}.
 */
public final class EpochBench {
    private EpochBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] hidden = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
        int threads = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = FashionMnist.PIXELS;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = FashionMnist.CLASSES;
        Q2Data data = Q2Data.load(FashionMnist.locate(Optional.empty()), Path.of("heldout", "public"), Q2.INPUT,
                Q2Data.DEFAULT_VALIDATION_SIZE, Q2Data.DEFAULT_SPLIT_SEED);
        int networks = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Random random = new Random(1);
        List<Network> nets = new ArrayList<>();
        List<Q2.Adam> optimizers = new ArrayList<>();
        List<WeightAverage> averages = new ArrayList<>();
        List<Random> randoms = new ArrayList<>();
        for (int k = 0; k < networks; k++) {
            Network network = Network.create(sizes, random);
            nets.add(network);
            optimizers.add(new Q2.Adam(network.parameters(), Q2.BETA1, Q2.BETA2, Q2.EPSILON));
            averages.add(new WeightAverage(network.copy().parameters(), network.parameters(), Q2.AVERAGE_DECAY));
            randoms.add(new Random(random.nextLong()));
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        ExecutorService pool = Executors.newFixedThreadPool(networks);
        String name = networks == 1 ? "java" : "java/x" + networks;
        try (Workers workers = Workers.create(Math.max(1, threads / networks))) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long start = System.nanoTime();
                List<Future<String>> summaries = new ArrayList<>();
                for (int k = 0; k < networks; k++) {
                    int index = k;
                    ProgressBar bar = new ProgressBar("epoch", data.training().size(), nowhere, false, System::nanoTime);
                    summaries.add(pool.submit(() -> Q2.trainEpoch(nets.get(index), optimizers.get(index),
                            averages.get(index), data.training(), Q2.LEARNING_RATE, randoms.get(index), workers, bar)));
                }
                String summary = "";
                for (Future<String> f : summaries) {
                    summary = f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s %s threads=%d batch=%d epoch=%d seconds=%.3f %s%n", name, args[0], threads,
                        Q2.BATCH_SIZE, epoch, seconds, summary);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
