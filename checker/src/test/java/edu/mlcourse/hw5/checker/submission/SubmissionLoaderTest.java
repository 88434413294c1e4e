package edu.mlcourse.hw5.checker.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionLoaderTest {
    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void findsFilesByNameAnywhereBelowSkippingBuildFolders() throws IOException {
        Path q1 = write("project/src/main/java/hw5/Q1.java", "package hw5;");
        write("project/target/classes/hw5/Q1.java", "stale copy");
        write("project/predictions.npy", "x");
        write("project/src/main/java/hw5/LinearGrads.java", "package hw5;");
        try (Submission s = SubmissionLoader.open(dir)) {
            assertEquals(q1, s.q1().file().orElseThrow());
            assertTrue(s.predictions().isPresent());
            assertTrue(s.linearGradsCopy().isPresent());
            assertFalse(s.javaSources().stream().anyMatch(p -> p.endsWith("LinearGrads.java")));
            assertTrue(s.model().problem().orElseThrow().contains("my_model.json is not in the submission"));
        }
    }

    @Test
    void twoCandidatesForOneNameIsAClearProblem() throws IOException {
        write("a/Q1.java", "class Q1 {\n  int a;\n}\n");
        write("b/Q1.java", "class Q1 {\n  int b;\n}\n");
        write("predictions.npy", "1");
        write("old/predictions.csv", "2");
        try (Submission s = SubmissionLoader.open(dir)) {
            String problem = s.q1().problem().orElseThrow();
            assertTrue(problem.contains("2 different files that could be Q1.java"), problem);
            assertTrue(problem.contains("  - a/Q1.java (22 bytes)\n  - b/Q1.java (22 bytes): first differs at line 2:"
                    + " `int b;` here, `int a;` in a/Q1.java"), problem);
            assertTrue(s.predictions().problem().orElseThrow().contains("2 different files that could be"), s.predictions()::toString);
        }
    }

    @Test
    void refusesASymbolicLinkInAFolder() throws IOException {
        write("Q1.java", "");
        Files.createSymbolicLink(dir.resolve("secret"), Path.of("/etc/passwd"));
        assertThrows(SubmissionException.class, () -> SubmissionLoader.open(dir));
    }

    private Path zip(String... namesAndContents) throws IOException {
        Path zip = dir.resolve("sub.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes());
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void unpacksAZipAndRemovesItsFolderOnClose() throws IOException {
        Path zip = zip("hw5/Q1.java", "package hw5;", "my_model.json", "{}");
        Path root;
        try (Submission s = SubmissionLoader.open(zip)) {
            root = s.root();
            assertEquals("hw5/Q1.java", s.relative(s.q1().file().orElseThrow()));
            assertTrue(s.model().isPresent());
        }
        assertFalse(Files.exists(root));
    }

    @Test
    void refusesEntriesThatLeaveTheFolder() throws IOException {
        Path zip = zip("../../evil.sh", "rm -rf /");
        SubmissionException e = assertThrows(SubmissionException.class, () -> SubmissionLoader.open(zip));
        assertTrue(e.getMessage().contains("leaves the submission folder"), e.getMessage());
        assertFalse(Files.exists(dir.getParent().getParent().resolve("evil.sh")));
    }

    @Test
    void refusesSymbolicLinkEntries() throws IOException {
        Path zip = zip("Q1.java", "/etc/passwd");
        markFirstEntryAsSymlink(zip);
        SubmissionException e = assertThrows(SubmissionException.class, () -> SubmissionLoader.open(zip));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void stopsAZipBombAtTheLimitOnBytesActuallyWritten() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(zip) < 100_000);
        SubmissionException e = assertThrows(SubmissionException.class,
                () -> SubmissionLoader.open(zip, new UnpackLimits(10, 4L << 20)));
        assertTrue(e.getMessage().contains("unpacks to more than 4 MB"), e.getMessage());
        assertThrows(SubmissionException.class, () -> SubmissionLoader.open(zip(
                "a", "", "b", "", "c", ""), new UnpackLimits(2, 1 << 20)));
    }

    @Test
    void aFileThatIsNeitherFolderNorZipIsRefusedWithAdvice() throws IOException {
        Path file = write("Q1.java", "");
        assertTrue(assertThrows(SubmissionException.class, () -> SubmissionLoader.open(file)).getMessage()
                .contains("neither a folder nor a .zip"));
        Path notZip = write("broken.zip", "not a zip");
        assertTrue(assertThrows(SubmissionException.class, () -> SubmissionLoader.open(notZip)).getMessage()
                .contains("not a valid zip"));
    }

    /**
     * A refused zip leaves no temporary folder behind. The zip's first entry is a file of a unique
     * name, unpacked before the refusal; no folder holding it may remain in the temporary directory.
     */
    @Test
    void aRefusedZipLeavesNoTemporaryFolderWhateverTheReason() throws IOException {
        String marker = "marker-" + java.util.UUID.randomUUID() + ".txt";
        Path escape = zip(marker, "", "/etc/cron.d/evil", "* * * * * root rm -rf /");
        assertTrue(assertThrows(SubmissionException.class, () -> SubmissionLoader.open(escape)).getMessage()
                .contains("leaves the submission folder"));
        assertNoTemporaryFolderHolds(marker);
        Path link = zip(marker, "", "Q1.java", "/etc/passwd");
        markEntryAsSymlink(link, 1);
        assertThrows(SubmissionException.class, () -> SubmissionLoader.open(link));
        assertNoTemporaryFolderHolds(marker);
        Path many = zip(marker, "", "a", "", "b", "", "c", "");
        assertThrows(SubmissionException.class, () -> SubmissionLoader.open(many, new UnpackLimits(3, 1 << 20)));
        assertNoTemporaryFolderHolds(marker);
        Path large = zip(marker, "", "big.bin", "x".repeat(5000));
        assertThrows(SubmissionException.class, () -> SubmissionLoader.open(large, new UnpackLimits(10, 4096)));
        assertNoTemporaryFolderHolds(marker);
    }

    private static void assertNoTemporaryFolderHolds(String marker) throws IOException {
        try (java.util.stream.Stream<Path> folders = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<Path> left = folders.filter(f -> f.getFileName().toString().startsWith("hw5-submission-"))
                    .filter(f -> Files.exists(f.resolve(marker))).toList();
            assertEquals(List.of(), left, "temporary folders left behind");
        }
    }

    /** Sets the Unix mode of the first central-directory entry to a symbolic link (0120777). */
    private static void markFirstEntryAsSymlink(Path zip) throws IOException {
        markEntryAsSymlink(zip, 0);
    }

    /** Sets the Unix mode of central-directory entry {@code index} (from 0) to a symbolic link. */
    private static void markEntryAsSymlink(Path zip, int index) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int seen = 0;
        for (int i = 0; i < bytes.length - 4; i++) {
            if (buffer.getInt(i) == 0x02014b50 && seen++ == index) {
                buffer.putShort(i + 4, (short) (3 << 8 | 20));
                buffer.putInt(i + 38, 0120777 << 16);
                break;
            }
        }
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(bytes);
        }
    }
}
