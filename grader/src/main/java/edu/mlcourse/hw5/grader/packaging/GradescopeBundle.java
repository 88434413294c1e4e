package edu.mlcourse.hw5.grader.packaging;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.files.CodeLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gradescope's {@code autograder.zip}: {@code setup.sh} and {@code run_autograder} at the root, as
 * Gradescope requires, beside the grader jar that is running now (with its bundled data).
 */
public final class GradescopeBundle {
    static final String[] SCRIPTS = {"setup.sh", "run_autograder"};

    private GradescopeBundle() {
    }

    public static void write(Path out) throws IOException {
        Path jar = runningJar();
        try (BundleZip zip = new BundleZip(out)) {
            for (String script : SCRIPTS) {
                try (InputStream in = GradescopeBundle.class.getResourceAsStream("/gradescope/" + script)) {
                    if (in == null) {
                        throw new CourseDataException("This grader was built without gradescope/" + script
                                + "; rebuild it with `mvn package`.");
                    }
                    zip.add(script, in, true);
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
