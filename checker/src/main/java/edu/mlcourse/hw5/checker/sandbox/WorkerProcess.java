package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.protocol.Codec;
import edu.mlcourse.hw5.protocol.Messages;
import edu.mlcourse.hw5.protocol.ProtocolException;
import edu.mlcourse.hw5.protocol.Wire;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running student JVM and the socket to it. Every exchange has a deadline; when it passes,
 * or the process misbehaves, the whole process tree is killed.
 */
final class WorkerProcess implements AutoCloseable {
    /** Far more than a JVM needs to start, even on a machine busy with other work. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How often a running call's CPU time is read; calls that finish sooner cost nothing extra. */
    private static final Duration POLL = Duration.ofMillis(25);
    private static final int DRAIN_LIMIT = 10 * 1024;
    /** How long a JVM that closed its end of the channel may take to exit (a namespace to tear down, say). */
    private static final Duration END_GRACE = Duration.ofSeconds(1);

    private final Process process;
    private final WorkerCpuTime cpuTime;
    /** How long the worker's threads were ready to run but queued for a core during the last exchange, as far as seen. */
    private volatile Duration queuedInLastExchange = Duration.ZERO;
    private String runtime;
    private final Runnable endStrays;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final BoundedDrain stdout;
    private final BoundedDrain stderr;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hw5-worker-reader");
        t.setDaemon(true);
        return t;
    });

    private WorkerProcess(Process process, WorkerCpuTime cpuTime, Runnable endStrays, SocketChannel channel,
                          BoundedDrain stdout, BoundedDrain stderr) {
        this.process = process;
        this.cpuTime = cpuTime;
        this.endStrays = endStrays;
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** A request written by the grader. */
    interface Request {
        void write(DataOutputStream out) throws IOException;
    }

    /** A response read by the grader. */
    interface Response<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Starts a worker in {@code scratch} and waits until it has connected and said HELLO. */
    static WorkerProcess start(WorkerLauncher launcher, Path scratch) throws IOException, WorkerStartException {
        Path socket = scratch.resolve("hw5-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try (server) {
            server.bind(UnixDomainSocketAddress.of(socket));
            // The isolated process may run as another user; it must be able to connect.
            Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            server.configureBlocking(false);
            Process process = launcher.processFor(socket, scratch).start();
            Runnable endStrays = () -> launcher.isolation().endProcesses(scratch);
            process.getOutputStream().close();
            BoundedDrain stdout = new BoundedDrain(process.getInputStream(), DRAIN_LIMIT, "hw5-worker-stdout");
            BoundedDrain stderr = new BoundedDrain(process.getErrorStream(), DRAIN_LIMIT, "hw5-worker-stderr");
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (true) {
                SocketChannel channel = server.accept();
                if (channel != null) {
                    channel.configureBlocking(true);
                    WorkerProcess worker = new WorkerProcess(process, new WorkerCpuTime(process.toHandle(),
                            launcher.program().executable()), endStrays, channel, stdout, stderr);
                    worker.awaitHello(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())).plusSeconds(1));
                    return worker;
                }
                if (!process.isAlive()) {
                    endStrays.run();
                    throw new WorkerStartException("the worker ended before it started (exit code "
                            + process.exitValue() + "): " + (stderr.text(500) + stdout.text(100)).strip());
                }
                if (System.nanoTime() > deadline) {
                    killTree(process);
                    endStrays.run();
                    throw new WorkerStartException("the worker did not start within " + START_TIMEOUT.toSeconds() + " s");
                }
                sleep(5);
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    /** Reads the worker's HELLO: no student code has run yet, so any failure here is the grader's. */
    private void awaitHello(Duration timeout) throws WorkerStartException {
        Future<String> hello = reader.submit(() -> {
            Codec.Hello said = Codec.readHello(in, new Wire.Budget(0, 4096));
            if (said.version() != Messages.VERSION) {
                throw new ProtocolException("the worker speaks protocol version " + said.version() + ", the grader "
                        + Messages.VERSION + ": rebuild them together");
            }
            return said.runtime();
        });
        try {
            runtime = hello.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            throw new WorkerStartException("the worker did not say HELLO within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            awaitEnd(END_GRACE);
            String said = (stderr.text(500) + stdout.text(100)).strip();
            kill();
            throw new WorkerStartException("the worker failed before HELLO (" + e.getCause().getMessage() + ")"
                    + (said.isEmpty() ? "" : ": " + said));
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new WorkerStartException("interrupted while the worker started");
        }
    }

    /** What runs the student code, as the worker said: "Java 17.0.15", "Python 3.11.2, numpy 1.24.2". */
    String runtime() {
        return runtime;
    }

    /** CPU time the worker has used since it started, where the system tells. */
    Optional<Duration> cpuUsed() {
        return cpuTime.used();
    }

    /**
     * Sends a request and reads its response within {@code limit}.
     *
     * @throws CallTimeout when the limit is reached; the process is then killed
     * @throws IOException when the process ends or breaks the protocol
     */
    <T> T exchange(Request request, Response<T> response, CallLimit limit) throws IOException, CallTimeout {
        Future<T> pending = reader.submit(() -> {
            request.write(out);
            out.flush();
            return response.read(in);
        });
        long start = System.nanoTime();
        Duration cpuAtFirstLook = null;
        Duration queuedAtFirstLook = null;
        Duration queuedLastSeen = null;
        RecentReadiness recently = new RecentReadiness(limit.idle());
        queuedInLastExchange = Duration.ZERO;
        try {
            while (true) {
                long elapsedLeft = limit.elapsed().toNanos() - (System.nanoTime() - start);
                try {
                    return pending.get(Math.max(1, Math.min(POLL.toNanos(), elapsedLeft)), TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillRunning) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                    Optional<Duration> cpu = cpuTime.used();
                    if (cpu.isPresent() && cpuAtFirstLook == null) {
                        cpuAtFirstLook = cpu.get();
                    }
                    // POLL stands for what was computed before the first look, counted as if all busy;
                    // without CPU figures from the system, elapsed time stands in for them.
                    Duration computed = cpu.isEmpty() ? elapsed : cpu.get().minus(cpuAtFirstLook).plus(POLL);
                    Optional<Duration> queued = cpuTime.queued();
                    if (queued.isPresent() && queuedAtFirstLook == null) {
                        queuedAtFirstLook = queued.get();
                    }
                    if (queued.isPresent()) {
                        queuedLastSeen = queued.get();
                        queuedInLastExchange = queuedLastSeen.minus(queuedAtFirstLook);
                    }
                    Duration ready = queued.isEmpty() ? computed : computed.plus(queued.get().minus(queuedAtFirstLook));
                    CallLimit.Verdict verdict = limit.verdict(elapsed, computed, recently.record(elapsed, ready));
                    if (verdict != null) {
                        kill();
                        throw new CallTimeout(verdict);
                    }
                }
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ProtocolException)) {
                // The channel closed: the JVM is most likely ending. Let it, so that its exit code can be told.
                awaitEnd(END_GRACE);
            }
            kill();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * How long the worker's threads waited for a core during the last exchange (Linux's schedstat;
     * zero where the system does not tell): time other work on the machine took, not the code.
     */
    Duration queuedInLastExchange() {
        return queuedInLastExchange;
    }

    private void awaitEnd(Duration grace) {
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Says how the process ended (exit code, fatal message) once it has; for messages. */
    String describeEnd() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String jvmOutput = (stderr.text(200) + stdout.text(200)).strip();
        String code = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        return code + (jvmOutput.isEmpty() ? "" : "; the JVM said: " + jvmOutput);
    }

    /** Kills the process and everything it started, in its process tree or not; idempotent. */
    void kill() {
        killTree(process);
        endStrays.run();
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a dead channel can only fail harmlessly.
        }
    }

    static void killTree(Process process) {
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Children re-parented while we killed their parent: one more sweep.
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                Codec.writeExit(out);
                out.flush();
                process.waitFor(1, TimeUnit.SECONDS);
            } catch (IOException e) {
                // Already gone: kill() below cleans up.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill();
        reader.shutdownNow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An exchange reached its {@link CallLimit}; the process was killed. */
    static final class CallTimeout extends Exception {
        private static final long serialVersionUID = 1L;
        private final CallLimit.Verdict verdict;

        CallTimeout(CallLimit.Verdict verdict) {
            super("stopped: " + verdict, null, false, false);
            this.verdict = verdict;
        }

        /** True when the call was stopped computing (an endless loop); false when mostly waiting. */
        boolean computing() {
            return verdict == CallLimit.Verdict.COMPUTING;
        }
    }

    /** The student JVM could not be started or did not connect. */
    static final class WorkerStartException extends Exception {
        private static final long serialVersionUID = 1L;

        WorkerStartException(String message) {
            super(message);
        }
    }
}
