package edu.mlcourse.hw5.checker.edition.java;

import edu.mlcourse.hw5.checker.sandbox.WorkerVocabulary;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import java.util.List;

/** How feedback about the Java worker speaks to a student: {@code hw5.Q1}, loaded in the student JVM. */
final class JavaVocabulary implements WorkerVocabulary {
    static final JavaVocabulary INSTANCE = new JavaVocabulary();

    private JavaVocabulary() {
    }

    @Override
    public String process() {
        return "the student JVM";
    }

    @Override
    public String loading() {
        return "Loading hw5.Q1";
    }

    @Override
    public String topLevel() {
        return "a static initializer (static field or static block)";
    }

    @Override
    public String exits() {
        return "System.exit or Runtime.halt";
    }

    @Override
    public String functionName(Q1Function function) {
        return JavaDialect.INSTANCE.name(function);
    }

    @Override
    public String frames(List<String> frames) {
        return JavaDialect.INSTANCE.frames(frames);
    }

    @Override
    public String loadFailure(Outcome.Threw threw) {
        return "hw5.Q1 could not be loaded: its static initialization threw " + threw.summary() + frames(threw.frames());
    }
}
