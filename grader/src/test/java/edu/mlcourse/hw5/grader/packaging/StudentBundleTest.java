package edu.mlcourse.hw5.grader.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.vectors.Sha256;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student bundle holds what students need and nothing of the answers: no hidden vectors, no
 * held-out labels, no class of the reference solution or of the grader, and no class that
 * computes a correct Q1 function (see {@link CorrectQ1Scan}).
 */
class StudentBundleTest {
    @TempDir
    static Path dir;
    private static Path zip;
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void buildTheBundle() throws IOException {
        boolean built = Files.exists(Repository.root().resolve("checker/target/hw5-check.jar"));
        assumeTrue(built || "true".equals(System.getenv("CI")), "run `mvn verify`: the module jars are not built yet");
        zip = dir.resolve("hw5-student.zip");
        StudentBundle.write(Repository.root(), zip);
        entries = new java.util.TreeMap<>();
        try (FileSystem fs = FileSystems.newFileSystem(zip); Stream<Path> files = Files.walk(fs.getPath("/"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(file.toString().substring(1), Files.readAllBytes(file));
            }
        }
    }

    @Test
    void holdsTheTemplateThePublicFilesTheCheckerAndTheLibraries() throws IOException {
        for (String expected : List.of("pom.xml", "q1/pom.xml", "q1/src/main/java/hw5/Q1.java",
                "q1/src/main/java/hw5/LinearGrads.java", "q1/src/test/java/hw5/Q1VectorsTest.java", "q2/pom.xml",
                "q2/src/main/java/hw5/Q2.java", "q2/src/main/java/hw5/ModelExport.java", "README-Q2.md",
                "vectors/public/manifest.json", "vectors/public/softmaxBackward.json",
                "data/heldout/images-idx3-ubyte", "data/heldout/manifest.json", "lib/hw5-check.jar", "check", "check.cmd",
                ".github/workflows/check.yml", ".gitignore", "lib/m2/edu/mlcourse/hw5/hw5-checker/1.0.0/hw5-checker-1.0.0.jar",
                "lib/m2/edu/mlcourse/hw5/hw5-parent/1.0.0/hw5-parent-1.0.0.pom")) {
            assertTrue(entries.containsKey(StudentBundle.ROOT + expected), expected);
        }
        assertFalse(entries.keySet().stream().anyMatch(n -> n.contains("/target/") || n.endsWith(".so") || n.endsWith(".dll")
                || n.contains("pytorch-native")), "no build output and no native library: Maven fetches DJL");
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            assertTrue(Files.getPosixFilePermissions(fs.getPath(StudentBundle.ROOT + "check"))
                    .contains(PosixFilePermission.OWNER_EXECUTE), "./check is executable once unpacked");
        }
    }

    /**
     * A student who puts the project under git commits sources, the course's files (the GitHub
     * check needs them) and the Q2 results, never build output, editors' files or zips.
     */
    @Test
    void theGitignoreKeepsBuildOutputOutAndEverythingTheCheckNeedsIn() throws Exception {
        assumeTrue(commandWorks(dir, "git", "--version"), "git is not installed");
        Path project = Files.createDirectories(dir.resolve("git-project"));
        Files.write(project.resolve(".gitignore"), entries.get(StudentBundle.ROOT + ".gitignore"));
        assertTrue(commandWorks(project, "git", "init", "-q"));
        List<String> ignored = List.of("target/x", "q1/target/classes/hw5/Q1.class", "q2/target/q2.jar", ".idea/workspace.xml",
                "hw5.iml", "submission.zip", "hs_err_pid42.log", ".DS_Store", "lib/hw5-check.jsa");
        List<String> kept = List.of("q1/src/main/java/hw5/Q1.java", "predictions.npy", "my_model.json", "lib/hw5-check.jar",
                "lib/m2/edu/mlcourse/hw5/hw5-checker/1.0.0/hw5-checker-1.0.0.jar", "data/heldout/images-idx3-ubyte",
                "vectors/public/manifest.json", ".github/workflows/check.yml");
        for (String path : ignored) {
            assertTrue(commandWorks(project, "git", "check-ignore", "-q", path), path + " should be ignored");
        }
        for (String path : kept) {
            assertFalse(commandWorks(project, "git", "check-ignore", "-q", path), path + " should be kept");
        }
    }

