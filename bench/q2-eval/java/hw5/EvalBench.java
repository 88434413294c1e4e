package hw5;

import edu.mlcourse.hw5.grader.heldout.HeldOutData;
import edu.mlcourse.hw5.grader.heldout.ModelEvaluator;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The grader's my_model.json evaluator on the held-out images, timed call by call in one JVM (the
 * first call is what one `grader grade` pays: a cold JIT); wall and CPU seconds of the whole process.
 *
 *   java -cp grader.jar:classes hw5.EvalBench MODEL.json HELDOUT_DIR REPEATS
 */
public final class EvalBench {
    public static void main(String[] args) throws Exception {
        ModelFile model = ModelFiles.read(Path.of(args[0]));
        HeldOutData data = HeldOutData.read(Path.of(args[1]));
        int repeats = Integer.parseInt(args[2]);
        int[] labels = null;
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            labels = ModelEvaluator.predict(model, data.images());
            System.out.printf("java repeat=%d seconds=%.3f cpu=%.3f%n", r, (System.nanoTime() - start) / 1e9,
                    (os.getProcessCpuTime() - cpu) / 1e9);
        }
        ByteBuffer bytes = ByteBuffer.allocate(labels.length);
        for (int label : labels) {
            bytes.put((byte) label);
        }
        System.out.println("java labels=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array())).substring(0, 16));
    }
}
