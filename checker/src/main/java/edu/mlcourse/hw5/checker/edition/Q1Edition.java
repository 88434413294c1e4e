package edu.mlcourse.hw5.checker.edition;

import edu.mlcourse.hw5.checker.checks.Dialect;
import edu.mlcourse.hw5.checker.sandbox.WorkerProgram;
import edu.mlcourse.hw5.checker.submission.FileLookup;
import edu.mlcourse.hw5.checker.submission.Submission;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One edition of Q1: the Java edition ({@code hw5.Q1} in {@code Q1.java}) or the Python edition,
 * the homework as first written ({@code q1.py}, numpy). An edition says how a submission's Q1 is
 * found, made ready to load (compiled, or gathered), run (its {@link WorkerProgram}) and spoken of
 * (its {@link Dialect}); the checks, the sandbox and the scoring are the same for both.
 */
public interface Q1Edition {
    /** "Java", "Python". */
    String name();

    /** The rubric's name for it: "java", "python". */
    String rubricName();

    /** The model file Q2 submits in this edition: {@code my_model.json}, {@code my_model.pt}. */
    String modelFile();

    /** How a student of this edition submits the model file that verifies Q2, as an instruction. */
    String howToSubmitModel();

    /** The file that holds the edition's Q1. */
    FileLookup q1(Submission submission);

    Dialect dialect();

    /**
     * The code the worker loads (Java: class files by binary name; Python: module sources by file
     * name), with notes for the report; or why Q1 scores zero (a compile error).
     */
    Prepared prepare(Submission submission, Path q1);

    /** The worker that runs this edition's code; empty when this machine cannot, see {@link #unavailable()}. */
    Optional<WorkerProgram> worker();

    /** Starts, in the background, what grading in this edition will need first; by default nothing. */
    default void warmUp() {
    }

    /** Why this machine cannot run the edition's code, for the course staff (what to install). */
    String unavailable();

    /**
     * What {@link #prepare} made.
     *
     * @param code name to bytes, as the worker protocol's LOAD carries it
     * @param notes for the report, e.g. what was compiled
     * @param zeroReason set when Q1 cannot run at all and scores zero, with the reason
     */
    record Prepared(Map<String, byte[]> code, List<String> notes, Optional<String> zeroReason) {
        public Prepared {
            code = Map.copyOf(code);
            notes = List.copyOf(notes);
        }

        public static Prepared zero(String reason) {
            return new Prepared(Map.of(), List.of(), Optional.of(reason));
        }
    }
}
