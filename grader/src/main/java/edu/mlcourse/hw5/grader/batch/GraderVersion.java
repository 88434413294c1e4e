package edu.mlcourse.hw5.grader.batch;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.files.CodeLocation;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.vectors.Sha256;
import edu.mlcourse.hw5.worker.WorkerMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The running grader's version, as results record it: the Maven project's version and a digest of
 * the grader's own code (its classes and the Python worker), e.g. {@code 1.0.0+3f2a9c01d4e5}. The
 * digest reads the code's bytes, never file dates, so rebuilding the same sources gives the same
 * version, and any change to the grader's code gives another, even under the same Maven version.
 */
public final class GraderVersion {
    private static final String RESOURCE = "grader-version.properties";
    private static final int DIGEST_CHARS = 12;

    private static volatile String current;

    private GraderVersion() {
    }

    /** This grader's version; computed once per JVM. */
    public static String current() {
        String version = current;
        if (version == null) {
            version = mavenVersion() + "+" + codeDigest().substring(0, DIGEST_CHARS);
            current = version;
        }
        return version;
    }

    /** {@code 1.0.0}, as the build filled it in; {@code unknown} outside a Maven build. */
    static String mavenVersion() {
        try (InputStream in = GraderVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.contains("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** SHA-256 of the grader's code: each file's name and bytes, in name order, over its code locations. */
    static String codeDigest() {
        Set<Path> locations = new LinkedHashSet<>();
        for (Class<?> anchor : List.of(GraderVersion.class, GradescopeResults.class, Json.class, WorkerMain.class)) {
            locations.add(CodeLocation.of(anchor));
        }
        MessageDigest digest = Sha256.newDigest();
        for (Path location : locations) {
            TreeMap<String, String> files = Files.isDirectory(location) ? folder(location) : jar(location);
            files.forEach((name, hash) -> digest.update((name + "\0" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return Sha256.hex(digest);
    }

    /** Whether a file (by its path in the jar or below the classes folder) is the grader's own code. */
    static boolean isCode(String name) {
        return name.startsWith("edu/mlcourse/hw5/") && name.endsWith(".class")
                || name.startsWith("hw5/python/") && name.endsWith(".py");
    }

    private static TreeMap<String, String> folder(Path root) {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (isCode(name)) {
                    files.put(name, Sha256.of(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the grader's classes in " + root, e);
        }
        return files;
    }

    private static TreeMap<String, String> jar(Path jar) {
        TreeMap<String, String> files = new TreeMap<>();
        List<ZipEntry> code = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && isCode(entry.getName())) {
                    code.add(entry);
                }
            }
            for (ZipEntry entry : code) {
                try (InputStream in = zip.getInputStream(entry)) {
                    files.put(entry.getName(), Sha256.of(in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the grader's classes in " + jar, e);
        }
        return files;
    }
}
