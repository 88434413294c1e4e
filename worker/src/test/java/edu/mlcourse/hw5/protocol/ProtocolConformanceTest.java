package edu.mlcourse.hw5.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.contract.Rank;
import edu.mlcourse.hw5.invocation.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.Arrays;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Both codecs of the worker protocol (worker/PROTOCOL.md) against the same encoded messages
 * (src/test/resources/protocol/messages.json): the Java codec here, the Python one by running its
 * unittest with Debian's python3; and the Python worker's table of functions against the contract.
 */
class ProtocolConformanceTest {
    private static final Path FIXTURES = Path.of("src/test/resources/protocol/messages.json");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final HexFormat HEX = HexFormat.of();

    private static JsonNode fixtures() throws IOException {
        return new ObjectMapper().readTree(FIXTURES.toFile());
    }

    @Test
    void theFixturesAreOfThisProtocolVersion() throws IOException {
        assertEquals(Messages.VERSION, fixtures().get("protocolVersion").asInt());
    }

    @TestFactory
    Stream<DynamicTest> everyMessageEncodesToItsBytesAndDecodesBack() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode message : fixtures().get("messages")) {
            tests.add(DynamicTest.dynamicTest(message.get("name").asText(), () -> conforms(message)));
        }
        return tests.stream();
    }

    private static void conforms(JsonNode message) throws IOException {
        byte[] encoded = HEX.parseHex(message.get("hex").asText());
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        Wire.Budget budget = new Wire.Budget(1_000_000, 1_000_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        switch (message.get("type").asText()) {
            case "HELLO" -> {
                Codec.Hello hello = new Codec.Hello(message.get("version").asInt(), message.get("runtime").asText());
                Codec.write(out, hello);
                assertEquals(hello, Codec.readHello(in, budget));
            }
            case "LOAD" -> {
                Map<String, byte[]> code = new LinkedHashMap<>();
                message.get("code").forEach(unit -> code.put(unit.get(0).asText(),
                        unit.get(1).asText().getBytes(StandardCharsets.UTF_8)));
                Codec.write(out, new Codec.Load(code));
                assertEquals(Messages.LOAD, in.readByte());
                Map<String, byte[]> read = Codec.readLoadBody(in, budget).code();
                assertEquals(code.keySet(), read.keySet());
                code.forEach((name, source) -> assertArrayEquals(source, read.get(name), name));
            }
            case "LOADED" -> {
                Codec.Loaded loaded = message.has("failure")
                        ? new Codec.Loaded(null, outcome(message.get("failure"), List.of()), message.get("output").asText())
                        : new Codec.Loaded(strings(message.get("problems")), null, message.get("output").asText());
                Codec.write(out, loaded);
                Codec.Loaded read = Codec.readLoaded(in, budget);
                assertEquals(loaded.problems(), read.problems());
                assertEquals(describe(loaded.failure()), describe(read.failure()));
                assertEquals(loaded.output(), read.output());
            }
            case "CALL" -> {
                Q1Function function = Q1Function.values()[message.get("function").asInt()];
                List<Object[]> calls = new ArrayList<>();
                for (JsonNode call : message.get("calls")) {
                    Object[] args = new Object[function.params().size()];
                    for (int a = 0; a < args.length; a++) {
                        args[a] = array(call.get(a), function.params().get(a).rank());
                    }
                    calls.add(args);
                }
                Codec.write(out, new Codec.Call(function, calls));
                assertEquals(Messages.CALL, in.readByte());
                Codec.Call read = Codec.readCallBody(in, budget);
                assertEquals(function, read.function());
                assertEquals(describe(calls), describe(read.argumentLists()));
            }
            case "RESULTS" -> {
                Q1Function function = Q1Function.values()[message.get("function").asInt()];
                List<Outcome> outcomes = new ArrayList<>();
                message.get("outcomes").forEach(o -> outcomes.add(outcome(o, function.outputs())));
                Codec.write(out, new Codec.Results(outcomes, message.get("output").asText()), function);
                Codec.Results read = Codec.readResults(in, function, outcomes.size(), budget);
                assertEquals(outcomes.stream().map(ProtocolConformanceTest::describe).toList(),
                        read.outcomes().stream().map(ProtocolConformanceTest::describe).toList());
                assertEquals(message.get("output").asText(), read.output());
            }
            case "EVALUATE" -> {
                byte[] notebook = message.get("notebook").isNull() ? null
                        : message.get("notebook").asText().getBytes(StandardCharsets.UTF_8);
                Codec.Evaluate evaluate = new Codec.Evaluate(message.get("modelName").asText(),
                        HEX.parseHex(message.get("model").asText()), notebook, HEX.parseHex(message.get("images").asText()),
                        message.get("rows").asInt(), message.get("columns").asInt());
                Codec.write(out, evaluate);
                assertEquals(Messages.EVALUATE, in.readByte());
                Codec.Evaluate read = Codec.readEvaluateBody(in, budget);
                assertEquals(evaluate.modelName(), read.modelName());
                assertArrayEquals(evaluate.model(), read.model());
                assertArrayEquals(evaluate.notebook(), read.notebook());
                assertArrayEquals(evaluate.images(), read.images());
                assertEquals(List.of(evaluate.rows(), evaluate.columns()), List.of(read.rows(), read.columns()));
            }
            case "EVALUATED" -> {
                List<Codec.ConventionResult> results = new ArrayList<>();
                if (message.has("results")) {
                    for (JsonNode result : message.get("results")) {
                        int[] labels = result.get(1).isNull() ? null : labels(result.get(1));
                        results.add(new Codec.ConventionResult(result.get(0).asText(), labels,
                                result.get(2).isNull() ? null : result.get(2).asText()));
                    }
                }
                Outcome failure = message.has("failure") ? outcome(message.get("failure"), List.of()) : null;
                Codec.Evaluated evaluated = new Codec.Evaluated(strings(message.get("notes")), results, failure,
                        message.get("output").asText());
                Codec.write(out, evaluated);
                Codec.Evaluated read = Codec.readEvaluated(in, budget);
                assertEquals(evaluated.notes(), read.notes());
                assertEquals(describe(failure), describe(read.failure()));
                assertEquals(results.size(), read.results().size());
                for (int i = 0; i < results.size(); i++) {
                    assertEquals(results.get(i).convention(), read.results().get(i).convention());
                    assertArrayEquals(results.get(i).labels(), read.results().get(i).labels());
                    assertEquals(results.get(i).why(), read.results().get(i).why());
                }
                assertEquals(evaluated.output(), read.output());
            }
            case "COMPLETE" -> {
                Codec.writeComplete(out, message.get("index").asInt());
                assertEquals(Messages.COMPLETE, in.readByte());
                assertEquals(message.get("index").asInt(), Codec.readCompleteBody(in));
            }
            case "LABELS" -> {
                int[] labels = message.get("labels").isNull() ? null : labels(message.get("labels"));
                Codec.Labels written = new Codec.Labels(labels, message.get("why").isNull() ? null
                        : message.get("why").asText(), message.get("output").asText());
                Codec.write(out, written);
                Codec.Labels read = Codec.readLabels(in, budget);
                assertArrayEquals(written.labels(), read.labels());
                assertEquals(written.why(), read.why());
                assertEquals(written.output(), read.output());
            }
            case "EXIT" -> {
                Codec.writeExit(out);
                assertEquals(Messages.EXIT, in.readByte());
            }
            default -> throw new AssertionError("unknown message type " + message.get("type"));
        }
        out.flush();
        assertEquals(HEX.formatHex(encoded), HEX.formatHex(bytes.toByteArray()), "encoded as specified");
        assertEquals(-1, in.read(), "every byte is read");
    }

    private static int[] labels(JsonNode values) {
        int[] labels = new int[values.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = values.get(i).asInt();
        }
        return labels;
    }

    private static double number(JsonNode value) {
        return value.isTextual() ? Double.parseDouble(value.asText()) : value.asDouble();
    }

    private static Object array(JsonNode value, Rank rank) {
        if (value.isNull()) {
            return null;
        }
        if (rank == Rank.VECTOR) {
            double[] v = new double[value.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = number(value.get(i));
            }
            return v;
        }
        double[][] m = new double[value.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = (double[]) array(value.get(i), Rank.VECTOR);
        }
        return m;
    }

    private static List<String> strings(JsonNode values) {
        List<String> strings = new ArrayList<>();
        values.forEach(v -> strings.add(v.isNull() ? null : v.asText()));
        return strings;
    }

    private static Outcome outcome(JsonNode described, List<Param> outputs) {
        return switch (described.get("outcome").asText()) {
            case "RETURNED" -> {
                JsonNode values = described.get("outputs");
                Object[] outputValues = null;
                if (!values.isNull()) {
                    outputValues = new Object[outputs.size()];
                    for (int i = 0; i < outputValues.length; i++) {
                        outputValues[i] = array(values.get(i), outputs.get(i).rank());
                    }
                }
                yield new Outcome.Returned(outputValues, strings(described.get("violations")));
            }
            case "THREW" -> new Outcome.Threw(described.get("type").asText(),
                    described.get("message").isNull() ? null : described.get("message").asText(),
                    strings(described.get("frames")), described.get("fatal").asBoolean());
            case "UNAVAILABLE" -> new Outcome.Unavailable(described.get("reason").asText());
            case "REJECTED" -> new Outcome.Rejected(described.get("reason").asText());
            default -> throw new AssertionError("unknown outcome " + described);
        };
    }

    /** Values as text, doubles by their bits: NaN equals NaN, −0.0 differs from 0.0. */
    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof double[] v) {
            return Arrays.stream(v).mapToObj(d -> Long.toHexString(Double.doubleToRawLongBits(d))).toList().toString();
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(ProtocolConformanceTest::describe).toList().toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProtocolConformanceTest::describe).toList().toString();
        }
        if (value instanceof Outcome.Returned r) {
            return "Returned(" + describe(r.outputs()) + ", " + r.contractViolations() + ")";
        }
        return value.toString();
    }

    @Test
    void thePythonCodecPassesTheSameMessages() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "needs Debian's python3");
        Run run = python("-m", "unittest", "discover", "-s", "src/test/python");
        assertEquals(0, run.code(), run.output());
        assertTrue(run.output().contains("OK"), run.output());
    }

    @Test
    void thePythonWorkersTableOfFunctionsIsTheContracts() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "needs Debian's python3");
        Run run = python("-c", "import json; from hw5_worker import contract; print(json.dumps(contract.table()))");
        assertEquals(0, run.code(), run.output());
        JsonNode table = new ObjectMapper().readTree(run.output());
        assertEquals(Q1Function.values().length, table.size());
        for (Q1Function function : Q1Function.values()) {
            JsonNode entry = table.get(function.ordinal());
            assertEquals(function.ordinal(), entry.get("index").asInt());
            assertEquals(function.pythonName(), entry.get("python").asText());
            assertEquals(function.methodName(), entry.get("java").asText());
            assertEquals(params(function.params()), entry.get("params").toString(), function.name());
            assertEquals(params(function.outputs()), entry.get("outputs").toString(), function.name());
        }
    }

    private static String params(List<Param> params) {
        return params.stream().map(p -> "[\"" + p.pythonName() + "\",\"" + p.rank().name().toLowerCase(java.util.Locale.ROOT)
                + "\"]").toList().toString().replace(" ", "");
    }

    record Run(int code, String output) {
    }

    /** Python with the worker's sources on its path; the Python tests need nothing else. */
    private static Run python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", Path.of("src/main/python").toAbsolutePath().toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "python finished");
        return new Run(process.exitValue(), output);
    }
}
