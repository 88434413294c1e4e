package edu.mlcourse.hw5.grader.sandbox;

import static edu.mlcourse.hw5.contract.Q1Function.LINEAR_BACKWARD;
import static edu.mlcourse.hw5.contract.Q1Function.LINEAR_FORWARD;
import static edu.mlcourse.hw5.contract.Q1Function.RELU_BACKWARD;
import static edu.mlcourse.hw5.contract.Q1Function.RELU_FORWARD;
import static edu.mlcourse.hw5.contract.Q1Function.SOFTMAX_BACKWARD;
import static edu.mlcourse.hw5.contract.Q1Function.SOFTMAX_FORWARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.contract.Q1Function;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions that misbehave in one function each: that function fails with a clear message, the
 * others keep their points, each misbehaving function costs one time limit at most, and nothing
 * the submission started outlives its grading. Run under the isolation the grade command picks
 * here, so the same behaviour holds protected (root, as in CI) and unprotected (a student's
 * machine). Nothing here depends on how fast the machine is: the limits count the student JVM's
 * CPU time, and the assertions are about what was stopped and said, never about seconds.
 */
class HostileBehaviourTest {
    private static final RunLimits LIMITS = Sandboxes.LIMITS;
    private static final IsolationChoice ISOLATION = Sandboxes.detected(LIMITS);

    @TempDir
    Path dir;

    private Graded grade(String members) throws IOException {
        return grade(HostileSubmission.write(dir, members));
    }

    private Graded grade(Path submission) {
        return grade(submission, LIMITS);
    }

    private Graded grade(Path submission, RunLimits limits) {
        Graded graded = Sandboxes.grade(submission, limits, ISOLATION);
        assertTrue(graded.report().graderErrors().isEmpty(), graded::describe);
        return graded;
    }

    private static void onlyTheseFail(Graded graded, Q1Function... failing) {
        List<Q1Function> bad = List.of(failing);
        for (Q1Function function : Q1Function.values()) {
            if (bad.contains(function)) {
                assertTrue(graded.noneScored(function), () -> function + " should score nothing:\n" + graded.describe());
            } else {
                assertTrue(graded.allPassed(function), () -> function + " should keep its points:\n" + graded.describe());
            }
        }
    }

    private static void says(Graded graded, Q1Function function, String... phrases) {
        String feedback = graded.feedback(function);
        for (String phrase : phrases) {
            assertTrue(feedback.contains(phrase), () -> function + " should be told \"" + phrase + "\":\n" + feedback);
        }
    }

    /** Each misbehaving function cost one limit and was then skipped: the budget was never reached. */
    private static void budgetNeverReached(Graded graded) {
        assertFalse(graded.describe().contains("time budget"), graded::describe);
    }

    @Test
    void anEndlessLoopASleepAndADeadlockCostOneCallTimeoutEachAndFailOnlyTheirFunction() throws IOException {
        Graded graded = grade("""
                public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
                    long spins = 0;
                    while (x != null) {
                        spins++;
                    }
                    return new LinearGrads(null, null, new double[(int) spins]);
                }
                public static double[][] reluBackward(double[][] dout, double[][] x) {
                    while (true) {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            System.out.println("woken, sleeping again");
                        }
                    }
                }
                public static double[][] softmaxBackward(double[][] dout, double[][] x) {
                    Object a = new Object();
                    Object b = new Object();
                    Thread first = new Thread(() -> {
                        synchronized (a) {
                            try { Thread.sleep(200); } catch (InterruptedException e) { return; }
                            synchronized (b) { System.out.println("never"); }
                        }
                    });
                    Thread second = new Thread(() -> {
                        synchronized (b) {
                            try { Thread.sleep(200); } catch (InterruptedException e) { return; }
                            synchronized (a) { System.out.println("never"); }
                        }
                    });
                    first.start();
                    second.start();
                    try {
                        first.join();
                    } catch (InterruptedException e) {
                        return null;
                    }
                    return Q1Reference.softmaxBackward(dout, x);
                }
                """);
        onlyTheseFail(graded, LINEAR_BACKWARD, RELU_BACKWARD, SOFTMAX_BACKWARD);
        says(graded, LINEAR_BACKWARD, "linearBackward did not finish within 2.0 s of computing: an endless loop",
                "linearBackward was not called for this check: it did not finish within 2.0 s on an earlier check,"
                        + " so its remaining checks are skipped");
        for (Q1Function function : List.of(RELU_BACKWARD, SOFTMAX_BACKWARD)) {
            says(graded, function, function.methodName() + " did not finish within 4.0 s and spent most of it"
                            + " waiting, not computing: a sleep, a deadlock",
                    function.methodName() + " was not called for this check: it did not finish within 4.0 s on an"
                            + " earlier check, so its remaining checks are skipped");
        }
        // Each cost one limit (2 s of computing, 4 s of waiting) and was skipped from then on.
        budgetNeverReached(graded);
    }

