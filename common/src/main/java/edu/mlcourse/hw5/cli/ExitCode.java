package edu.mlcourse.hw5.cli;

/**
 * Every exit code of every command line of the project ({@code grader}, {@code hw5-check},
 * {@code reference}), in one place. Each command lists the ones it can return with
 * {@link ExitCodes}, and its {@code --help} prints them from here, so scripts and people read the
 * same meanings.
 */
public enum ExitCode {
    /** The command did its job, whatever the scores it found. */
    OK(0, "done (a submission graded or checked: whatever its score)"),
    /** The tool itself failed: a bug, never a judgement of anyone's work. */
    INTERNAL_ERROR(1, "the tool itself failed (a bug); rerun with HW5_DEBUG=1 for the stack trace and report it"),
    /** Bad arguments, or an input file given on the command line that cannot be used. */
    USAGE(2, "bad arguments or input: the message says which"),
    /** The course's data or the machine is not fit to run on; nothing was judged. */
    SETUP(3, "the course's data (vectors, held-out set, rubric, dataset) is missing, damaged or tampered"
            + " with, or this machine lacks a tool the command needs; the message says which"),
    /** A {@code --check} compared generated files with committed ones and found differences. */
    DIFFERENCES(4, "--check found files that differ from a fresh generation; they are listed"),
    /**
     * The grader failed on a submission: it has no score (results say so, never a zero), and the
     * course staff must look at it or grade it again.
     */
    GRADER_FAILED(5, "the grader failed on a submission: it has no score, its results say so, and it must be"
            + " graded again");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** One line for {@code --help}. */
    public String meaning() {
        return meaning;
    }
}
