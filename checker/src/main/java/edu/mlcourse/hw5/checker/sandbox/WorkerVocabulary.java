package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.invocation.Outcome;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How feedback about the worker speaks to a student of one edition: what runs their code, what
 * their code is called, how it is loaded, what it must not call, and how a failure to load it reads.
 */
public enum WorkerVocabulary {
    JAVA("the student JVM", "hw5.Q1", "Loading hw5.Q1", "a static initializer (static field or static block)",
            "System.exit or Runtime.halt") {
        @Override
        String loadFailure(Outcome.Threw threw) {
            return "hw5.Q1 could not be loaded: its static initialization threw " + threw.summary()
                    + (threw.frames().isEmpty() ? "" : "\n    at " + String.join("\n    at ", threw.frames()));
        }
    },
    PYTHON("the Python process running your code", "q1.py", "Importing q1.py",
            "code at the top level of q1.py (outside every function)", "sys.exit, os._exit or os.kill") {
        private final Pattern missingModule = Pattern.compile("No module named '([^'.]+)");

        @Override
        String loadFailure(Outcome.Threw threw) {
            String type = threw.exceptionClass();
            String text = "q1.py could not be imported: " + threw.summary()
                    + (threw.frames().isEmpty() ? "" : "\n    " + String.join("\n    ", threw.frames()));
            Matcher missing = missingModule.matcher(threw.message() == null ? "" : threw.message());
            if (type.equals("ModuleNotFoundError") && missing.find()) {
                return text + "\nq1.py imports " + missing.group(1) + ", which the grader does not have: Q1 may use only"
                        + " numpy and Python's standard library. If " + missing.group(1) + " is a file of yours, submit "
                        + missing.group(1) + ".py beside q1.py.";
            }
            if (type.equals("SyntaxError") || type.equals("IndentationError") || type.equals("TabError")) {
                return text + "\nPython cannot read q1.py: fix the line shown (`python3 q1.py` shows the same message).";
            }
            return text + "\nThe code that runs on import (the top level of q1.py, outside every function) failed: keep"
                    + " only imports, constants and definitions there.";
        }
    };

    private final String process;
    private final String code;
    private final String loading;
    private final String topLevel;
    private final String exits;

    WorkerVocabulary(String process, String code, String loading, String topLevel, String exits) {
        this.process = process;
        this.code = code;
        this.loading = loading;
        this.topLevel = topLevel;
        this.exits = exits;
    }

    /** What runs the code, e.g. "the student JVM". */
    public String process() {
        return process;
    }

    /** What is loaded, e.g. "hw5.Q1", "q1.py". */
    public String code() {
        return code;
    }

    /** The act of loading it, e.g. "Loading hw5.Q1". */
    String loading() {
        return loading;
    }

    /** Code that runs when it loads, e.g. "a static initializer (static field or static block)". */
    String topLevel() {
        return topLevel;
    }

    /** The calls that end the process, e.g. "System.exit or Runtime.halt". */
    String exits() {
        return exits;
    }

    /** The advice that follows a crash of the worker during a call. */
    String crashAdvice() {
        return "Functions must not call " + exits + ", and must not exhaust its memory.";
    }

    /** Why the code could not be loaded, for every Q1 check, from the exception loading it threw. */
    abstract String loadFailure(Outcome.Threw threw);
}
