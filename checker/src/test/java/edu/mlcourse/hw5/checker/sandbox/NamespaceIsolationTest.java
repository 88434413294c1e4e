package edu.mlcourse.hw5.checker.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sandbox's mount namespace shows, read from the mount table it is given: a runtime
 * folder outside the system's folders is shown even below /tmp, and the grader's files below it
 * are hidden again.
 */
class NamespaceIsolationTest {
    @TempDir
    Path dir;

    @Test
    void aRuntimeBelowTmpIsShownOverTheEmptyTmpAndTheAnswersBesideItAreHidden() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "a sandbox user's folder is made by root");
        Path runtime = Files.createDirectories(dir.resolve("course/venv"));
        Path answers = Files.createDirectories(runtime.resolve("hidden-vectors"));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        SandboxUser.claim(scratch);
        NamespaceIsolation isolation = new NamespaceIsolation(new NamespaceIsolation.Programs(Path.of("/bin/sh"),
                Path.of("/usr/bin/unshare"), Path.of("/usr/bin/mount"), Path.of("/usr/bin/setpriv"),
                Path.of("/usr/bin/prlimit")), ProcessLimits.forBudget(Duration.ofSeconds(60)), List.of(answers));

        List<String> command = isolation.wrap(new Launch(List.of("python3"), List.of(runtime)), scratch);

        List<String> table = command.stream().filter(a -> a.startsWith("hw5-root ")).findFirst().orElseThrow()
                .lines().toList();
        Path root = scratch.resolve(".sandbox/root");
        int emptyTmp = indexOf(table, "hw5-tmp " + root.resolve("tmp") + " tmpfs ");
        int shown = indexOf(table, runtime + " " + root + runtime + " none rbind,ro");
        int hidden = indexOf(table, "hw5-hidden " + root + answers + " tmpfs ");
        assertTrue(emptyTmp >= 0 && shown > emptyTmp, () -> "the runtime is mounted over the empty /tmp:\n" + table);
        assertTrue(hidden > shown, () -> "the answers below the runtime are covered after it:\n" + table);
    }

    private static int indexOf(List<String> table, String start) {
        for (int i = 0; i < table.size(); i++) {
            if (table.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }
}
