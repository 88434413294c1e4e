package edu.mlcourse.hw5.checker.submission;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names students' tools give a file they meant to submit under an exact name: a browser's second
 * download ({@code Q1 (1).java}), a learning platform's ({@code Q1-2.java}), a file manager's copy
 * ({@code Q1 copy.java}, {@code Q1 - Copy.java}), Notepad's {@code Q1.java.txt}, another case
 * ({@code Q1.py}). One set of rules for the grader, {@code ./check} and the Python bundle's
 * {@code check.py}, which reads {@link #regex} and {@link #SKIPPED_FOLDERS} from its {@code course.json}.
 */
public final class UploadNames {
    /** Build output, version control, editor and archiver folders never hold what is graded. */
    public static final List<String> SKIPPED_FOLDERS = List.of("target", "build", "out", "bin", ".git", ".idea",
            ".vscode", ".gradle", "__MACOSX", "node_modules", ".ipynb_checkpoints", "__pycache__");

    private static final String SUFFIXES = "(?:\\s?\\(\\d+\\)|[-_]\\d+| copy(?: \\d+)?| - copy(?: \\(\\d+\\))?)?";

    private UploadNames() {
    }

    /**
     * The regular expression (Java's and Python's {@code re} alike, matched against the whole name)
     * of the names that mean {@code exact}: {@code Q1.java} gives {@code Q1 (1).java}, {@code q1.JAVA},
     * {@code Q1-2.java}, {@code Q1.java.txt}.
     */
    public static String regex(String exact) {
        int dot = exact.lastIndexOf('.');
        String stem = exact.substring(0, dot);
        String extension = exact.substring(dot);
        return "(?i)" + stem.replace(".", "\\.") + SUFFIXES + extension.replace(".", "\\.") + "(?:\\.txt)?";
    }

    /** Whether {@code name} means {@code exact} (the exact name included). */
    public static boolean means(String exact, String name) {
        return name.equals(exact) || Pattern.matches(regex(exact), name);
    }

    /** Whether a name is one of those a file of {@code exact} is given by accident (anything but exact). */
    public static boolean isNearMiss(String exact, String name) {
        return !name.equals(exact) && means(exact, name);
    }

    /** Whether a file of this name is a candidate that only looks like Q1 (starts with its stem): for "missing" messages. */
    static boolean looksRelated(String exact, String name) {
        String stem = exact.substring(0, exact.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        return name.toLowerCase(Locale.ROOT).startsWith(stem);
    }
}
