package edu.mlcourse.hw5.worker;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Invoker;
import edu.mlcourse.hw5.invocation.Outcome;
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
import java.util.HashMap;
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
            out.writeByte(Messages.HELLO);
            out.writeInt(Messages.VERSION);
            Wire.writeString(out, "Java " + Runtime.version());
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
            Wire.Budget budget = new Wire.Budget(0, Long.MAX_VALUE);
            int count = in.readInt();
            Map<String, byte[]> classes = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = Wire.readString(in, budget);
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            StudentClassLoader loader = new StudentClassLoader(classes, WorkerMain.class.getClassLoader());
            out.writeByte(Messages.LOADED);
            try {
                Class<?> q1 = Class.forName(Q1Function.CLASS_NAME, true, loader);
                invoker = Invoker.bind(q1, loader::isStudentClass);
                out.writeByte(Messages.STATUS_OK);
                for (Q1Function function : Q1Function.values()) {
                    Wire.writeString(out, invoker.problem(function).orElse(null));
                }
            } catch (ClassNotFoundException e) {
                out.writeByte(Messages.STATUS_FAILED);
                Wire.writeOutcome(out, new Outcome.Unavailable("the submission has no class hw5.Q1"), null);
            } catch (ExceptionInInitializerError e) {
                out.writeByte(Messages.STATUS_FAILED);
                Wire.writeOutcome(out, Invoker.threw(e.getCause() == null ? e : e.getCause(), loader::isStudentClass), null);
            } catch (LinkageError | RuntimeException e) {
                out.writeByte(Messages.STATUS_FAILED);
                Wire.writeOutcome(out, Invoker.threw(e, loader::isStudentClass), null);
            }
            Wire.writeString(out, output.drain());
        }

        private void call() throws IOException {
            Q1Function function = Q1Function.values()[in.readInt()];
            int count = in.readInt();
            Wire.Budget budget = new Wire.Budget(Long.MAX_VALUE, 0);
            Object[][] calls = new Object[count][];
            for (int c = 0; c < count; c++) {
                Object[] args = new Object[function.params().size()];
                for (int a = 0; a < args.length; a++) {
                    args[a] = Wire.readArray(in, function.params().get(a).rank(), budget);
                }
                calls[c] = args;
            }
            out.writeByte(Messages.RESULTS);
            for (Object[] args : calls) {
                Outcome outcome = invoker == null
                        ? new Outcome.Unavailable("hw5.Q1 was not loaded")
                        : invoker.invoke(function, args);
                Wire.writeOutcome(out, bounded(outcome), function.outputs());
            }
            Wire.writeString(out, output.drain());
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