    @Test
    void exitAndHaltAfterFakeJsonAndAStackOverflowFailTheirFunctionAndAFreshJvmGoesOn() throws IOException {
        Graded graded = grade("""
                public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
                    System.out.println("{\\"score\\": 100.0, \\"tests\\": []}");
                    System.out.flush();
                    System.exit(0);
                    return null;
                }
                public static double[][] reluBackward(double[][] dout, double[][] x) {
                    System.out.println("{\\"score\\": 100.0}");
                    Runtime.getRuntime().halt(0);
                    return null;
                }
                public static double[][] softmaxBackward(double[][] dout, double[][] x) {
                    return softmaxBackward(dout, x);
                }
                """);
        onlyTheseFail(graded, LINEAR_BACKWARD, RELU_BACKWARD, SOFTMAX_BACKWARD);
        for (Q1Function function : List.of(LINEAR_BACKWARD, RELU_BACKWARD)) {
            says(graded, function, "the student JVM ended during the call (exit code 0)",
                    "Functions must not call System.exit or Runtime.halt",
                    function.methodName() + " was not called for this check: it ended the student JVM 2 times");
        }
        says(graded, SOFTMAX_BACKWARD, "softmaxBackward threw StackOverflowError",
                "softmaxBackward was not called for this check: it ended the student JVM 2 times on earlier checks (the"
                        + " last time: it threw StackOverflowError)");
        assertFalse(graded.describe().contains("100.0"), graded::describe);
        budgetNeverReached(graded);
    }

    @Test
    void runningOutOfMemoryAndAHugeResultFailTheirFunctionWithAClearMessage() throws IOException {
        Graded graded = grade("""
                public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
                    java.util.List<double[]> hoard = new java.util.ArrayList<>();
                    while (true) {
                        hoard.add(new double[1 << 20]);
                    }
                }
                public static double[][] reluBackward(double[][] dout, double[][] x) {
                    return new double[3000][2000];
                }
                """);
        onlyTheseFail(graded, LINEAR_BACKWARD, RELU_BACKWARD);
        says(graded, LINEAR_BACKWARD, "linearBackward threw OutOfMemoryError: Java heap space");
        says(graded, RELU_BACKWARD, "reluBackward returned something the grader cannot use: it returned 6003000 numbers,"
                + " far more than the inputs call for");
        budgetNeverReached(graded);
    }

    /** How fast a flood drains is a matter for bench/, not for a test: the limits here are roomy. */
    @Test
    void floodsOfHundredsOfMegabytesAreCutToAboutTenKilobytes() throws IOException {
        Graded graded = grade(HostileSubmission.write(dir, """
                private static boolean flooded;
                public static double[][] reluForward(double[][] x) {
                    if (!flooded) {
                        flooded = true;
                        byte[] chunk = new byte[1 << 20];
                        java.util.Arrays.fill(chunk, (byte) 'x');
                        java.io.FileOutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                        java.io.FileOutputStream rawErr = new java.io.FileOutputStream(java.io.FileDescriptor.err);
                        try {
                            for (int i = 0; i < 200; i++) {
                                System.out.write(chunk, 0, chunk.length);
                                System.err.write(chunk, 0, chunk.length);
                                raw.write(chunk);
                                rawErr.write(chunk);
                            }
                        } catch (java.io.IOException e) {
                            System.out.println("could not flood: " + e);
                        }
                    }
                    return Q1Reference.reluForward(x);
                }
                """), Sandboxes.ROOMY);
        onlyTheseFail(graded);
        String notes = graded.notes();
        int start = notes.indexOf("Your Q1 code printed this");
        assertTrue(start >= 0, notes);
        int end = notes.indexOf("not shown]", start) + "not shown]".length();
        String printed = notes.substring(start, Math.max(end, start));
        assertTrue(printed.length() < 11 * 1024, () -> "printed output shown: " + printed.length() + " characters");
        Matcher dropped = Pattern.compile("\\[\\.\\.\\. about (\\d+) more bytes of output not shown]").matcher(printed);
        assertTrue(dropped.find(), printed);
        // 200 MB each on System.out and System.err; what went to the raw descriptors never reaches the report.
        assertTrue(Long.parseLong(dropped.group(1)) > 390L << 20, printed);
    }

    /**
     * A correct forward that cannot serve the gradient check: it passes its own cases (one call
     * each), then computes without end from its 31st call on, so the check, which calls it dozens of
     * times in one batch, is stopped whatever the machine's speed or load (a count of calls, not a
     * time, decides). It cannot serve as the reference, so the backward's gradient points follow its
     * own (passing) vector cases.
     */
    @Test
    void aForwardTooSlowToServeTheGradientCheckCostsTheCorrectBackwardNothing() throws IOException {
        Graded graded = grade(HostileSubmission.write(dir, """
                private static int calls;
                private static volatile long spins;
                public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
                    if (++calls > 30) {
                        while (x != null) {
                            spins++;
                        }
                    }
                    return Q1Reference.linearForward(x, w, b);
                }
                """));
        String feedback = graded.tests(LINEAR_BACKWARD).stream().map(t -> t.name() + ": " + t.output())
                .reduce("", (a, b) -> a + "\n" + b);
        assertTrue(graded.allPassed(LINEAR_BACKWARD), graded::describe);
        assertTrue(feedback.contains("The finite-difference check uses your linearForward as its reference, but it could"
                + " not serve during the check"), feedback);
        assertTrue(feedback.contains("These points follow linearBackward's own vector cases instead"), feedback);
        assertTrue(feedback.contains("linearForward did not finish within"), feedback);
        for (Q1Function function : List.of(RELU_FORWARD, RELU_BACKWARD, SOFTMAX_FORWARD, SOFTMAX_BACKWARD)) {
            assertTrue(graded.allPassed(function), graded::describe);
        }
    }

