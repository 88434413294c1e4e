package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import java.util.List;

/**
 * How feedback about the worker speaks to a student of one edition: what runs their code, how it
 * is loaded, what it must not call, how a failure to load it reads, and the names and stack frames
 * they know. Each edition gives one (see its {@link WorkerProgram}); the sandbox knows no edition.
 */
public interface WorkerVocabulary {
    /** What runs the code, e.g. "the student JVM". */
    String process();

    /** The act of loading it, e.g. "Loading hw5.Q1". */
    String loading();

    /** Code that runs when it loads, e.g. "a static initializer (static field or static block)". */
    String topLevel();

    /** The calls that end the process, e.g. "System.exit or Runtime.halt". */
    String exits();

    /** A function's name as the student writes it: {@code linearForward}, {@code linear_forward}. */
    String functionName(Q1Function function);

    /** An exception's frames, one per line, each indented under the message. */
    String frames(List<String> frames);

    /** Why the code could not be loaded, for every Q1 check, from the exception loading it threw. */
    String loadFailure(Outcome.Threw threw);

    /** The advice that follows a crash of the worker during a call. */
    default String crashAdvice() {
        return "Functions must not call " + exits() + ", and must not exhaust its memory.";
    }
}
