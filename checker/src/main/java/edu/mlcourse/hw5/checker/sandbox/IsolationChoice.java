package edu.mlcourse.hw5.checker.sandbox;

import java.util.List;

/**
 * The isolation picked for this machine and what the report should say about it.
 *
 * @param isolation how the student JVM is walled off
 * @param level which of the three kinds it is
 * @param notes for every report: the protections in force, or why there are none, and warnings
 */
public record IsolationChoice(Isolation isolation, Level level, List<String> notes) {
    public IsolationChoice {
        notes = List.copyOf(notes);
    }

    /** The kinds of isolation, weakest first. */
    public enum Level {
        /** Not root: the student JVM runs as the grader's user. */
        NONE,
        /** Root without namespaces: another user, process limits, stray processes ended. */
        USER,
        /** Root with namespaces: also no network, a root folder of its own, a process namespace. */
        NAMESPACES
    }
}
