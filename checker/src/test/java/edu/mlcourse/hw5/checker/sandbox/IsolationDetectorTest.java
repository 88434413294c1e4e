package edu.mlcourse.hw5.checker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.EnvironmentException;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which isolation the grader picks where, and what the report then says. */
class IsolationDetectorTest {
    @TempDir
    Path dir;

    @Test
    void withoutRootTheCodeRunsUnprotectedAndOneNoteSaysWhyThatIsFine() {
        IsolationDetector.Facts student = new IsolationDetector.Facts(false, null, null, Optional.empty(), "");
        IsolationChoice choice = IsolationDetector.choose(student, RunLimits.DEFAULT, List.of(dir), Level.NAMESPACES);
        assertSame(Isolation.NONE, choice.isolation());
        assertEquals(1, choice.notes().size(), choice.notes()::toString);
        assertTrue(choice.notes().get(0).startsWith("Your Q1 code ran in a separate process (5 s of computing per check,"
                + " 60 s in all) without further protection, because the grader is not running as root"), choice::toString);
        assertTrue(choice.notes().get(0).contains("That is fine on your own machine"), choice::toString);
    }

    @Test
    void asRootWhereUnshareIsForbiddenTheCodeRunsAsItsOwnUserAndTheReportSaysWhatIsMissing() throws IOException {
        assumeTrue(Host.isRoot(), "isolation needs a grader running as root; checked in CI");
        Path forbidden = Files.writeString(dir.resolve("unshare"),
                "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(forbidden, PosixFilePermissions.fromString("rwx------"));
        Path shared = Files.createTempDirectory("hw5-readable-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            Path readable = Files.writeString(shared.resolve("grader.jar"), "");
            Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
            IsolationDetector.Facts docker = IsolationDetector.probe(
                    name -> name.equals("unshare") ? Optional.of(forbidden) : Host.program(name));
            IsolationChoice choice = IsolationDetector.choose(docker, RunLimits.DEFAULT,
                    List.of(readable, dir.resolve("unshare")), Level.NAMESPACES);
            assertEquals(Level.USER, choice.level());
            String notes = String.join("\n", choice.notes());
            assertTrue(notes.contains("isolated: as an unprivileged user of its own"), notes);
            assertTrue(notes.contains("Not in force: network and file namespaces, because `unshare` is not permitted"
                    + " here (unshare: unshare failed: Operation not permitted), as under Docker's default seccomp"
                    + " profile."), notes);
            assertTrue(notes.contains("Warning for the course staff: " + readable + " belongs to the grader but every"
                    + " user may read it"), notes);
            assertFalse(notes.contains(dir.resolve("unshare") + " belongs"), "a root-only file needs no warning:\n" + notes);
        } finally {
            Files.deleteIfExists(shared.resolve("grader.jar"));
            Files.deleteIfExists(shared);
        }
    }

    @Test
    void asRootWithoutSetprivTheGraderRefusesRatherThanRunStudentCodeAsRoot() {
        assumeTrue(Host.isRoot(), "isolation needs a grader running as root; checked in CI");
        EnvironmentException refused = assertThrows(EnvironmentException.class, () -> IsolationDetector.probe(
                name -> name.equals("setpriv") ? Optional.empty() : Host.program(name)));
        assertTrue(refused.getMessage().contains("setpriv and prlimit (package util-linux) are missing. Install"
                + " util-linux, or run the grader as an ordinary user."), refused.getMessage());
    }
}
