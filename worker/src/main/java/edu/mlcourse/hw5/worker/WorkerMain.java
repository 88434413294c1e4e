package edu.mlcourse.hw5.worker;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Invoker;
import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.protocol.Codec;
import edu.mlcourse.hw5.protocol.Messages;
import edu.mlcourse.hw5.protocol.ProtocolException;
import edu.mlcourse.hw5.protocol.Wire;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entry point of the student JVM: connects to the grader's socket, loads the submission's
 * classes, and answers calls until told to exit. It holds no expected values; it only runs code.
 *
 * <p>Usage: {@code java -cp worker.jar:contract.jar edu.mlcourse.hw5.worker.WorkerMain SOCKET}
 */
public final class WorkerMain {
    /** More than any Q1 answer needs, little enough that the channel and the grader stay healthy. */
    static final long MAX_RETURNED_NUMBERS = 4_000_000;

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WorkerMain SOCKET_PATH");
        }
        CapturedOutput output = CapturedOutput.install();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            Codec.write(out, new Codec.Hello(Messages.VERSION, "Java " + Runtime.version()));
            out.flush();
            new Session(in, out, output).run();
        }
    }

    /** One grader conversation. */
    private static final class Session {
        private final DataInputStream in;
        private final DataOutputStream out;
        private final CapturedOutput output;
        private Invoker invoker;

        Session(DataInputStream in, DataOutputStream out, CapturedOutput output) {
            this.in = in;
            this.out = out;
            this.output = output;
        }

        void run() throws IOException {
            while (true) {
                byte type;
                try {
                    type = in.readByte();
                } catch (EOFException e) {
                    return;
                }
                switch (type) {
                    case Messages.LOAD -> load();
                    case Messages.CALL -> call();
                    case Messages.EXIT -> {
                        return;
                    }
                    default -> throw new ProtocolException("unknown request " + type);
                }
                out.flush();
            }
        }

        private void load() throws IOException {
            Map<String, byte[]> classes = Codec.readLoadBody(in, new Wire.Budget(0, Long.MAX_VALUE)).code();
            StudentClassLoader loader = new StudentClassLoader(classes, WorkerMain.class.getClassLoader());
            Outcome failure = null;
            List<String> problems = new ArrayList<>();
            try {
                Class<?> q1 = Class.forName(Q1Function.CLASS_NAME, true, loader);
                invoker = Invoker.bind(q1, loader::isStudentClass);
                for (Q1Function function : Q1Function.values()) {
                    problems.add(invoker.problem(function).orElse(null));
                }
            } catch (ClassNotFoundException e) {
                failure = new Outcome.Unavailable("the submission has no class hw5.Q1");
            } catch (ExceptionInInitializerError e) {
                failure = Invoker.threw(e.getCause() == null ? e : e.getCause(), loader::isStudentClass);
            } catch (LinkageError | RuntimeException e) {
                failure = Invoker.threw(e, loader::isStudentClass);
            }
            Codec.write(out, new Codec.Loaded(failure == null ? problems : null, failure, output.drain()));
        }

        private void call() throws IOException {
            Codec.Call call = Codec.readCallBody(in, new Wire.Budget(Long.MAX_VALUE, 0));
            List<Outcome> outcomes = new ArrayList<>();
            for (Object[] args : call.argumentLists()) {
                outcomes.add(invoker == null ? new Outcome.Unavailable("hw5.Q1 was not loaded")
                        : bounded(invoker.invoke(call.function(), args)));
            }
            Codec.write(out, new Codec.Results(outcomes, output.drain()), call.function());
        }

        private static Outcome bounded(Outcome outcome) {
            if (outcome instanceof Outcome.Returned r && r.outputs() != null) {
                long numbers = 0;
                for (Object value : r.outputs()) {
                    if (value instanceof double[] v) {
                        numbers += v.length;
                    } else if (value instanceof double[][] m) {
                        numbers += m.length;
                        for (double[] row : m) {
                            numbers += row == null ? 0 : row.length;
                        }
                    }
                }
                if (numbers > MAX_RETURNED_NUMBERS) {
                    return new Outcome.Rejected("it returned " + numbers + " numbers, far more than the inputs call for"
                            + " (the grader accepts at most " + MAX_RETURNED_NUMBERS + "); check the shape of the result");
                }
            }
            return outcome;
        }
    }
}
