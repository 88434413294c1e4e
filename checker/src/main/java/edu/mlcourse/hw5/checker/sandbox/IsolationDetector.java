package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.EnvironmentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks the strongest isolation this machine allows, once per grader process: as root where
 * {@code unshare} is permitted, {@link NamespaceIsolation}; as root without it (Docker's default
 * seccomp profile), {@link UserIsolation}; as anyone else, {@link Isolation#NONE}, which is what a
 * student's own machine needs. Root is never left unprotected: without {@code setpriv} and
 * {@code prlimit} the grader refuses to run student code.
 */
public final class IsolationDetector {
    /** Debian's dataset-fashion-mnist installs Q2's test labels readable by everyone. */
    public static final Path FASHION_MNIST_TEST_LABELS = NamespaceIsolation.DATASETS.resolve(
            "fashion-mnist/t10k-labels-idx1-ubyte.gz");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private static Facts facts;

    private IsolationDetector() {
    }

    /**
     * @param limits the student JVM's time and memory, for the notes and the CPU backstop
     * @param graderFiles the grader's own files and data (its jar, vectors, rubric): covered in a
     *     mount namespace should they lie in a system folder, reported when readable by all without one
     */
    public static IsolationChoice detect(RunLimits limits, List<Path> graderFiles) {
        return detect(limits, graderFiles, IsolationChoice.Level.NAMESPACES);
    }

    /**
     * The strongest isolation up to {@code strongest}, to see here what a weaker environment gives
     * (tests, an instructor trying Gradescope's protections on a server).
     */
    public static IsolationChoice detect(RunLimits limits, List<Path> graderFiles, IsolationChoice.Level strongest) {
        return choose(facts(), limits, graderFiles, strongest);
    }

    static IsolationChoice choose(Facts host, RunLimits limits, List<Path> graderFiles, IsolationChoice.Level strongest) {
        String ran = "Your Q1 code ran in a separate process (" + seconds(limits.callTimeout())
                + " s of computing per check, " + seconds(limits.budget()) + " s in all)";
        if (!host.root() || strongest == IsolationChoice.Level.NONE) {
            String why = host.root() ? "isolation was turned off for this run"
                    : "the grader is not running as root on Linux and so cannot run it as another user or hide files"
                            + " from it. That is fine on your own machine, where there is nothing to hide from you; the"
                            + " official grader runs as root and isolates your code";
            return new IsolationChoice(Isolation.NONE, IsolationChoice.Level.NONE,
                    List.of(ran + " without further protection, because " + why + "."));
        }
        ProcessLimits processLimits = ProcessLimits.forBudget(limits.budget());
        List<String> notes = new ArrayList<>();
        Isolation isolation;
        IsolationChoice.Level level;
        if (host.namespaces().isPresent() && strongest == IsolationChoice.Level.NAMESPACES) {
            isolation = new NamespaceIsolation(host.namespaces().get(), processLimits, graderFiles);
            level = IsolationChoice.Level.NAMESPACES;
            notes.add(ran + ", isolated: " + String.join("; ", isolation.protections()) + ".");
        } else {
            isolation = new UserIsolation(host.setpriv(), host.prlimit(), processLimits);
            level = IsolationChoice.Level.USER;
            String why = host.namespaces().isPresent() ? "they were turned off for this run"
                    : "`unshare` is not permitted here (" + host.namespaceProblem()
                            + "), as under Docker's default seccomp profile";
            notes.add(ran + ", isolated: " + String.join("; ", isolation.protections()) + ". Not in force: network"
                    + " and file namespaces, because " + why + ". The code could use the network and read every file"
                    + " that every user may read, so the grader's files must be readable by root only.");
            for (Path file : graderFiles) {
                if (Host.readableByAll(file)) {
                    notes.add("Warning for the course staff: " + file + " belongs to the grader but every user may read"
                            + " it, the student code included. Make it readable by root only (chmod o-rwx).");
                }
            }
        }
        if (Host.readableByAll(FASHION_MNIST_TEST_LABELS)) {
            notes.add("Warning for the course staff: " + FASHION_MNIST_TEST_LABELS + " (Debian's dataset-fashion-mnist"
                    + " package) holds the labels of Q2's held-out images and every user of this machine may read it"
                    + (level == IsolationChoice.Level.NAMESPACES ? "; it was hidden from the student code."
                            : ", the student code included.")
                    + " Remove the package, or make the file readable by root only, on machines that grade.");
        }
        return new IsolationChoice(isolation, level, notes);
    }

    private static String seconds(Duration duration) {
        double s = duration.toMillis() / 1000.0;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    /**
     * What this machine allows, probed once.
     *
     * @param namespaces the programs for {@link NamespaceIsolation}, if it works here
     * @param namespaceProblem why it does not, if so
     */
    record Facts(boolean root, Path setpriv, Path prlimit, Optional<NamespaceIsolation.Programs> namespaces,
                         String namespaceProblem) {
    }

    private static synchronized Facts facts() {
        if (facts == null) {
            facts = probe(Host::program);
        }
        return facts;
    }

    /** @param find finds a program by name; tests give one that finds a failing stand-in */
    static Facts probe(Function<String, Optional<Path>> find) {
        if (!Host.isRoot()) {
            return new Facts(false, null, null, Optional.empty(), "");
        }
        Optional<Path> setpriv = find.apply("setpriv");
        Optional<Path> prlimit = find.apply("prlimit");
        Optional<Path> trueProgram = find.apply("true");
        if (setpriv.isEmpty() || prlimit.isEmpty() || trueProgram.isEmpty()) {
            throw new EnvironmentException("The grader runs as root but cannot run student code as another user: setpriv and"
                    + " prlimit (package util-linux) are missing. Install util-linux, or run the grader as an ordinary user.");
        }
        Optional<Path> sh = find.apply("sh");
        Optional<Path> unshare = find.apply("unshare");
        Optional<Path> mount = find.apply("mount");
        String namespaceProblem = "unshare or mount is missing";
        if (sh.isPresent() && unshare.isPresent() && mount.isPresent()) {
            NamespaceIsolation.Programs programs = new NamespaceIsolation.Programs(sh.get(), unshare.get(), mount.get(),
                    setpriv.get(), prlimit.get());
            Optional<String> problem = tryIsolation(new NamespaceIsolation(programs,
                    ProcessLimits.forBudget(Duration.ofSeconds(1)), List.of()), trueProgram.get());
            if (problem.isEmpty()) {
                return new Facts(true, setpriv.get(), prlimit.get(), Optional.of(programs), "");
            }
            namespaceProblem = problem.get();
        }
        Optional<String> userProblem = tryIsolation(new UserIsolation(setpriv.get(), prlimit.get(),
                ProcessLimits.forBudget(Duration.ofSeconds(1))), trueProgram.get());
        if (userProblem.isPresent()) {
            throw new EnvironmentException("The grader runs as root but cannot run student code as another user: "
                    + userProblem.get() + ". Give the grader the capabilities setuid and setgid, or run it as an ordinary user.");
        }
        return new Facts(true, setpriv.get(), prlimit.get(), Optional.empty(), namespaceProblem);
    }

    /** Runs {@code true} under the isolation, in a scratch folder of its own. */
    private static Optional<String> tryIsolation(Isolation isolation, Path trueProgram) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("hw5-probe-");
            isolation.prepareScratch(scratch);
            Optional<String> failure = Host.failureOf(isolation.wrap(new Launch(List.of(trueProgram.toString()), List.of()),
                    scratch), scratch,
                    PROBE_TIMEOUT);
            isolation.endProcesses(scratch);
            return failure;
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(e.getMessage());
        } finally {
            if (scratch != null) {
                RuntimeArchive.deleteQuietly(scratch);
            }
        }
    }
}
