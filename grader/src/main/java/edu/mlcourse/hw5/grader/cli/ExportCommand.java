package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.files.AtomicFiles;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.export.Gradebook;
import edu.mlcourse.hw5.grader.export.GradebookCsv;
import edu.mlcourse.hw5.grader.export.Roster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader export OUT --roster FILE}: a batch's totals as Canvas's gradebook import, and as a plain CSV. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a batch's totals for the LMS, matched to students by a roster.",
            "Writes the CSV Canvas's gradebook imports (Student,ID,SIS User ID,",
            "SIS Login ID,Section,<assignment>; a Points Possible row; a row per",
            "student) and a plain CSV (student id, name, submission, total, each part).",
            "The roster is a CSV with a header row: student id, name, folder (the",
            "submission's folder in the batch, or the Gradescope submission id), and",
            "optionally canvas id, sis login id, section. Folders without a student and",
            "students without a folder are listed. A total is left empty (Canvas then",
            "changes nothing) for a student without a graded submission, and for an",
            "unverified Q2 unless --allow-unverified."})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.INTERNAL_ERROR})
final class ExportCommand implements Callable<Integer> {
    /** The files' default names in OUT. */
    static final String CANVAS_FILE = "canvas-import.csv";
    static final String PLAIN_FILE = "grades.csv";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "OUT", description = "The output folder of `grader batch`.")
    private Path out;

    @Option(names = "--roster", required = true, paramLabel = "FILE",
            description = "Roster CSV: student id,name,folder[,canvas id,sis login id,section].")
    private Path roster;

    @Option(names = "--assignment", paramLabel = "NAME", defaultValue = "HW5",
            description = "The assignment's column as Canvas names it, e.g. \"HW5 (12345)\" (default: ${DEFAULT-VALUE}).")
    private String assignment;

    @Option(names = "--canvas", paramLabel = "FILE", description = "Canvas import file (default: OUT/" + CANVAS_FILE + ").")
    private Path canvas;

    @Option(names = "--csv", paramLabel = "FILE", description = "Plain CSV (default: OUT/" + PLAIN_FILE + ").")
    private Path plain;

    @Option(names = "--allow-unverified", description = "Export the totals of submissions whose Q2 is unverified too.")
    private boolean allowUnverified;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "OUT " + out + (Files.exists(out) ? " is not a folder."
                    : " does not exist.") + " Give the --out folder of `grader batch`.");
        }
        if (!Files.isRegularFile(roster)) {
            throw new ParameterException(spec.commandLine(), "--roster " + roster + " is not a file.");
        }
        if (assignment.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--assignment must name the assignment's column in Canvas.");
        }
        Gradebook gradebook = Gradebook.of(new ResultStore(out).readAll(), Roster.read(roster), allowUnverified);
        Path canvasFile = canvas == null ? out.resolve(CANVAS_FILE) : canvas;
        Path plainFile = plain == null ? out.resolve(PLAIN_FILE) : plain;
        AtomicFiles.write(canvasFile, GradebookCsv.canvas(gradebook, assignment), ResultStore.TEMPORARY_PREFIX);
        AtomicFiles.write(plainFile, GradebookCsv.plain(gradebook), ResultStore.TEMPORARY_PREFIX);

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        long exported = gradebook.students().stream().filter(e -> e.status().exported()).count();
        List<Gradebook.Entry> withheld = gradebook.students().stream().filter(e -> !e.status().exported()).toList();
        for (Gradebook.Entry entry : withheld) {
            stderr.println("grader export: " + entry.student().studentId() + " (" + entry.student().name() + ")"
                    + entry.submission().map(s -> ", " + s).orElse("") + ": " + entry.status().meaning() + ".");
        }
        gradebook.students().stream().filter(e -> e.status() == Gradebook.Status.EXPORTED_UNVERIFIED)
                .forEach(e -> stderr.println("grader export: " + e.student().studentId() + " (" + e.student().name()
                        + "): " + e.status().meaning() + "."));
        for (String folder : gradebook.unmatched()) {
            stderr.println("grader export: " + folder + ": no student of the roster has this submission; not exported.");
        }
        stdout.printf("Wrote %s and %s: %d of %d student(s) with a total (of %s), %d withheld, %d submission(s)"
                        + " without a student.%n", canvasFile, plainFile, exported, gradebook.students().size(),
                GradebookCsv.number(gradebook.pointsPossible()), withheld.size(), gradebook.unmatched().size());
        stdout.flush();
        stderr.flush();
        return ExitCode.OK.code();
    }
}
