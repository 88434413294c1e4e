package edu.mlcourse.hw5.checker.submission;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Opens a submission, a folder or a {@code .zip} as students upload it, and lists its files, which
 * {@link Submission} finds by name wherever they are: {@code Q1.java} at the top or in
 * {@code src/main/java/hw5/} alike.
 *
 * <pre>{@code
 * try (Submission s = SubmissionLoader.open(Path.of("alice.zip"))) { ... }
 * }</pre>
 */
public final class SubmissionLoader {
    /** Build output, version control and editor folders never hold what is graded. */
    private static final Set<String> SKIPPED_FOLDERS = Set.copyOf(UploadNames.SKIPPED_FOLDERS);
    private static final int MAX_DEPTH = 24;

    private SubmissionLoader() {
    }

    public static Submission open(Path origin) {
        return open(origin, UnpackLimits.DEFAULT);
    }

    public static Submission open(Path origin, UnpackLimits limits) {
        if (Files.isDirectory(origin)) {
            return find(origin, origin, false, limits);
        }
        if (Files.isRegularFile(origin) && origin.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Path folder;
            try {
                folder = Files.createTempDirectory("hw5-submission-");
            } catch (IOException e) {
                throw new SubmissionException("Cannot create a temporary folder: " + e.getMessage(), e);
            }
            try {
                ZipUnpacker.unpack(origin, folder, limits);
                return find(origin, folder, true, limits);
            } catch (RuntimeException e) {
                new Submission(origin, folder, List.of(), true).close();
                throw e;
            }
        }
        throw new SubmissionException(origin + " is neither a folder nor a .zip file. Give the folder that holds"
                + " the submission (Java: Q1.java, predictions.npy, my_model.json; Python: q1.py, q2.ipynb,"
                + " predictions.npy, my_model.pt), or a zip of it.");
    }

    private static Submission find(Path origin, Path root, boolean temporary, UnpackLimits limits) {
        return new Submission(origin, root, listFiles(root, limits), temporary);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static List<Path> listFiles(Path root, UnpackLimits limits) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && SKIPPED_FOLDERS.contains(name(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (Files.isSymbolicLink(file) || attrs.isSymbolicLink()) {
                        throw new SubmissionException("The submission contains a symbolic link (" + root.relativize(file)
                                + "); links are refused. Copy the file itself.");
                    }
                    if (attrs.isRegularFile() && !name(file).startsWith("._")) {
                        files.add(file);
                        if (files.size() > limits.maxEntries()) {
                            throw new SubmissionException("The submission has more than " + limits.maxEntries()
                                    + " files; submit only your sources and the Q2 files.");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SubmissionException("Cannot read the submission " + root + ": " + e.getMessage(), e);
        }
        files.removeIf(f -> !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS));
        files.sort(null);
        return files;
    }
}
