package edu.mlcourse.hw5.protocol;

import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Rank;
import edu.mlcourse.hw5.invocation.Outcome;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary encoding of arrays, strings and outcomes between the grader and the student JVM.
 * Readers enforce a {@link Budget}, so a broken or hostile peer cannot make the reader allocate
 * more than the budget allows.
 */
public final class Wire {
    private static final int NULL = -1;

    private Wire() {
    }

    /** How much a reader may still allocate while decoding one message. */
    public static final class Budget {
        private long doubles;
        private long chars;

        public Budget(long doubles, long chars) {
            this.doubles = doubles;
            this.chars = chars;
        }

        public void takeDoubles(int n) throws ProtocolException {
            if (n < 0 || (doubles -= n) < 0) {
                throw new ProtocolException("a message holds more numbers than allowed");
            }
        }

        public void takeChars(int n) throws ProtocolException {
            if (n < 0 || (chars -= n) < 0) {
                throw new ProtocolException("a message holds more text than allowed");
            }
        }
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in, Budget budget) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        budget.takeChars(length);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void writeArray(DataOutputStream out, Object value, Rank rank) throws IOException {
        if (rank == Rank.VECTOR) {
            writeVector(out, (double[]) value);
            return;
        }
        double[][] m = (double[][]) value;
        if (m == null) {
            out.writeInt(NULL);
            return;
        }
        out.writeInt(m.length);
        for (double[] row : m) {
            writeVector(out, row);
        }
    }

    public static Object readArray(DataInputStream in, Rank rank, Budget budget) throws IOException {
        if (rank == Rank.VECTOR) {
            return readVector(in, budget);
        }
        int rows = in.readInt();
        if (rows == NULL) {
            return null;
        }
        budget.takeDoubles(rows);
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = readVector(in, budget);
        }
        return m;
    }

    private static void writeVector(DataOutputStream out, double[] v) throws IOException {
        if (v == null) {
            out.writeInt(NULL);
            return;
        }
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    private static double[] readVector(DataInputStream in, Budget budget) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        budget.takeDoubles(length);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    private static final byte RETURNED = 0;
    private static final byte THREW = 1;
    private static final byte UNAVAILABLE = 2;
    private static final byte REJECTED = 3;

    public static void writeOutcome(DataOutputStream out, Outcome outcome, List<Param> outputs) throws IOException {
        if (outcome instanceof Outcome.Returned r) {
            out.writeByte(RETURNED);
            out.writeBoolean(r.outputs() != null);
            if (r.outputs() != null) {
                for (int i = 0; i < outputs.size(); i++) {
                    writeArray(out, r.outputs()[i], outputs.get(i).rank());
                }
            }
            writeStrings(out, r.contractViolations());
        } else if (outcome instanceof Outcome.Threw t) {
            out.writeByte(THREW);
            writeString(out, t.exceptionClass());
            writeString(out, t.message());
            writeStrings(out, t.frames());
            out.writeBoolean(t.fatal());
        } else if (outcome instanceof Outcome.Unavailable u) {
            out.writeByte(UNAVAILABLE);
            writeString(out, u.reason());
        } else if (outcome instanceof Outcome.Rejected r) {
            out.writeByte(REJECTED);
            writeString(out, r.reason());
        } else {
            throw new IllegalArgumentException(outcome + " is decided by the grader and never sent");
        }
    }

    public static Outcome readOutcome(DataInputStream in, List<Param> outputs, Budget budget) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case RETURNED -> {
                Object[] values = null;
                if (in.readBoolean()) {
                    values = new Object[outputs.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = readArray(in, outputs.get(i).rank(), budget);
                    }
                }
                return new Outcome.Returned(values, readStrings(in, budget));
            }
            case THREW -> {
                return new Outcome.Threw(readString(in, budget), readString(in, budget), readStrings(in, budget),
                        in.readBoolean());
            }
            case UNAVAILABLE -> {
                return new Outcome.Unavailable(readString(in, budget));
            }
            case REJECTED -> {
                return new Outcome.Rejected(readString(in, budget));
            }
            default -> throw new ProtocolException("unknown outcome tag " + tag);
        }
    }

    public static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    public static List<String> readStrings(DataInputStream in, Budget budget) throws IOException {
        int count = in.readInt();
        budget.takeChars(count);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(readString(in, budget));
        }
        return strings;
    }
}
