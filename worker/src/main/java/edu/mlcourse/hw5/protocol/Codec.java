package edu.mlcourse.hw5.protocol;

import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The Java codec of the worker protocol's messages (worker/PROTOCOL.md), both directions: the
 * grader writes LOAD, CALL and EXIT and reads the rest; a worker the other way round. Values are
 * encoded by {@link Wire}. The Python codec ({@code hw5_worker/protocol.py}) is its twin; both are
 * tested against the same encoded messages.
 */
public final class Codec {
    private Codec() {
    }

    /** HELLO: the worker's first words. */
    public record Hello(int version, String runtime) {
    }

    /** LOAD: the student's code, name to bytes (Java: class files; Python: module sources). */
    public record Load(Map<String, byte[]> code) {
        public Load {
            code = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(code));
        }
    }

    /**
     * LOADED: either, per function in the contract's order, why it cannot be called (null when it
     * can), or the outcome that loading itself ended in; and what was printed.
     */
    public record Loaded(List<String> problems, Outcome failure, String output) {
        public Loaded {
            problems = problems == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(problems));
        }

        public boolean succeeded() {
            return failure == null;
        }
    }

    /** CALL: one function, called once per argument list. */
    public record Call(Q1Function function, List<Object[]> argumentLists) {
        public Call {
            argumentLists = List.copyOf(argumentLists);
        }
    }

    /** RESULTS: one outcome per call, and what was printed. */
    public record Results(List<Outcome> outcomes, String output) {
        public Results {
            outcomes = List.copyOf(outcomes);
        }
    }

    public static void write(DataOutputStream out, Hello hello) throws IOException {
        out.writeByte(Messages.HELLO);
        out.writeInt(hello.version());
        Wire.writeString(out, hello.runtime());
    }

    public static Hello readHello(DataInputStream in, Wire.Budget budget) throws IOException {
        expect(in, Messages.HELLO, "HELLO");
        return new Hello(in.readInt(), Wire.readString(in, budget));
    }

    public static void write(DataOutputStream out, Load load) throws IOException {
        out.writeByte(Messages.LOAD);
        out.writeInt(load.code().size());
        for (Map.Entry<String, byte[]> unit : load.code().entrySet()) {
            Wire.writeString(out, unit.getKey());
            out.writeInt(unit.getValue().length);
            out.write(unit.getValue());
        }
    }

    /** Reads LOAD's body; its type byte has been read already (a worker reads requests by type). */
    public static Load readLoadBody(DataInputStream in, Wire.Budget budget) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new ProtocolException("a negative number of files");
        }
        Map<String, byte[]> code = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = Wire.readString(in, budget);
            int length = in.readInt();
            budget.takeChars(length);
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            code.put(name, bytes);
        }
        return new Load(code);
    }

    public static void write(DataOutputStream out, Loaded loaded) throws IOException {
        out.writeByte(Messages.LOADED);
        if (loaded.succeeded()) {
            out.writeByte(Messages.STATUS_OK);
            for (String problem : loaded.problems()) {
                Wire.writeString(out, problem);
            }
        } else {
            out.writeByte(Messages.STATUS_FAILED);
            Wire.writeOutcome(out, loaded.failure(), List.of());
        }
        Wire.writeString(out, loaded.output());
    }

    public static Loaded readLoaded(DataInputStream in, Wire.Budget budget) throws IOException {
        expect(in, Messages.LOADED, "LOADED");
        byte status = in.readByte();
        Loaded loaded;
        if (status == Messages.STATUS_OK) {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < Q1Function.values().length; i++) {
                problems.add(Wire.readString(in, budget));
            }
            loaded = new Loaded(problems, null, null);
        } else if (status == Messages.STATUS_FAILED) {
            Outcome failure = Wire.readOutcome(in, List.of(), budget);
            if (!(failure instanceof Outcome.Threw) && !(failure instanceof Outcome.Unavailable)) {
                throw new ProtocolException("a failed LOADED must carry THREW or UNAVAILABLE");
            }
            loaded = new Loaded(null, failure, null);
        } else {
            throw new ProtocolException("unknown LOADED status " + status);
        }
        return new Loaded(loaded.problems(), loaded.failure(), Wire.readString(in, budget));
    }

    public static void write(DataOutputStream out, Call call) throws IOException {
        out.writeByte(Messages.CALL);
        out.writeInt(call.function().ordinal());
        out.writeInt(call.argumentLists().size());
        List<Param> params = call.function().params();
        for (Object[] args : call.argumentLists()) {
            for (int a = 0; a < args.length; a++) {
                Wire.writeArray(out, args[a], params.get(a).rank());
            }
        }
    }

    /** Reads CALL's body; its type byte has been read already. */
    public static Call readCallBody(DataInputStream in, Wire.Budget budget) throws IOException {
        int index = in.readInt();
        if (index < 0 || index >= Q1Function.values().length) {
            throw new ProtocolException("no function " + index);
        }
        Q1Function function = Q1Function.values()[index];
        int count = in.readInt();
        if (count < 0) {
            throw new ProtocolException("a negative number of calls");
        }
        List<Object[]> argumentLists = new ArrayList<>(Math.min(count, 1024));
        for (int c = 0; c < count; c++) {
            Object[] args = new Object[function.params().size()];
            for (int a = 0; a < args.length; a++) {
                args[a] = Wire.readArray(in, function.params().get(a).rank(), budget);
            }
            argumentLists.add(args);
        }
        return new Call(function, argumentLists);
    }

    /** @param function the function called, whose outputs the outcomes carry */
    public static void write(DataOutputStream out, Results results, Q1Function function) throws IOException {
        out.writeByte(Messages.RESULTS);
        for (Outcome outcome : results.outcomes()) {
            Wire.writeOutcome(out, outcome, function.outputs());
        }
        Wire.writeString(out, results.output());
    }

    /** @param count the number of calls made, as the grader knows it */
    public static Results readResults(DataInputStream in, Q1Function function, int count, Wire.Budget budget)
            throws IOException {
        expect(in, Messages.RESULTS, "RESULTS");
        List<Outcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            outcomes.add(Wire.readOutcome(in, function.outputs(), budget));
        }
        return new Results(outcomes, Wire.readString(in, budget));
    }

    /**
     * EVALUATE: a student's model file with the notebook that may define its class, and the
     * images to predict ({@code count × rows × columns} pixels, row by row).
     *
     * @param notebook the notebook's bytes, or null when there is none
     */
    public record Evaluate(String modelName, byte[] model, byte[] notebook, byte[] images, int rows, int columns) {
        public int count() {
            return images.length / (rows * columns);
        }
    }

    /**
     * One input convention's outcome: the labels the model gave the images it ran on (in EVALUATED,
     * a sample: the first images), or why it did not run.
     */
    public record ConventionResult(String convention, int[] labels, String why) {
    }

    /**
     * EVALUATED: what the worker found (notes) and each convention's result; or, when the model
     * could not be loaded at all, that failure as an outcome. And what was printed.
     */
    public record Evaluated(List<String> notes, List<ConventionResult> results, Outcome failure, String output) {
        public Evaluated {
            notes = List.copyOf(notes);
            results = List.copyOf(results);
        }

        public boolean succeeded() {
            return failure == null;
        }
    }

    public static void write(DataOutputStream out, Evaluate evaluate) throws IOException {
        out.writeByte(Messages.EVALUATE);
        Wire.writeString(out, evaluate.modelName());
        out.writeInt(evaluate.model().length);
        out.write(evaluate.model());
        if (evaluate.notebook() == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(evaluate.notebook().length);
            out.write(evaluate.notebook());
        }
        out.writeInt(evaluate.count());
        out.writeInt(evaluate.rows());
        out.writeInt(evaluate.columns());
        out.write(evaluate.images());
    }

    /** Reads EVALUATE's body; its type byte has been read already. */
    public static Evaluate readEvaluateBody(DataInputStream in, Wire.Budget budget) throws IOException {
        String name = Wire.readString(in, budget);
        byte[] model = bytes(in, in.readInt(), budget);
        int notebookLength = in.readInt();
        byte[] notebook = notebookLength == -1 ? null : bytes(in, notebookLength, budget);
        int count = in.readInt();
        int rows = in.readInt();
        int columns = in.readInt();
        if (count < 0 || rows <= 0 || columns <= 0) {
            throw new ProtocolException("impossible image sizes " + count + "×" + rows + "×" + columns);
        }
        return new Evaluate(name, model, notebook, bytes(in, Math.multiplyExact(count, rows * columns), budget), rows,
                columns);
    }

    public static void write(DataOutputStream out, Evaluated evaluated) throws IOException {
        out.writeByte(Messages.EVALUATED);
        if (evaluated.succeeded()) {
            out.writeByte(Messages.STATUS_OK);
            Wire.writeStrings(out, evaluated.notes());
            out.writeInt(evaluated.results().size());
            for (ConventionResult result : evaluated.results()) {
                Wire.writeString(out, result.convention());
                out.writeBoolean(result.labels() != null);
                if (result.labels() != null) {
                    writeLabels(out, result.labels());
                } else {
                    Wire.writeString(out, result.why());
                }
            }
        } else {
            out.writeByte(Messages.STATUS_FAILED);
            Wire.writeOutcome(out, evaluated.failure(), List.of());
            Wire.writeStrings(out, evaluated.notes());
        }
        Wire.writeString(out, evaluated.output());
    }

    public static Evaluated readEvaluated(DataInputStream in, Wire.Budget budget) throws IOException {
        expect(in, Messages.EVALUATED, "EVALUATED");
        byte status = in.readByte();
        List<String> notes;
        List<ConventionResult> results = new ArrayList<>();
        Outcome failure = null;
        if (status == Messages.STATUS_OK) {
            notes = Wire.readStrings(in, budget);
            int count = in.readInt();
            budget.takeChars(count);
            for (int i = 0; i < count; i++) {
                String convention = Wire.readString(in, budget);
                if (in.readBoolean()) {
                    results.add(new ConventionResult(convention, readLabelBytes(in, budget), null));
                } else {
                    results.add(new ConventionResult(convention, null, Wire.readString(in, budget)));
                }
            }
        } else if (status == Messages.STATUS_FAILED) {
            failure = Wire.readOutcome(in, List.of(), budget);
            notes = Wire.readStrings(in, budget);
        } else {
            throw new ProtocolException("unknown EVALUATED status " + status);
        }
        return new Evaluated(notes, results, failure, Wire.readString(in, budget));
    }

    /** COMPLETE: run the convention at {@code index} of EVALUATED's results on every image. */
    public static void writeComplete(DataOutputStream out, int index) throws IOException {
        out.writeByte(Messages.COMPLETE);
        out.writeInt(index);
    }

    /** Reads COMPLETE's body (the convention's index); its type byte has been read already. */
    public static int readCompleteBody(DataInputStream in) throws IOException {
        return in.readInt();
    }

    /** LABELS: every image's label under the convention COMPLETE named (or why not), and what was printed. */
    public record Labels(int[] labels, String why, String output) {
        public boolean ran() {
            return labels != null;
        }
    }

    public static void write(DataOutputStream out, Labels labels) throws IOException {
        out.writeByte(Messages.LABELS);
        out.writeBoolean(labels.ran());
        if (labels.ran()) {
            writeLabels(out, labels.labels());
        } else {
            Wire.writeString(out, labels.why());
        }
        Wire.writeString(out, labels.output());
    }

    public static Labels readLabels(DataInputStream in, Wire.Budget budget) throws IOException {
        expect(in, Messages.LABELS, "LABELS");
        if (in.readBoolean()) {
            int[] labels = readLabelBytes(in, budget);
            return new Labels(labels, null, Wire.readString(in, budget));
        }
        String why = Wire.readString(in, budget);
        return new Labels(null, why, Wire.readString(in, budget));
    }

    private static void writeLabels(DataOutputStream out, int[] labels) throws IOException {
        out.writeInt(labels.length);
        for (int label : labels) {
            out.writeByte(label);
        }
    }

    private static int[] readLabelBytes(DataInputStream in, Wire.Budget budget) throws IOException {
        byte[] bytes = bytes(in, in.readInt(), budget);
        int[] values = new int[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            values[k] = bytes[k] & 0xFF;
        }
        return values;
    }

    private static byte[] bytes(DataInputStream in, int length, Wire.Budget budget) throws IOException {
        budget.takeChars(length);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    public static void writeExit(DataOutputStream out) throws IOException {
        out.writeByte(Messages.EXIT);
    }

    private static void expect(DataInputStream in, byte type, String name) throws IOException {
        byte got = in.readByte();
        if (got != type) {
            throw new ProtocolException("expected " + name + ", got message type " + got);
        }
    }

}
