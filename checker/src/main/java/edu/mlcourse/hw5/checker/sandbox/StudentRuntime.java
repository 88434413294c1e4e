package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.files.CodeLocation;
import edu.mlcourse.hw5.files.Folders;
import edu.mlcourse.hw5.worker.WorkerMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jar that is the student JVM's whole class path: the worker and the contract, copied out of
 * wherever the grader runs from (a fat jar, Maven's folders). The student JVM never sees the
 * grader's own jar, which holds answers.
 */
public final class StudentRuntime {
    private static final List<String> PACKAGES = List.of("edu/mlcourse/hw5/invocation/", "edu/mlcourse/hw5/protocol/",
            "edu/mlcourse/hw5/worker/", "edu/mlcourse/hw5/contract/", "hw5/LinearGrads.class");
    private static Path jar;

    private StudentRuntime() {
    }

    /** The runtime jar, made on first use in a world-readable temporary folder removed at exit. */
    public static synchronized Path jar() {
        if (jar == null) {
            jar = build();
        }
        return jar;
    }

    /** The folder or jar that holds the official {@code hw5.LinearGrads}, the compile class path. */
    public static Path contractLocation() {
        return CodeLocation.of(Q1Function.class);
    }

    private static Path build() {
        try {
            Path folder = Files.createTempDirectory("hw5-runtime-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
            Path target = folder.resolve("student-runtime.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
                Set<String> written = new java.util.HashSet<>();
                // In a fat jar all three come from one file: read each distinct location once.
                Set<Path> sources = new LinkedHashSet<>();
                for (Class<?> anchor : List.of(WorkerMain.class, Q1Function.class, loadLinearGrads())) {
                    sources.add(CodeLocation.of(anchor));
                }
                for (Path source : sources) {
                    copyClasses(source, out, written);
                }
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the student runtime jar", e);
        }
    }

    private static Class<?> loadLinearGrads() {
        try {
            return Class.forName(Q1Function.LINEAR_GRADS_CLASS_NAME);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("hw5.LinearGrads is missing from the grader's class path", e);
        }
    }

    private static void copyClasses(Path source, JarOutputStream out, Set<String> written) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = source.relativize(file).toString().replace('\\', '/');
                    if (wanted(name) && written.add(name)) {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            return;
        }
        try (JarFile jarFile = new JarFile(source.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jarFile.entries())) {
                if (!entry.isDirectory() && wanted(entry.getName()) && written.add(entry.getName())) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = jarFile.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static boolean wanted(String name) {
        return name.endsWith(".class") && PACKAGES.stream().anyMatch(name::startsWith);
    }

    static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            // Best effort at exit; the folder is in the temporary directory.
        }
    }
}
