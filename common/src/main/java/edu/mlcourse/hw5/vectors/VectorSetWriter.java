package edu.mlcourse.hw5.vectors;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (Q1Function function : Q1Function.values()) {
                VectorFile file = new VectorFile(VectorFile.FORMAT, set, function.methodName(), cases.get(function));
                String name = VectorSet.fileName(function);
                Files.write(folder.resolve(name), Json.prettyFileBytes(file));
                names.add(name);
            }
            return ManifestFolder.write(folder, set, generatorVersion, seed, names);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write vectors to " + folder, e);
        }
    }
}
