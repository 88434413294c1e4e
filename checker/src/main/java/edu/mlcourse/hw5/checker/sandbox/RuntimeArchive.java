package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.files.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A worker's whole runtime in one archive (the student JVM's class path, the Python worker's zip
 * application), copied out of wherever the grader runs from: a fat jar or Maven's class folders.
 * The worker never sees the grader's own jar, which holds answers. Made once per grader process,
 * in a world-readable temporary folder removed at exit.
 */
public final class RuntimeArchive {
    private RuntimeArchive() {
    }

    /**
     * @param fileName the archive's name
     * @param sources jars or class folders to read, each once
     * @param entryName an entry's name in the archive, or empty to leave it out
     */
    public static Path build(String fileName, List<Path> sources, Function<String, Optional<String>> entryName) {
        try {
            Path folder = Files.createTempDirectory("hw5-runtime-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
            Path target = folder.resolve(fileName);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                Set<String> written = new HashSet<>();
                for (Path source : Set.copyOf(sources)) {
                    copy(source, out, written, entryName);
                }
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the worker runtime " + fileName, e);
        }
    }

    private static void copy(Path source, ZipOutputStream out, Set<String> written,
                             Function<String, Optional<String>> entryName) throws IOException {
        if (Files.isDirectory(source)) {
            try (var files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    Optional<String> name = entryName.apply(source.relativize(file).toString().replace('\\', '/'));
                    if (name.isPresent() && written.add(name.get())) {
                        out.putNextEntry(new ZipEntry(name.get()));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                Optional<String> name = entry.isDirectory() ? Optional.empty() : entryName.apply(entry.getName());
                if (name.isPresent() && written.add(name.get())) {
                    out.putNextEntry(new ZipEntry(name.get()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the folder is in the temporary directory.
        }
    }
}
