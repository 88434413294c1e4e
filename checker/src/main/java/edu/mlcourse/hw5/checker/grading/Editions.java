package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.edition.Q1Edition;
import edu.mlcourse.hw5.checker.edition.java.JavaEdition;
import edu.mlcourse.hw5.checker.edition.python.PythonEdition;
import edu.mlcourse.hw5.checker.submission.Submission;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which edition a submission is graded as: the one whose Q1 file it holds ({@code Q1.java} or
 * {@code q1.py}), or the one the rubric pins. Holding both, with nothing pinned, is a problem the
 * student is told about: the grader never guesses which work to grade.
 */
public final class Editions {
    private final JavaEdition java = new JavaEdition();
    private final PythonEdition python = new PythonEdition();
    private final String pinned;

    /** @param pinned the rubric's edition: "java", "python" or "either" */
    public Editions(String pinned) {
        this.pinned = pinned;
    }

    /**
     * The edition to grade as, and the problem that makes Q1 score zero, if any (a missing or
     * doubled Q1 file). The edition also chooses the words of that problem's feedback.
     */
    public record Choice(Q1Edition edition, Optional<String> problem) {
    }

    public Choice choose(Submission submission) {
        boolean hasJava = has(submission, Submission.JAVA_Q1);
        boolean hasPython = has(submission, Submission.PYTHON_Q1);
        if (pinned.equals(java.rubricName()) || pinned.equals(python.rubricName())) {
            Q1Edition edition = pinned.equals(java.rubricName()) ? java : python;
            boolean hasOther = edition == java ? hasPython : hasJava;
            boolean hasOwn = edition == java ? hasJava : hasPython;
            if (!hasOwn && hasOther) {
                return new Choice(edition, Optional.of("This course grades the " + edition.name() + " edition of Q1:"
                        + " submit " + (edition == java ? Submission.JAVA_Q1 : Submission.PYTHON_Q1) + " ("
                        + (edition == java ? Submission.PYTHON_Q1 : Submission.JAVA_Q1) + " is not graded)."));
            }
            return new Choice(edition, edition.q1(submission).problem());
        }
        if (hasJava && hasPython) {
            return new Choice(java, Optional.of("The submission holds both " + Submission.JAVA_Q1 + " and "
                    + Submission.PYTHON_Q1 + ", and the grader grades one edition of Q1: remove the one you do not want"
                    + " graded."));
        }
        Q1Edition edition = hasPython || (!hasJava && looksLikePython(submission)) ? python : java;
        return new Choice(edition, edition.q1(submission).problem().map(problem -> problem + (hasJava || hasPython ? ""
                : " (Java edition: " + Submission.JAVA_Q1 + "; Python edition: " + Submission.PYTHON_Q1 + ".)")));
    }

    /** The edition a submission that cannot be opened at all is spoken of in: the pinned one, else Java. */
    public Q1Edition fallback() {
        return pinned.equals(python.rubricName()) ? python : java;
    }

    public List<Q1Edition> all() {
        return List.of(java, python);
    }

    /** Whether the submission holds a file that means {@code name}: {@code Q1 (1).java} means {@code Q1.java}. */
    private static boolean has(Submission submission, String name) {
        return !submission.candidatesFor(name).isEmpty();
    }

    /** Without either Q1 file: Python files and no Java ones suggest the Python edition. */
    private static boolean looksLikePython(Submission submission) {
        List<String> names = submission.files().stream().map(Path::getFileName).map(Path::toString).toList();
        return names.stream().anyMatch(n -> n.endsWith(".py") || n.endsWith(".ipynb") || n.endsWith(".pt"))
                && names.stream().noneMatch(n -> n.endsWith(".java"));
    }
}
