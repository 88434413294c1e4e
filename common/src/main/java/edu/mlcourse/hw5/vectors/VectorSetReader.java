package edu.mlcourse.hw5.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.contract.Rank;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a vector set folder ({@code manifest.json} plus one JSON file per function) and refuses
 * it, with a message naming the file, unless every file matches the manifest's SHA-256
 * (checked by {@link ManifestFolder}).
 *
 * <pre>{@code
 * VectorSet hidden = VectorSetReader.read(Path.of("test-vectors/hidden"));
 * }</pre>
 */
public final class VectorSetReader {
    private static final String REGENERATE =
            "Restore the folder from where it came (the course repository, or the project you received);"
            + " instructors regenerate vectors with the reference solution's `vectors` command"
            + " (see test-vectors/README.md).";

    private VectorSetReader() {
    }

    public static VectorSet read(Path folder) {
        ManifestFolder verified = ManifestFolder.open(folder, REGENERATE, VectorIntegrityException::new);
        Manifest manifest = verified.manifest();
        Map<Q1Function, List<VectorCase>> cases = new EnumMap<>(Q1Function.class);
        for (Q1Function function : Q1Function.values()) {
            Path file = verified.verified(VectorSet.fileName(function));
            cases.put(function, readFile(file, function, manifest.set()));
        }
        return new VectorSet(manifest.set(), manifest, cases);
    }

    private static List<VectorCase> readFile(Path file, Q1Function function, String set) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new VectorIntegrityException(file + " is not valid JSON: " + Json.describe(e), e);
        }
        Where where = new Where(file);
        if (!VectorFile.FORMAT.equals(root.path("format").asText())
                || !function.methodName().equals(root.path("function").asText())
                || !set.equals(root.path("set").asText())) {
            throw where.error("expected format " + VectorFile.FORMAT + ", function " + function.methodName()
                    + " and set " + set);
        }
        JsonNode casesNode = root.path("cases");
        if (!casesNode.isArray() || casesNode.isEmpty()) {
            throw where.error("it holds no cases");
        }
        List<VectorCase> cases = new ArrayList<>();
        for (JsonNode node : casesNode) {
            cases.add(readCase(node, function, where));
        }
        return List.copyOf(cases);
    }

    private static VectorCase readCase(JsonNode node, Q1Function function, Where file) {
        String name = node.path("name").asText("");
        Where where = file.in("case \"" + name + "\"");
        if (name.isEmpty()) {
            throw where.error("a case has no name");
        }
        Map<String, Object> inputs = readArrays(node.path("inputs"), function.params(), where.in("inputs"));
        Map<String, Object> expected = readArrays(node.path("expected"), function.outputs(), where.in("expected"));
        Map<String, Map<String, Object>> mistakes = new LinkedHashMap<>();
        JsonNode mistakesNode = node.path("mistakes");
        for (var entry : mistakesNode.properties()) {
            List<Param> changed = function.outputs().stream().filter(p -> entry.getValue().has(p.name())).toList();
            mistakes.put(entry.getKey(), readArrays(entry.getValue(), changed, where.in("mistakes." + entry.getKey())));
        }
        return new VectorCase(name, node.path("description").asText(""), inputs, expected, mistakes);
    }

    private static Map<String, Object> readArrays(JsonNode node, List<Param> params, Where where) {
        if (!node.isObject()) {
            throw where.error("missing");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : params) {
            JsonNode value = node.get(param.name());
            if (value == null) {
                throw where.error("has no " + param.name());
            }
            values.put(param.name(), param.rank() == Rank.MATRIX
                    ? toMatrix(value, where.in(param.name()))
                    : toVector(value, where.in(param.name())));
        }
        return values;
    }

    private static double[][] toMatrix(JsonNode node, Where where) {
        if (!node.isArray() || node.isEmpty()) {
            throw where.error("expected a non-empty array of rows");
        }
        double[][] rows = new double[node.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = toVector(node.get(i), where.in("[" + i + "]"));
            if (rows[i].length != rows[0].length) {
                throw where.error("row " + i + " has " + rows[i].length + " entries, row 0 has " + rows[0].length);
            }
        }
        return rows;
    }

    private static double[] toVector(JsonNode node, Where where) {
        if (!node.isArray() || node.isEmpty()) {
            throw where.error("expected a non-empty array of numbers");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber()) {
                throw where.error("entry " + i + " is not a number");
            }
            values[i] = v.doubleValue();
        }
        return values;
    }

    /** A location inside a vector file, for error messages. */
    private record Where(Path file, String path) {
        Where(Path file) {
            this(file, "");
        }

        Where in(String part) {
            return new Where(file, path.isEmpty() ? part : path + (part.startsWith("[") ? "" : ".") + part);
        }

        VectorIntegrityException error(String what) {
            return new VectorIntegrityException(file + (path.isEmpty() ? "" : " at " + path) + ": " + what + ". "
                    + REGENERATE);
        }
    }
}
