package edu.mlcourse.hw5.grader.assignment;

import edu.mlcourse.hw5.CourseDataException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The default assignment's data, packed into the grader: the public and hidden vector sets and
 * the held-out labels. Read in place from the jar (or from Maven's output folder in tests).
 */
public final class BundledAssignment {
    private static final String ANCHOR = "/assignment/test-vectors/public/manifest.json";

    private BundledAssignment() {
    }

    /** The folder holding {@code public/} and {@code hidden/}. */
    public static Path vectors() {
        return root().resolve("test-vectors");
    }

    /** The held-out set: {@code public/} images and {@code hidden/} labels. */
    public static Path heldout() {
        return root().resolve("heldout");
    }

    /** {@code assignment/} inside the jar or the classes folder. */
    static synchronized Path root() {
        URL anchor = BundledAssignment.class.getResource(ANCHOR);
        if (anchor == null) {
            throw new CourseDataException("This grader was built without its bundled assignment data; rebuild it with"
                    + " `mvn package` from the repository root, or pass --vectors.");
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // Opened earlier in this JVM: Path.of finds it.
                }
            }
            return Path.of(uri).getParent().getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new CourseDataException("Cannot open the grader's bundled assignment data: " + e.getMessage(), e);
        }
    }
}
