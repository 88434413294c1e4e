package edu.mlcourse.hw5.grader.packaging;

import edu.mlcourse.hw5.CourseDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What students receive, made from a built repository: the template project (modules {@code q1/}
 * and {@code q2/}), the public vectors, the held-out images (no labels), the local checker and, in
 * a Maven repository inside the project ({@code lib/m2}), the course libraries the template
 * depends on. Nothing from the reference solution, the hidden vectors (but how many cases they
 * hold, {@code vectors/graded-cases.json}), the held-out labels or the grader module goes in, and
 * no native library: DJL and PyTorch come from Maven Central when students build.
 */
public final class StudentBundle {
    /** The folder inside the zip. */
    public static final String ROOT = "hw5-student/";
    /** Modules whose jars the template's pom resolves from {@code lib/m2}, parent first. */
    static final List<String> LIBRARY_MODULES = List.of("contract", "common", "worker", "checker");
    private static final Pattern VERSION = Pattern.compile("<artifactId>hw5-parent</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    private StudentBundle() {
    }

    public static void write(Path repository, Path out) throws IOException {
        Path parentPom = require(repository.resolve("pom.xml"), "the repository's pom.xml");
        String version = find(VERSION, Files.readString(parentPom), parentPom);
        Path checkJar = require(repository.resolve("checker/target/hw5-check.jar"), "the local checker");
        try (BundleZip zip = new BundleZip(out)) {
            zip.addTree(ROOT, require(repository.resolve("student-template"), "the student template"),
                    StudentBundle::isTemplateFile);
            zip.addPublicData(ROOT, repository);
            zip.add(ROOT + "lib/hw5-check.jar", checkJar, false);
            String m2 = ROOT + "lib/m2/edu/mlcourse/hw5/";
            zip.addToRepository(m2 + "hw5-parent/" + version + "/hw5-parent-" + version + ".pom", parentPom);
            for (String module : LIBRARY_MODULES) {
                Path pom = require(repository.resolve(module).resolve("pom.xml"), "the " + module + " module");
                String artifact = find(ARTIFACT, Files.readString(pom), pom);
                Path jar = require(repository.resolve(module).resolve("target").resolve(artifact + "-" + version + ".jar"),
                        "the " + module + " jar");
                String folder = m2 + artifact + "/" + version + "/" + artifact + "-" + version;
                zip.addToRepository(folder + ".pom", pom);
                zip.addToRepository(folder + ".jar", jar);
            }
        }
    }

    /**
     * Sources, scripts and docs; never build output (of the project or a module), a previous
     * bundle's libraries or files a run of Q2 left.
     */
    private static boolean isTemplateFile(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return !("/" + relative).contains("/target/") && !relative.startsWith("lib/") && !relative.startsWith("vectors/")
                && !relative.startsWith("data/") && !relative.endsWith(".class")
                && !name.equals("predictions.npy") && !name.equals("my_model.json");
    }

    private static Path require(Path path, String what) {
        return BundleZip.require(path, what);
    }

    private static String find(Pattern pattern, String text, Path file) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new CourseDataException("Cannot read " + pattern.pattern() + " from " + file + ".");
        }
        return m.group(1).strip();
    }
}
