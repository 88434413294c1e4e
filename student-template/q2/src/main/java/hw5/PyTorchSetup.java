package hw5;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import edu.mlcourse.hw5.EnvironmentException;

/**
 * Starts DJL's PyTorch engine for Q2 from the native library Maven put on the classpath, never
 * from a download, or says what to do when it cannot. Given: you need not change it.
 *
 * <p>The first start unpacks PyTorch (about 450 MB on Linux) into DJL's engine cache,
 * {@code ~/.djl.ai/pytorch}; set the environment variable (or system property)
 * {@code ENGINE_CACHE_DIR} to put it elsewhere. Later starts take a second or two.
 */
final class PyTorchSetup {
    /** Where the native-library jar keeps its description; absent when Maven added no such jar. */
    private static final String NATIVE_LIBRARY = "native/lib/pytorch.properties";
    private static final String PLATFORMS = "Linux (x86_64 and aarch64), macOS on Apple silicon and Windows (x86_64)";

    private PyTorchSetup() {
    }

    /**
     * The PyTorch engine, with its random numbers seeded, computing with {@code threads} threads (0:
     * PyTorch's default, one per core).
     */
    static Engine start(int seed, int threads) {
        // q2/pom.xml brings PyTorch's native library for this machine: a download is never needed,
        // and a missing library must say so instead of fetching 200 MB from the internet.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (Thread.currentThread().getContextClassLoader().getResource(NATIVE_LIBRARY) == null
                && PyTorchSetup.class.getClassLoader().getResource(NATIVE_LIBRARY) == null) {
            throw new EnvironmentException("PyTorch's native library is not on the classpath for this machine ("
                    + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "). q2/pom.xml adds it for "
                    + PLATFORMS + ", chosen by the machine Maven runs on; PyTorch 2.7.1 is not built for other"
                    + " platforms, Intel Macs among them. Run Q2 with `mvn -q compile exec:java -pl q2` on one of those"
                    + " (a lab machine, or a GitHub Codespace of your repository), and in an IDE import the project as"
                    + " a Maven project so that it uses Maven's classpath.");
        }
        // Read once, when the engine starts. PyTorch's threads (OpenMP) meet at the end of every
        // operation and wait there spinning for a while: when other programs hold the cores, a thread
        // spins while the one it waits for is not scheduled, and an epoch took 3.5 times longer with
        // two threads than with one on the course's shared build machine. Operations run one after
        // another in a sequential network, so one inter-op thread suffices.
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        try {
            Engine engine = Engine.getEngine("PyTorch");
            engine.setRandomSeed(seed);
            return engine;
        } catch (EngineException | IllegalArgumentException | UnsatisfiedLinkError e) {
            throw new EnvironmentException("PyTorch could not start: " + e.getMessage() + ". If the engine cache is damaged"
                    + " (an interrupted first run), delete ~/.djl.ai/pytorch (or the folder ENGINE_CACHE_DIR names) and"
                    + " run again; it is unpacked anew from the native-library jar.", e);
        }
    }
}
