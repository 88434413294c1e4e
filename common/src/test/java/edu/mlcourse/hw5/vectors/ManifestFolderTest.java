package edu.mlcourse.hw5.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.CourseDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFolderTest {
    private static final String REMEDY = "Restore it.";

    @TempDir
    Path folder;

    @BeforeEach
    void writeAFolder() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "alpha");
        Files.write(folder.resolve("b.bin"), new byte[] {1, 2, 3});
        ManifestFolder.write(folder, "tiny", "7", -5, List.of("b.bin", "a.txt"));
    }

    private ManifestFolder open() {
        return ManifestFolder.open(folder, REMEDY, CourseDataException::new);
    }

    private String failure(Runnable action) {
        String message = assertThrows(CourseDataException.class, action::run).getMessage();
        assertTrue(message.endsWith(REMEDY), message);
        return message;
    }

    @Test
    void writesAManifestWithEachFilesChecksumAndVerifiesThem() throws IOException {
        Manifest manifest = open().manifest();
        assertEquals(new Manifest(Manifest.FORMAT, "tiny", "7", -5, new java.util.TreeMap<>(java.util.Map.of(
                "a.txt", Sha256.of("alpha".getBytes(StandardCharsets.UTF_8)),
                "b.bin", Sha256.of(new byte[] {1, 2, 3})))), manifest);
        assertEquals(folder.resolve("a.txt"), open().requireSet("tiny").verified("a.txt"));
        assertTrue(Files.readString(folder.resolve(Manifest.FILE_NAME)).endsWith("}\n"));
    }

    @Test
    void refusesAnEditedFile() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "alphA");
        assertTrue(failure(() -> open().verified("a.txt")).startsWith("Checksum mismatch for " + folder.resolve("a.txt")));
        assertEquals(folder.resolve("b.bin"), open().verified("b.bin"), "other files are still usable");
    }

    @Test
    void refusesAMissingOrUnlistedFile() throws IOException {
        Files.delete(folder.resolve("b.bin"));
        assertTrue(failure(() -> open().verified("b.bin")).contains("b.bin is listed in the manifest but missing"));
        assertTrue(failure(() -> open().verified("c.txt")).contains("manifest.json lists no c.txt"));
    }

    @Test
    void refusesTheWrongSet() {
        assertTrue(failure(() -> open().requireSet("other")).contains("describes the set \"tiny\", not \"other\""));
    }

    @Test
    void refusesAMissingOrForeignManifest() throws IOException {
        Files.writeString(folder.resolve(Manifest.FILE_NAME), "{\"format\": \"something/1\", \"set\": \"x\", \"generatorVersion\": \"1\", \"seed\": 1, \"files\": {}}");
        assertTrue(failure(this::open).contains("is not a " + Manifest.FORMAT + " manifest"));
        Files.delete(folder.resolve(Manifest.FILE_NAME));
        assertTrue(failure(this::open).contains("manifest.json is missing, so nothing there can be verified"));
    }

    @Test
    void throwsTheCallersExceptionType() {
        assertThrows(VectorIntegrityException.class,
                () -> ManifestFolder.open(folder, REMEDY, VectorIntegrityException::new).verified("nope"));
    }
}
