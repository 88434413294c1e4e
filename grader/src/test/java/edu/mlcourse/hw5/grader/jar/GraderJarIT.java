package edu.mlcourse.hw5.grader.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged grader.jar as users run it: the README's main command, the Gradescope zip, and the
 * student bundle unpacked and used as a student would (Maven offline, ./check).
 */
class GraderJarIT {
    private static final Path JAR = Path.of(System.getProperty("hw5.graderJar", "target/grader.jar"));

    @TempDir
    Path dir;

    /** Output and exit code of a process. */
    record Run(int code, String output) {
    }

    private static Run run(Path workingDir, String... command) throws IOException, InterruptedException {
        return run(workingDir, Map.of(), command);
    }

    private static Run run(Path workingDir, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        // Q2 unpacks PyTorch where the build's tests do, not into this user's ~/.djl.ai.
        builder.environment().put("ENGINE_CACHE_DIR", System.getProperty("ENGINE_CACHE_DIR",
                Repository.root().resolve("target/djl-engine").toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        // Generous: a shared 2-core machine may be slow; this only keeps a hung build from hanging CI.
        assertTrue(process.waitFor(15, TimeUnit.MINUTES), "finished in time");
        return new Run(process.exitValue(), output);
    }

    /** The README's way: the grader's command the build puts beside the jar (bin/grader; a shell script, so not on Windows). */
    private static String[] grader(String... args) {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        List<String> command = new ArrayList<>(windows ? List.of("java", "-jar", JAR.toAbsolutePath().toString())
                : List.of(JAR.toAbsolutePath().resolveSibling("grader").toString()));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** The local repository of the Maven build running this test, wherever it was set. */
    private static Path buildRepository() {
        String configured = System.getProperty("hw5.localRepository");
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("hw5.localRepository is not set: run this test through Maven (failsafe)");
        }
        return Path.of(configured);
    }

    @Test
    void theReadmesMainCommandGradesTheExamplesAndNamesTheSummary() throws Exception {
        Path out = dir.resolve("examples");
        Run run = run(Repository.root(), grader("batch", "examples/submissions", "--out", out.toString()));
        assertEquals(0, run.code(), run.output());
        assertTrue(run.output().contains(out.resolve("summary.html").toString()), run.output());
        JsonNode reference = Json.mapper().readTree(out.resolve("java-reference/results.json").toFile());
        assertEquals(100.0, reference.get("score").asDouble(), 1e-9, run.output());
    }

    @Test
    void theGradescopeZipHasExecutableScriptsAtItsRootBesideTheGrader() throws Exception {
        Path zip = dir.resolve("autograder.zip");
        assertEquals(0, run(dir, grader("package", "gradescope", "--out", zip.toString())).code());
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            for (String script : new String[] {"setup.sh", "run_autograder", "grader"}) {
                assertTrue(Files.getPosixFilePermissions(fs.getPath(script)).contains(PosixFilePermission.OWNER_EXECUTE));
            }
            assertEquals(Files.readString(Repository.root().resolve("grader/jit-directives.json")),
                    Files.readString(fs.getPath("jit-directives.json")));
            assertEquals(Files.size(JAR), Files.size(fs.getPath("grader.jar")));
        }
    }

    @Test
    void aStudentUnpacksTheBundleRunsMavenAndTheCheckerAsTheReadmeSays() throws Exception {
        Path zip = dir.resolve("hw5-student.zip");
        Run packaged = run(Repository.root(), grader("package", "student", "--out", zip.toString()));
        assertEquals(0, packaged.code(), packaged.output());
        assertEquals(0, run(dir, "unzip", "-q", zip.toString()).code());
        Path project = dir.resolve("hw5-student");

        // As on a student's machine: a local repository without the course's artifacts, so Maven takes
        // them from the bundle's lib/m2; the repository this build uses stands in for Maven Central. The
        // mirror keeps Central's id, so that Maven later trusts what it fetched when offline.
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>central</id><mirrorOf>central</mirrorOf><url>"
                + buildRepository().toUri() + "</url></mirror></mirrors></settings>");
        Run tests = run(project, "mvn", "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + dir.resolve("student-m2"), "test");
        assertTrue(tests.code() != 0, "a fresh template fails its tests");
        assertTrue(Files.exists(dir.resolve("student-m2/edu/mlcourse/hw5/hw5-checker")), "resolved from the bundle");
        // Quiet: no warnings (the bundled repository has its checksums), each graded line once, the total first.
        assertTrue(!tests.output().contains("WARN"), tests.output());
        assertEquals(1, occurrences(tests.output(), "linearForward: public cases (0.00 / 5.00 points)"), tests.output());
        assertTrue(tests.output().contains("TODO: linearForward"), tests.output());
        assertTrue(tests.output().contains("Total                                              0.00 / 36.00"), tests.output());

        // Q1 done, Q2 half-written (it does not compile): Q1's tests and the checker still run, as
        // q1 is built first and needs nothing of q2.
        Files.copy(Repository.referenceQ1(), project.resolve("q1/src/main/java/hw5/Q1.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path q2Source = project.resolve("q2/src/main/java/hw5/Q2.java");
        String template = Files.readString(q2Source);
        Files.writeString(q2Source, template.replace("throw new UnsupportedOperationException(\"TODO: buildNetwork",
                "return new SequentialBlock().add(  // half-written\n        throw new UnsupportedOperationException(\"TODO: buildNetwork"));
        Run q1Only = run(project, "mvn", "-B", "-q", "-o", "-Dmaven.repo.local=" + dir.resolve("student-m2"), "test", "-pl", "q1");
        assertEquals(0, q1Only.code(), q1Only.output());
        assertTrue(!q1Only.output().contains("WARN") && !q1Only.output().contains("ERROR"), q1Only.output());
        Run both = run(project, "mvn", "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + dir.resolve("student-m2"),
                "test");
        assertTrue(both.code() != 0 && both.output().contains("COMPILATION ERROR"), both.output());
        assertTrue(Pattern.compile("HW5 Q1: layers \\.+ SUCCESS").matcher(both.output()).find(), both.output());
        assertTrue(Pattern.compile("HW5 Q2: a classifier with DJL \\.+ FAILURE").matcher(both.output()).find(), both.output());
        Run check = run(project, "./check");
        assertEquals(0, check.code(), check.output());
        assertTrue(check.output().contains("Total                                             36.00 / 36.00"), check.output());

        // What will be submitted, zipped outside the project: the checker finds its course files beside itself.
        Path submission = dir.resolve("submission.zip");
        try (java.util.zip.ZipOutputStream zipped = new java.util.zip.ZipOutputStream(Files.newOutputStream(submission))) {
            zipped.putNextEntry(new java.util.zip.ZipEntry("Q1.java"));
            zipped.write(Files.readAllBytes(Repository.referenceQ1()));
            zipped.closeEntry();
        }
        Run checkZip = run(project, "./check", "../submission.zip");
        assertEquals(0, checkZip.code(), checkZip.output());
        assertTrue(checkZip.output().contains("Total                                             36.00 / 36.00"), checkZip.output());

        // The same rules in both checks: a method renamed gets the grader's signature message, and an
        // endless reluForward costs the same points in mvn test as in ./check (reluBackward keeps its).
        Path q1Source = project.resolve("q1/src/main/java/hw5/Q1.java");
        String reference = Files.readString(q1Source);
        Files.writeString(q1Source, reference.replace("linearForward(", "linear_forward("));
        Run renamed = run(project, "mvn", "-B", "-q", "-o", "-Dmaven.repo.local=" + dir.resolve("student-m2"), "test", "-pl", "q1");
        assertTrue(renamed.output().contains("Expected: public static double[][] linearForward(double[][] x, double[][] w,"
                + " double[] b)"), renamed.output());
        Files.writeString(q1Source, reference.replace("public static double[][] reluForward(double[][] x) {",
                "public static double[][] reluForward(double[][] x) {\n        while (x != null) { Thread.onSpinWait(); }"));
        Run loopTests = run(project, "mvn", "-B", "-q", "-o", "-Dmaven.repo.local=" + dir.resolve("student-m2"), "test", "-pl", "q1");
        Run loopCheck = run(project, "./check");
        String total = "Total                                             31.00 / 36.00";
        assertTrue(loopTests.output().contains(total) && loopCheck.output().contains(total),
                loopTests.output() + "\n----\n" + loopCheck.output());
        assertTrue(loopTests.output().contains("reluForward: public cases (0.00 / 5.00 points)"), loopTests.output());
        assertEquals(0, occurrences(loopTests.output(), "reluBackward"), loopTests.output());
        Files.writeString(q1Source, reference);

        // Q2 filled in: Maven brings DJL and PyTorch (here from this machine's repository), then
        // everything works offline, Q2's run included, and the checker reads the files it wrote.
        Files.copy(Repository.root().resolve("reference-solution/src/main/java/hw5/Q2.java"),
                project.resolve("q2/src/main/java/hw5/Q2.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run online = run(project, "mvn", "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + dir.resolve("student-m2"),
                "test");
        assertEquals(0, online.code(), online.output());
        Run offline = run(project, "mvn", "-B", "-q", "-o", "-Dmaven.repo.local=" + dir.resolve("student-m2"), "test");
        assertEquals(0, offline.code(), offline.output());
        Run q2 = run(project, "mvn", "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + dir.resolve("student-m2"),
                // The plugin by name: a local repository standing in for Central has no group metadata
                // for the exec: prefix, which Maven Central has. One thread, as README-Q2 advises on a
                // shared machine: CI's is shared with other builds.
                "compile", "org.codehaus.mojo:exec-maven-plugin:java", "-pl", "q2", "-Dexec.args=--epochs 1 --threads 1");
        assertEquals(0, q2.code(), q2.output());
        assertTrue(q2.output().contains("Trained 1 epoch(s)"), q2.output());
        assertTrue(Files.exists(project.resolve("my_model.json")) && Files.exists(project.resolve("predictions.npy")),
                q2.output());
        Run checkQ2 = run(project, "./check");
        assertTrue(checkQ2.output().contains("is a valid model (conv2d, batchnorm, relu, maxpool2d"), checkQ2.output());
        assertTrue(checkQ2.output().contains("predictions.npy holds 10000 valid labels"), checkQ2.output());
    }

    @Test
    void aPythonStudentUnpacksTheBundleAndChecksAsTheReadmeSaysAndTheJavaCheckAcceptsQ1Py() throws Exception {
        String python = "/usr/bin/python3";  // Debian's, which has numpy; the python3 first on the PATH may not
        assumeTrue(Files.isExecutable(Path.of(python)) && run(dir, python, "-c", "import numpy").code() == 0,
                "Python 3 with numpy is needed");
        Run packaged = run(dir, grader("package", "student", "--python", "--repository", Repository.root().toString()));
        assertEquals(0, packaged.code(), packaged.output());
        assertEquals(0, run(dir, "unzip", "-q", "hw5-student-python.zip").code(), "the default name, in the current folder");
        Path project = dir.resolve("hw5-student-python");

        Run template = run(project, python, "check.py");
        assertEquals(0, template.code(), template.output());
        assertTrue(template.output().contains("linear_forward raised NotImplementedError: TODO: linear_forward"),
                template.output());
        assertTrue(template.output().contains("Total                                              0.00 / 36.00"),
                template.output());

        Files.copy(Repository.root().resolve("reference-solution/src/main/python/q1.py"), project.resolve("q1.py"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run check = run(project, python, "check.py");
        assertEquals(0, check.code(), check.output());
        assertTrue(check.output().contains("Total                                             36.00 / 36.00"), check.output());

        Run javaCheck = run(project, "java", "-jar", Repository.root().resolve("checker/target/hw5-check.jar").toString());
        assertEquals(0, javaCheck.code(), javaCheck.output());
        assertTrue(javaCheck.output().contains("Total                                             36.00 / 36.00"),
                javaCheck.output());
    }

    /**
     * An instructor's virtual environment named by $HW5_PYTHON is the Python that runs the student's
     * code, with its own packages: not the base interpreter its bin/python3 links to. This one lives
     * below /tmp, which the sandbox otherwise shows empty.
     */
    @Test
    void theVirtualEnvironmentNamedByHw5PythonRunsTheStudentsCodeWithItsPackages() throws Exception {
        String python = "/usr/bin/python3";
        assumeTrue(Files.isExecutable(Path.of(python)) && run(dir, python, "-c", "import numpy").code() == 0,
                "Python 3 with numpy is needed");
        Path venv = dir.resolve("course-venv");
        Run made = run(dir, python, "-m", "venv", "--without-pip", "--system-site-packages", venv.toString());
        assumeTrue(made.code() == 0, "Python's venv module is needed: " + made.output());
        Run packages = run(dir, venv.resolve("bin/python3").toString(), "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])");
        assertEquals(0, packages.code(), packages.output());
        Files.writeString(Path.of(packages.output().strip()).resolve("hw5_course_helpers.py"), "SCALE = 1\n");
        Path submission = Files.createDirectories(dir.resolve("submission"));
        Files.writeString(submission.resolve("q1.py"), "import hw5_course_helpers\n"
                + Files.readString(Repository.root().resolve("reference-solution/src/main/python/q1.py")));
        Path results = dir.resolve("results.json");

        Run graded = run(dir, Map.of("HW5_PYTHON", venv.resolve("bin/python3").toString()),
                grader("grade", submission.toString(), "--results", results.toString(), "--format", "none"));
        assertEquals(0, graded.code(), graded.output());
        JsonNode report = Json.mapper().readTree(results.toFile());
        for (JsonNode test : report.get("tests")) {
            if (test.get("name").asText().startsWith("Q1 ")) {
                assertEquals(test.get("max_score").asDouble(), test.get("score").asDouble(), 1e-9, test.toString());
            }
        }
        assertTrue(report.toString().contains("Q1 linear_forward"), report::toString);
        assertTrue(!report.toString().contains("No module named"), report::toString);
    }
}