    private static boolean commandWorks(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor() == 0;
    }

    /** Maven checks each artifact against these; without them it warns, with a stack trace, on every one. */
    @Test
    void everyLibraryInTheBundledRepositoryHasTheChecksumsMavenVerifies() throws Exception {
        List<String> artifacts = entries.keySet().stream().filter(e -> e.contains("/lib/m2/"))
                .filter(e -> e.endsWith(".jar") || e.endsWith(".pom")).toList();
        assertTrue(artifacts.size() >= 5, artifacts::toString);
        for (String artifact : artifacts) {
            for (String algorithm : List.of("SHA-1", "MD5")) {
                String file = artifact + "." + algorithm.replace("-", "").toLowerCase(java.util.Locale.ROOT);
                assertTrue(entries.containsKey(file), file);
                assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                        .digest(entries.get(artifact))), new String(entries.get(file), java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void holdsNoHiddenVectorsNoLabelsAndNoAnswerSources() throws IOException {
        Set<String> secretHashes = new HashSet<>();
        for (Path secrets : List.of(Repository.root().resolve("test-vectors/hidden"), Repository.root().resolve("heldout/hidden"))) {
            try (Stream<Path> files = Files.list(secrets)) {
                files.forEach(f -> secretHashes.add(Sha256.of(f)));
            }
        }
        Map<String, byte[]> everything = new java.util.HashMap<>(entries);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().endsWith(".jar")) {
                everything.putAll(jarEntries(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, byte[]> e : everything.entrySet()) {
            String name = e.getKey();
            assertFalse(secretHashes.contains(Sha256.of(e.getValue())), name + " is a copy of a hidden file");
            assertFalse(name.contains("hidden/") || name.contains("labels-idx1"), name);
            assertFalse(name.contains("edu/mlcourse/hw5/grader/") || name.contains("edu/mlcourse/hw5/reference/"), name);
            assertFalse(name.endsWith("hw5/Q2.class") || name.endsWith("hw5/Q1.class"), name);
        }
        assertTrue(everything.keySet().stream().anyMatch(n -> n.endsWith("edu/mlcourse/hw5/checker/checks/Q1Checks.class")));
    }

    @Test
    void noShippedClassComputesACorrectQ1Function() throws Exception {
        Path jar = dir.resolve("hw5-check.jar");
        Files.write(jar, entries.get(StudentBundle.ROOT + "lib/hw5-check.jar"));
        List<String> correct = CorrectQ1Scan.correctMethods(jar, List.of(), Repository.vectors().resolve("public"));
        assertEquals(List.of(), correct);
        assertTrue(CorrectQ1Scan.lastScanned() > 0, "the scan looked at some candidate methods");
    }

    @Test
    void theScanFindsEveryFunctionInTheReferenceSolution() throws Exception {
        Path reference = Repository.root().resolve("reference-solution/target/reference.jar");
        Path contract = Repository.root().resolve("contract/target/hw5-contract-1.0.0.jar");
        List<String> correct = CorrectQ1Scan.correctMethods(reference, List.of(contract), Repository.vectors().resolve("public"));
        for (edu.mlcourse.hw5.contract.Q1Function f : edu.mlcourse.hw5.contract.Q1Function.values()) {
            assertTrue(correct.contains("hw5.Q1." + f.methodName() + " computes " + f.methodName()), correct::toString);
        }
    }

    private static Map<String, byte[]> jarEntries(String jarName, byte[] jar) throws IOException {
        Map<String, byte[]> found = new java.util.HashMap<>();
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                if (!entry.isDirectory()) {
                    found.put(jarName + "!/" + entry.getName(), in.readAllBytes());
                }
            }
        }
        return found;
    }
}
