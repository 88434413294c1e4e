package edu.mlcourse.hw5.vectors;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a vector set folder and its manifest; the inverse of {@link VectorSetReader}. */
public final class VectorSetWriter {
    private VectorSetWriter() {
    }

    /**
     * Writes one file per function and then {@code manifest.json}, replacing what was there.
     *
     * @return the manifest written
     */
    public static Manifest write(Path folder, String set, String generatorVersion, long seed,
                                 Map<Q1Function, List<VectorCase>> cases) {
        TreeMap<String, String> checksums = new TreeMap<>();
        try {
            Files.createDirectories(folder);
            for (Q1Function function : Q1Function.values()) {
                VectorFile file = new VectorFile(VectorFile.FORMAT, set, function.methodName(), cases.get(function));
                byte[] bytes = toBytes(file);
                String name = VectorSet.fileName(function);
                Files.write(folder.resolve(name), bytes);
                checksums.put(name, Sha256.of(bytes));
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, set, generatorVersion, seed, checksums);
            Files.write(folder.resolve(Manifest.FILE_NAME), toBytes(manifest));
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write vectors to " + folder, e);
        }
    }

    private static byte[] toBytes(Object value) throws IOException {
        byte[] json = Json.prettyWriter().writeValueAsBytes(value);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        return withNewline;
    }
}