    @Test
    void aStaticInitializerThatThrowsScoresZeroForQ1WithTheException() throws IOException {
        Graded graded = grade(HostileSubmission.withStaticBlock(dir, """
                static {
                    if (Boolean.parseBoolean("true")) {
                        throw new IllegalStateException("static boom");
                    }
                }
                """));
        onlyTheseFail(graded, Q1Function.values());
        for (Q1Function function : Q1Function.values()) {
            says(graded, function, "hw5.Q1 could not be loaded: its static initialization threw IllegalStateException:"
                    + " static boom");
        }
    }

    @Test
    void aStaticInitializerThatLoopsOrExitsScoresZeroForQ1WithTheReason() throws IOException {
        Graded loops = grade(HostileSubmission.withStaticBlock(dir.resolve("loops"), """
                static {
                    while (Boolean.parseBoolean("true")) {
                        Thread.onSpinWait();
                    }
                }
                """));
        onlyTheseFail(loops, Q1Function.values());
        says(loops, LINEAR_FORWARD, "Loading hw5.Q1 did not finish within 2.0 s: a static initializer");
        budgetNeverReached(loops);
        Graded exits = grade(HostileSubmission.withStaticBlock(dir.resolve("exits"), """
                static {
                    System.exit(0);
                }
                """));
        onlyTheseFail(exits, Q1Function.values());
        says(exits, SOFTMAX_BACKWARD, "Loading hw5.Q1 ended the student JVM (exit code 0)",
                "call System.exit or Runtime.halt, or exhaust memory?");
    }

    @Test
    void aHelperClassThatWillNotInitializeFailsOnlyTheFunctionThatUsesIt() throws IOException {
        Path submission = HostileSubmission.write(dir, """
                public static double[][] softmaxForward(double[][] x) {
                    return Broken.scale(Q1Reference.softmaxForward(x));
                }
                """, Map.of("Broken.java", """
                package hw5;

                final class Broken {
                    private static final double FACTOR = Double.parseDouble(System.getProperty("hw5.not.set"));

                    private Broken() {
                    }

                    static double[][] scale(double[][] m) {
                        return m;
                    }
                }
                """));
        Graded graded = grade(submission);
        onlyTheseFail(graded, SOFTMAX_FORWARD);
        says(graded, SOFTMAX_FORWARD, "softmaxForward threw ExceptionInInitializerError",
                "softmaxForward threw NoClassDefFoundError: Could not initialize class hw5.Broken");
    }

    @Test
    void aSubmissionSlowEverywhereStopsAtItsBudgetWithAClearMessage() throws IOException {
        RunLimits limits = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(6), 128);
        StringBuilder members = new StringBuilder();
        for (String method : List.of(
                "double[][] linearForward(double[][] x, double[][] w, double[] b)",
                "LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b)",
                "double[][] reluForward(double[][] x)", "double[][] reluBackward(double[][] dout, double[][] x)",
                "double[][] softmaxForward(double[][] x)", "double[][] softmaxBackward(double[][] dout, double[][] x)")) {
            String name = method.substring(method.indexOf(' ') + 1, method.indexOf('('));
            String args = method.contains("dout, double[][] x, double[][] w") ? "dout, x, w, b"
                    : method.contains("x, double[][] w") ? "x, w, b" : method.contains("dout") ? "dout, x" : "x";
            members.append("public static ").append(method).append(" {\n");
            if (!name.equals("linearForward")) {
                members.append("    try { Thread.sleep(80); } catch (InterruptedException e) { return null; }\n");
            }
            members.append("    return Q1Reference.").append(name).append('(').append(args).append(");\n}\n");
        }
        IsolationChoice isolation = Sandboxes.detected(limits);
        Graded graded = Sandboxes.grade(HostileSubmission.write(dir, members.toString()), limits, isolation);
        assertTrue(graded.allPassed(LINEAR_FORWARD), graded::describe);
        says(graded, SOFTMAX_BACKWARD, "the submission's time budget of 6 s is used up, so this check was not run");
        long unscored = graded.report().tests().stream().filter(t -> t.score() < t.maxScore()).count();
        assertTrue(unscored >= 5, graded::describe);
        assertEquals(0, graded.report().tests().stream().filter(TestResult::passed)
                .filter(t -> t.tags().contains("softmaxBackward")).count(), graded::describe);
    }
}
