package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.grader.packaging.GradescopeBundle;
import edu.mlcourse.hw5.grader.packaging.PythonStudentBundle;
import edu.mlcourse.hw5.grader.packaging.StudentBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grader package gradescope|student}: the zips that leave the course staff. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"Build the zips that leave the repository.",
            "gradescope: the autograder to upload; student: the project students receive."},
        subcommands = {PackageCommand.Gradescope.class, PackageCommand.Student.class})
final class PackageCommand {

    @Command(name = "gradescope", mixinStandardHelpOptions = true,
            description = {"Write autograder.zip, to upload to Gradescope as the autograder.",
                "It holds setup.sh and run_autograder at its root, beside this grader's jar",
                "and its bundled data."})
    @ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
    static final class Gradescope implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--out", paramLabel = "ZIP", defaultValue = "autograder.zip",
                description = "Where to write it (default: ${DEFAULT-VALUE}).")
        private Path out;

        @Override
        public Integer call() throws IOException {
            GradescopeBundle.write(out);
            spec.commandLine().getOut().println("Wrote " + out + ".");
            return ExitCode.OK.code();
        }
    }

    @Command(name = "student", mixinStandardHelpOptions = true,
            description = {"Write the zip students receive (run from a repository built with `mvn package`).",
                "It holds the template project, the public vectors, the held-out images, the",
                "local checker and the course libraries. With --python, the Python edition's",
                "files: q1.py, its README,",
                "check.py (it needs only python3 and numpy), the public vectors and images.",
                "Nothing of the reference solution, the hidden vectors or the labels goes in."})
    @ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
    static final class Student implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--out", paramLabel = "ZIP",
                description = "Where to write it (default: hw5-student.zip, or hw5-student-python.zip with --python).")
        private Path out;

        @Option(names = "--python", description = "The Python edition's bundle (q1.py and check.py) instead of the Java one.")
        private boolean python;

        @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
                description = "The repository root, built (default: the current folder).")
        private Path repository;

        @Override
        public Integer call() throws IOException {
            Path zip = out != null ? out : Path.of(python ? "hw5-student-python.zip" : "hw5-student.zip");
            if (python) {
                PythonStudentBundle.write(repository, zip);
            } else {
                StudentBundle.write(repository, zip);
            }
            spec.commandLine().getOut().println("Wrote " + zip + ".");
            return ExitCode.OK.code();
        }
    }
}
