package edu.mlcourse.hw5.grader.packaging;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.checker.local.GradedCases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A zip written through the JDK's zip file system, which can record Unix permissions, so that
 * scripts such as {@code run_autograder} stay executable once unpacked. Every entry gets the same
 * timestamp, so the same inputs give the same zip.
 */
final class BundleZip implements AutoCloseable {
    private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L);

    private final FileSystem zip;

    BundleZip(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        this.zip = FileSystems.newFileSystem(file, Map.of("create", "true", "enablePosixFileAttributes", "true"));
    }

    void add(String entry, Path source, boolean executable) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            add(entry, in, executable);
        }
    }

    void add(String entry, InputStream content, boolean executable) throws IOException {
        Path target = zip.getPath(entry);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.copy(content, target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        Files.setLastModifiedTime(target, EPOCH);
    }

    void add(String entry, byte[] content) throws IOException {
        add(entry, new ByteArrayInputStream(content), false);
    }

    /**
     * Adds a file of a Maven repository with the checksum files Maven verifies ({@code .sha1},
     * {@code .md5}): without them Maven warns, with a stack trace, on every artifact it reads.
     */
    void addToRepository(String entry, Path source) throws IOException {
        byte[] content = Files.readAllBytes(source);
        add(entry, content);
        for (String algorithm : new String[] {"SHA-1", "MD5"}) {
            try {
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
                add(entry + "." + algorithm.replace("-", "").toLowerCase(Locale.ROOT), digest.getBytes(StandardCharsets.US_ASCII));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has " + algorithm, e);
            }
        }
    }

    /**
     * Adds what every student bundle holds under {@code root}, from a repository: the public vectors
     * ({@code vectors/public/}) with how many cases the grader grades ({@code vectors/graded-cases.json}), and the
     * held-out images Q2 predicts, without labels ({@code data/heldout/}).
     */
    void addPublicData(String root, Path repository) throws IOException {
        Path publicVectors = require(repository.resolve("test-vectors/public"), "the public vectors");
        addTree(root + "vectors/public/", publicVectors, f -> true);
        // A public case is worth outputs / (public + hidden cases): of the hidden vectors, only their number goes in.
        add(root + "vectors/" + GradedCases.FILE, GradedCases.beside(publicVectors).json());
        addTree(root + "data/heldout/", require(repository.resolve("heldout/public"), "the held-out images"), f -> true);
    }

    /** {@code path}, which a student bundle is made from; a message saying how to build it when it is missing. */
    static Path require(Path path, String what) {
        if (!Files.exists(path)) {
            throw new CourseDataException("Cannot build the student bundle: " + what + " (" + path + ") is missing. Run"
                    + " `mvn -B package -DskipTests` at the repository root first, and pass --repository if it"
                    + " is not the current folder.");
        }
        return path;
    }

    /** Adds every file below {@code folder} that {@code keep} accepts (relative paths), in sorted order. */
    void addTree(String prefix, Path folder, Predicate<String> keep) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (keep.test(relative)) {
                    add(prefix + relative, file, Files.isExecutable(file));
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
