package edu.mlcourse.hw5.reference.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorCase;
import edu.mlcourse.hw5.vectors.VectorSet;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import edu.mlcourse.hw5.vectors.VectorSetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed test-vectors/ folder: the reference passes it and the generator reproduces it. */
class CommittedVectorsTest {
    static final Path VECTORS = Path.of("..", "test-vectors");

    static Stream<Arguments> everyCommittedCase() {
        return Stream.of("public", "hidden").flatMap(set -> {
            VectorSet vectors = VectorSetReader.read(VECTORS.resolve(set));
            return vectors.cases().entrySet().stream().flatMap(e -> e.getValue().stream()
                    .map(c -> Arguments.of(set, e.getKey(), c)));
        });
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyCommittedCase")
    void referencePassesEveryCase(String set, Q1Function function, VectorCase vectorCase) {
        Map<String, Object> got = VectorGenerator.evaluate(function, vectorCase.inputs());
        vectorCase.expected().forEach((name, expected) ->
                assertTrue(Tolerance.NUMPY_DEFAULT.allClose(expected, got.get(name)),
                        set + "/" + function.methodName() + "/" + vectorCase.name() + ": " + name));
    }

    @Test
    void regeneratingReproducesTheCommittedFilesByteForByte(@TempDir Path fresh) throws IOException {
        for (String set : new String[] {"public", "hidden"}) {
            long seed = VectorSetReader.read(VECTORS.resolve(set)).manifest().seed();
            VectorSetWriter.write(fresh.resolve(set), set, VectorGenerator.VERSION, seed, VectorGenerator.generate(seed));
            try (Stream<Path> files = Files.list(VECTORS.resolve(set))) {
                for (Path committed : files.toList()) {
                    assertEquals(-1L, Files.mismatch(committed, fresh.resolve(set).resolve(committed.getFileName())),
                            committed + " differs from a fresh generation with seed " + seed);
                }
            }
        }
    }

    @Test
    void publicAndHiddenSetsDifferButHaveTheSameCoverage() {
        VectorSet pub = VectorSetReader.read(VECTORS.resolve("public"));
        VectorSet hidden = VectorSetReader.read(VECTORS.resolve("hidden"));
        assertNotEquals(pub.manifest().seed(), hidden.manifest().seed());
        for (Q1Function f : Q1Function.values()) {
            assertEquals(pub.casesOf(f).size(), hidden.casesOf(f).size());
            assertNotEquals(pub.casesOf(f).get(1).inputs().get("x").toString(), hidden.casesOf(f).get(1).inputs().get("x").toString());
        }
    }
}
