package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.grader.packaging.GradescopeBundle;
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
        description = "Build the zips that leave the repository: Gradescope's autograder, and the students' project.",
        subcommands = {PackageCommand.Gradescope.class, PackageCommand.Student.class})
final class PackageCommand {

    @Command(name = "gradescope", mixinStandardHelpOptions = true,
            description = {"Write autograder.zip for Gradescope: setup.sh and run_autograder at its root, and this",
                "grader jar with its bundled data. Upload it as a Gradescope autograder."})
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
            description = {"Write the students' bundle: the template project, the public vectors, the held-out",
                "images, the local checker and the course libraries, from a repository built with `mvn package`.",
                "Nothing of the reference solution, the hidden vectors or the held-out labels goes in."})
    @ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
    static final class Student implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--out", paramLabel = "ZIP", defaultValue = "hw5-student.zip",
                description = "Where to write it (default: ${DEFAULT-VALUE}).")
        private Path out;

        @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
                description = "The repository root, built (default: the current folder).")
        private Path repository;

        @Override
        public Integer call() throws IOException {
            StudentBundle.write(repository, out);
            spec.commandLine().getOut().println("Wrote " + out + ".");
            return ExitCode.OK.code();
        }
    }
}
