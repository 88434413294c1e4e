package edu.mlcourse.hw5.grader.packaging;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.files.CodeLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Gradescope's {@code autograder.zip}: {@code setup.sh} and {@code run_autograder} at the root, as
 * Gradescope requires, beside the grader jar that is running now (with its bundled data), the
 * grader's command that runs it ({@code grader}) and the compiler directives that command names.
 */
public final class GradescopeBundle {
    /** Each file, as the jar holds it below {@code /gradescope/}, and whether it is run. */
    private record BundledFile(String resource, boolean executable) {
        String name() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }
    }

    private static final List<BundledFile> FILES = List.of(new BundledFile("setup.sh", true),
            new BundledFile("run_autograder", true), new BundledFile("bin/grader", true),
            new BundledFile("jit-directives.json", false));

    private GradescopeBundle() {
    }

    public static void write(Path out) throws IOException {
        Path jar = runningJar();
        try (BundleZip zip = new BundleZip(out)) {
            for (BundledFile file : FILES) {
                try (InputStream in = GradescopeBundle.class.getResourceAsStream("/gradescope/" + file.resource())) {
                    if (in == null) {
                        throw new CourseDataException("This grader was built without " + file.name()
                                + "; rebuild it with `mvn package`.");
                    }
                    zip.add(file.name(), in, file.executable());
                }
            }
            zip.add("grader.jar", jar, false);
        }
    }

    private static Path runningJar() {
        Path location = CodeLocation.of(GradescopeBundle.class);
        if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
            throw new CourseDataException("`package gradescope` bundles the grader jar it runs from; run it as"
                    + " `java -jar grader/target/grader.jar package gradescope` after `mvn package`.");
        }
        return location;
    }
}
