package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.files.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The unprivileged user one submission's code runs as: a user id of its own, unknown to the
 * system, so that every process it started can be found and ended (even one that left the student
 * JVM's process tree) and its process limit counts only its own processes. The scratch folder's
 * group records the id, so the id travels with the folder. Linux only.
 */
final class SandboxUser {
    /** Ids handed out: above the ordinary users, below 65534 (nobody) and the 16-bit limit of some containers. */
    static final int FIRST = 60_200;
    static final int COUNT = 500;
    private static final List<Path> SHARED_FOLDERS = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));
    private static final long END_WAIT_NANOS = 5_000_000_000L;
    /** A random start makes two graders on one machine unlikely to pick the same ids. */
    private static final AtomicInteger NEXT = new AtomicInteger(new SplittableRandom().nextInt(COUNT));

    private SandboxUser() {
    }

    /**
     * Gives {@code scratch} to a fresh sandbox user: owner root, group the user, mode 1770, so the
     * user may create files there but not remove the grader's (the socket, the runtime jar).
     */
    static int claim(Path scratch) throws IOException {
        int uid = allocate();
        Files.setAttribute(scratch, "unix:gid", uid);
        // unix:mode, since PosixFilePermission has no sticky bit.
        Files.setAttribute(scratch, "unix:mode", 01770);
        return uid;
    }

    /** The sandbox user of a folder given by {@link #claim}. */
    static int of(Path scratch) {
        int gid;
        try {
            gid = (Integer) Files.getAttribute(scratch, "unix:gid");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the owner of the scratch folder " + scratch, e);
        }
        if (gid < FIRST || gid >= FIRST + COUNT) {
            throw new IllegalStateException("the scratch folder " + scratch + " was not prepared for a sandbox user"
                    + " (its group is " + gid + ")");
        }
        return gid;
    }

    private static int allocate() {
        Set<Integer> known = knownIds();
        Set<Integer> running = runningIds();
        for (int attempt = 0; attempt < COUNT; attempt++) {
            int uid = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            if (!known.contains(uid) && !running.contains(uid)) {
                return uid;
            }
        }
        throw new IllegalStateException("every sandbox user id " + FIRST + ".." + (FIRST + COUNT - 1) + " is in use");
    }

    /** Ids named in /etc/passwd or /etc/group: real accounts are never borrowed. */
    private static Set<Integer> knownIds() {
        Set<Integer> ids = new HashSet<>();
        for (String file : List.of("/etc/passwd", "/etc/group")) {
            try (Stream<String> lines = Files.lines(Path.of(file))) {
                lines.map(l -> l.split(":")).filter(f -> f.length > 2 && f[2].matches("\\d{1,9}"))
                        .forEach(f -> ids.add(Integer.parseInt(f[2])));
            } catch (IOException | UncheckedIOException e) {
                // No such file: no names to avoid.
            }
        }
        return ids;
    }

    private static Set<Integer> runningIds() {
        Set<Integer> ids = new HashSet<>();
        forEachProcess((pid, uid) -> ids.add(uid));
        return ids;
    }

    /**
     * Kills every live process of {@code uid} until none is left. Killed processes cannot fork,
     * so each round leaves fewer; the process limit bounds the first.
     */
    static void endProcesses(int uid) {
        long deadline = System.nanoTime() + END_WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            List<Long> alive = new ArrayList<>();
            forEachProcess((pid, owner) -> {
                if (owner == uid) {
                    alive.add(pid);
                }
            });
            if (alive.isEmpty()) {
                return;
            }
            alive.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            sleep(5);
        }
    }

    /** Removes what {@code uid} left in the folders every user may write to (/tmp, /var/tmp, /dev/shm). */
    static void removeLeftovers(int uid) {
        for (Path folder : SHARED_FOLDERS) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (ownerOf(entry) == uid) {
                        Folders.deleteTree(entry);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // A folder this machine lacks, or an entry gone meanwhile: nothing to remove.
            }
        }
    }

    private static int ownerOf(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private interface ProcessVisitor {
        void visit(long pid, int uid);
    }

    /** Every process that is not a zombie, with its real user id, read from /proc. */
    private static void forEachProcess(ProcessVisitor visitor) {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                int uid = -1;
                boolean zombie = false;
                try {
                    for (String line : Files.readAllLines(proc.resolve("status"))) {
                        if (line.startsWith("State:")) {
                            zombie = line.contains("Z (zombie)") || line.contains("X (dead)");
                        } else if (line.startsWith("Uid:")) {
                            uid = Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
                            break;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    continue;
                }
                if (uid >= 0 && !zombie) {
                    visitor.visit(Long.parseLong(proc.getFileName().toString()), uid);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the processes in /proc", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
