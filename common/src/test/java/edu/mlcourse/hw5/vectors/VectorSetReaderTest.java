package edu.mlcourse.hw5.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorSetReaderTest {
    @TempDir
    Path folder;

    @BeforeEach
    void writeTinySet() {
        Map<Q1Function, List<VectorCase>> cases = new EnumMap<>(Q1Function.class);
        for (Q1Function f : Q1Function.values()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            f.params().forEach(p -> inputs.put(p.name(), p.rank() == edu.mlcourse.hw5.contract.Rank.MATRIX
                    ? new double[][] {{1.5, -2}} : new double[] {0.25, 3}));
            Map<String, Object> expected = new LinkedHashMap<>();
            f.outputs().forEach(p -> expected.put(p.name(), p.rank() == edu.mlcourse.hw5.contract.Rank.MATRIX
                    ? new double[][] {{0.1, 1e-300}} : new double[] {7, 8}));
            cases.put(f, List.of(new VectorCase("only", "a case", inputs, expected, Map.of())));
        }
        VectorSetWriter.write(folder, "public", "test", 42, cases);
    }

    @Test
    void readsBackWhatWasWritten() {
        VectorSet set = VectorSetReader.read(folder);
        assertEquals("public", set.name());
        assertEquals(42, set.manifest().seed());
        VectorCase c = set.casesOf(Q1Function.LINEAR_BACKWARD).get(0);
        assertEquals(1e-300, ((double[][]) c.expected().get("dX"))[0][1]);
        assertEquals(8.0, ((double[]) c.expected().get("db"))[1]);
    }

    @Test
    void refusesAFileWhoseChecksumDoesNotMatch() throws IOException {
        Path file = folder.resolve("reluForward.json");
        String json = Files.readString(file).replace("1.5", "1.25");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        VectorIntegrityException e = assertThrows(VectorIntegrityException.class, () -> VectorSetReader.read(folder));
        assertTrue(e.getMessage().contains("Checksum mismatch for " + file), e.getMessage());
        assertTrue(e.getMessage().contains("regenerate"), e.getMessage());
    }

    @Test
    void refusesAMissingFileOrManifest() throws IOException {
        Files.delete(folder.resolve("softmaxBackward.json"));
        assertTrue(assertThrows(VectorIntegrityException.class, () -> VectorSetReader.read(folder))
                .getMessage().contains("softmaxBackward.json is listed in the manifest but missing"));
        Files.delete(folder.resolve("manifest.json"));
        assertTrue(assertThrows(VectorIntegrityException.class, () -> VectorSetReader.read(folder))
                .getMessage().contains("manifest.json is missing"));
    }

    @Test
    void readsASetInsideAJarLikeTheOneBundledInTheGrader() throws IOException {
        Path jar = folder.resolveSibling(folder.getFileName() + ".jar");
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar, java.util.Map.of("create", "true"))) {
            Path inside = zip.getPath("/assignment/public");
            Files.createDirectories(inside);
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.copy(file, inside.resolve(file.getFileName().toString()));
                }
            }
            assertEquals(42, VectorSetReader.read(inside).manifest().seed());
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    @Test
    void refusesAManifestThatIsNotJson() throws IOException {
        Files.writeString(folder.resolve("manifest.json"), "{ not json");
        assertTrue(assertThrows(VectorIntegrityException.class, () -> VectorSetReader.read(folder))
                .getMessage().contains("is not a valid manifest"));
    }
}
