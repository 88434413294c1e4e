package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.files.CodeLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where things are in the project students receive (the student bundle), and where the local
 * check finds its course files: beside itself (the project it was unpacked with, whatever folder
 * or zip is checked), then in the folder checked.
 */
public final class StudentProject {
    /** The public test vectors. */
    public static final Path PUBLIC_VECTORS = Path.of("vectors", "public");
    /** The held-out images (no labels) that Q2 predicts, with their manifest. */
    public static final Path HELDOUT_IMAGES = Path.of("data", "heldout");
    /** Where the checker's jar lies in the project: {@code lib/hw5-check.jar}. */
    static final String LIBRARY_FOLDER = "lib";

    private StudentProject() {
    }

    /** The course files the local check uses. */
    public record CourseFiles(Path vectors, Path heldout) {
    }

    /**
     * @param checked the folder or zip being checked
     * @param vectors given with --vectors, if so
     * @param heldout given with --heldout, if so
     */
    public static CourseFiles locate(Path checked, Optional<Path> vectors, Optional<Path> heldout) {
        return new CourseFiles(publicVectors(checked, vectors, "--vectors DIR"),
                heldout.orElseGet(() -> find(roots(checked), HELDOUT_IMAGES, "the held-out images", "--heldout DIR")));
    }

    /**
     * The public vectors alone (all Q1 needs), as given or found as {@link #locate} finds them.
     *
     * @param howToName how the user names them instead, for the message when they are not found
     */
    public static Path publicVectors(Path checked, Optional<Path> given, String howToName) {
        return given.orElseGet(() -> find(roots(checked), PUBLIC_VECTORS, "the public test vectors", howToName));
    }

    /** The project the checker was unpacked with, then the folder checked (or the zip's folder). */
    static List<Path> roots(Path checked) {
        Set<Path> roots = new LinkedHashSet<>();
        installRoot().ifPresent(roots::add);
        Path absolute = checked.toAbsolutePath().normalize();
        roots.add(Files.isDirectory(absolute) ? absolute : absolute.getParent());
        return new ArrayList<>(roots);
    }

    /** The project folder when this code runs from {@code PROJECT/lib/hw5-check.jar}. */
    static Optional<Path> installRoot() {
        Path location = CodeLocation.of(StudentProject.class).toAbsolutePath().normalize();
        Path folder = location.getParent();
        boolean inLibrary = Files.isRegularFile(location) && folder != null
                && LIBRARY_FOLDER.equals(String.valueOf(folder.getFileName()));
        return inLibrary ? Optional.ofNullable(folder.getParent()) : Optional.empty();
    }

    private static Path find(List<Path> roots, Path relative, String what, String howToName) {
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
                return candidate;
            }
        }
        throw new CourseDataException(capitalised(what) + " (" + relative + ") were not found in "
                + roots.stream().map(Path::toString).collect(Collectors.joining(" or ")) + ". They come with the"
                + " project you received: check from inside it, unzip it again if they are gone, or name them with "
                + howToName + ".");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
