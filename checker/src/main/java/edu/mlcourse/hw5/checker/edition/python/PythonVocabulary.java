package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.sandbox.WorkerVocabulary;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How feedback about the Python worker speaks to a student: {@code q1.py}, imported by their Python. */
final class PythonVocabulary implements WorkerVocabulary {
    static final PythonVocabulary INSTANCE = new PythonVocabulary();

    private final Pattern missingModule = Pattern.compile("No module named '([^'.]+)");

    private PythonVocabulary() {
    }

    @Override
    public String process() {
        return "the Python process running your code";
    }

    @Override
    public String loading() {
        return "Importing q1.py";
    }

    @Override
    public String topLevel() {
        return "code at the top level of q1.py (outside every function)";
    }

    @Override
    public String exits() {
        return "sys.exit, os._exit or os.kill";
    }

    @Override
    public String functionName(Q1Function function) {
        return PythonDialect.INSTANCE.name(function);
    }

    @Override
    public String frames(List<String> frames) {
        return PythonDialect.INSTANCE.frames(frames);
    }

    @Override
    public String loadFailure(Outcome.Threw threw) {
        String type = threw.exceptionClass();
        String text = "q1.py could not be imported: " + threw.summary() + frames(threw.frames());
        Matcher missing = missingModule.matcher(threw.message() == null ? "" : threw.message());
        if (type.equals("ModuleNotFoundError") && missing.find()) {
            return text + "\nq1.py imports " + missing.group(1) + ", which the grader does not have: Q1 should need only"
                    + " numpy and Python's standard library. If " + missing.group(1) + " is a file of yours, submit "
                    + missing.group(1) + ".py beside q1.py.";
        }
        if (type.equals("SyntaxError") || type.equals("IndentationError") || type.equals("TabError")) {
            return text + "\nPython cannot read q1.py: fix the line shown (`python3 q1.py` shows the same message).";
        }
        return text + "\nThe code that runs on import (the top level of q1.py, outside every function) failed: keep"
                + " only imports, constants and definitions there.";
    }
}
