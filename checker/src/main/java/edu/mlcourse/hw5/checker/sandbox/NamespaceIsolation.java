package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * For a grader that is root and may create namespaces (CI, a course server): the student JVM runs
 * as a sandbox user of its own, without network, and in a root folder built for it that holds only
 * the system folders the JVM needs ({@code /usr}, {@code /etc}, {@code /lib*}, {@code /bin},
 * {@code /sbin}, the Java installation), a few devices, a fresh {@code /proc} and {@code /tmp}, and
 * an empty working folder at the scratch folder's path with the scratch folder's files mounted in.
 * Everything else (the repository, {@code ~/.m2}, the grader's jar, the results folder) does not
 * exist for it, and {@code /usr/share/datasets} (Debian's Fashion-MNIST, test labels included) and
 * any given path below a system folder are covered. Its processes live in a process namespace of
 * their own: when the JVM, its first process, ends, the kernel ends every process it started.
 *
 * <p>The namespace is set up by {@code sh} as root inside {@code unshare}, with two {@code mount
 * --all} calls (process starts are slow on some machines, mounts are not), then {@code unshare
 * --root} enters the new root, and {@code prlimit} and {@code setpriv} drop to the sandbox user.
 */
final class NamespaceIsolation implements Isolation {
    static final Path DATASETS = Path.of("/usr/share/datasets");
    private static final List<String> SYSTEM_FOLDERS = List.of("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32",
            "/lib64", "/libx32");
    private static final List<String> DEVICES = List.of("/dev/null", "/dev/zero", "/dev/random", "/dev/urandom");
    private static final String SANDBOX_FOLDER = ".sandbox";
    /** Arguments: mount, table file, first table, second table, root, working folder, unshare, n, n files, command. */
    private static final String SCRIPT = """
            set -eu
            mount=$1; table=$2
            printf '%s' "$3" > "$table"; "$mount" --all --fstab "$table"
            second=$4; root=$5; wd=$6; unshare=$7; n=$8
            shift 8
            while [ "$n" -gt 0 ]; do : > "$1"; shift; n=$((n - 1)); done
            printf '%s' "$second" > "$table"; "$mount" --all --fstab "$table"
            exec "$unshare" --root="$root" --wd="$wd" -- "$@"
            """;

    /** Programs, found on the host. */
    record Programs(Path sh, Path unshare, Path mount, Path setpriv, Path prlimit) {
    }

    private final Programs programs;
    private final ProcessLimits limits;
    /** What the sandbox must not show, should it lie below a folder it shows: Fashion-MNIST and the grader's own files. */
    private final List<Path> covered;

    /** @param hidden further paths to cover should they lie below a folder the sandbox shows (the grader's own files) */
    NamespaceIsolation(Programs programs, ProcessLimits limits, List<Path> hidden) {
        this.programs = programs;
        this.limits = limits;
        List<Path> covered = new ArrayList<>();
        for (Path path : concat(List.of(DATASETS), hidden)) {
            Path real = Host.realPath(path.toAbsolutePath());
            if (Files.exists(real)) {
                covered.add(real);
            }
        }
        this.covered = List.copyOf(covered);
    }

    @Override
    public List<String> wrap(Launch launch, Path scratch) {
        List<Path> runtimes = launch.runtimeFolders().stream().flatMap(NamespaceIsolation::bothPaths).distinct().toList();
        int uid = SandboxUser.of(scratch);
        Path root = scratch.resolve(SANDBOX_FOLDER).resolve("root");
        MountTable first = new MountTable().tmpfs("hw5-root", root, "mode=0755,size=1m,nosuid,nodev");
        for (String folder : SYSTEM_FOLDERS) {
            if (Files.isDirectory(Path.of(folder))) {
                first.bind(Path.of(folder), inside(root, Path.of(folder)), "rbind,ro,X-mount.mkdir");
            }
        }
        first.tmpfs("hw5-dev", root.resolve("dev"), "mode=0755,size=64k,nosuid,noexec,X-mount.mkdir")
                .add("proc", root.resolve("proc"), "proc", "nosuid,nodev,noexec,X-mount.mkdir")
                .tmpfs("hw5-tmp", root.resolve("tmp"), "mode=1777,size=16m,nosuid,nodev,X-mount.mkdir");
        // After the empty /tmp: a runtime may live below it (a virtual environment made there).
        for (Path runtime : runtimes) {
            if (!underSystemFolder(runtime) && Files.isDirectory(runtime)) {
                first.bind(runtime, inside(root, runtime), "rbind,ro,X-mount.mkdir");
            }
        }
        // A covered path below a folder shown is hidden again (the answers beside a runtime that
        // lives in the course's folder); one that holds a runtime (a Java installation below a
        // hidden folder) stays visible.
        List<Path> shown = runtimes.stream().filter(r -> !underSystemFolder(r) && Files.isDirectory(r)).toList();
        for (Path path : covered.stream().filter(c -> underSystemFolder(c) || shown.stream().anyMatch(c::startsWith))
                .filter(c -> runtimes.stream().noneMatch(r -> r.startsWith(c))).toList()) {
            if (Files.isDirectory(path)) {
                first.tmpfs("hw5-hidden", inside(root, path), "mode=0755,size=4k,ro");
            } else {
                first.bind(Path.of("/dev/null"), inside(root, path), "bind,ro");
            }
        }
        first.tmpfs("hw5-scratch", inside(root, scratch), "mode=1770,uid=0,gid=" + uid + ",size=64m,nosuid,nodev,X-mount.mkdir");
        MountTable second = new MountTable();
        List<String> mountPoints = new ArrayList<>();
        for (String device : DEVICES) {
            second.bind(Path.of(device), inside(root, Path.of(device)), "bind");
            mountPoints.add(inside(root, Path.of(device)).toString());
        }
        for (Path file : scratchFiles(scratch)) {
            second.bind(file, inside(root, file), "bind,ro");
            mountPoints.add(inside(root, file).toString());
        }
        List<String> command = new ArrayList<>(List.of(programs.unshare().toString(), "--mount", "--net", "--pid",
                "--ipc", "--fork", "--kill-child", "--", programs.sh().toString(), "-c", SCRIPT, "hw5-sandbox",
                programs.mount().toString(), scratch.resolve(SANDBOX_FOLDER).resolve("mounts").toString(), first.text(),
                second.text(), root.toString(), scratch.toString(), programs.unshare().toString(),
                String.valueOf(mountPoints.size())));
        command.addAll(mountPoints);
        command.addAll(limits.prlimit(programs.prlimit()));
        command.addAll(UserIsolation.dropRoot(programs.setpriv(), uid));
        command.addAll(launch.command());
        return command;
    }

    @Override
    public List<String> protections() {
        return List.of("as an unprivileged user of its own (not root), without supplementary groups or new privileges",
                "without network (a network namespace of its own)",
                "seeing only its runtime (Java or Python), the system's programs and libraries, and an empty working folder"
                        + " (a mount namespace of its own)",
                "every process it started ended with it (a process namespace of its own)", limits.describe());
    }

    @Override
    public void prepareScratch(Path scratch) throws IOException {
        SandboxUser.claim(scratch);
        Files.createDirectories(scratch.resolve(SANDBOX_FOLDER).resolve("root"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @Override
    public void endProcesses(Path scratch) {
        SandboxUser.endProcesses(SandboxUser.of(scratch));
    }

    /** The scratch folder's files (the runtime jar, the socket): all the student JVM is shown of it. */
    private static List<Path> scratchFiles(Path scratch) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(scratch)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".") && !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isSymbolicLink(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scratch folder " + scratch, e);
        }
        files.sort(null);
        return files;
    }

    private static Path inside(Path root, Path absolute) {
        return root.resolve(absolute.toString().substring(1));
    }

    private static boolean underSystemFolder(Path path) {
        return SYSTEM_FOLDERS.stream().anyMatch(folder -> path.startsWith(folder) && !path.equals(Path.of(folder)));
    }

    /**
     * A runtime folder where its programs name it (a virtual environment's {@code bin/python3} names
     * its folder as it was given) and, where links lead elsewhere, where it really is.
     */
    private static Stream<Path> bothPaths(Path folder) {
        return Stream.of(folder.toAbsolutePath().normalize(), Host.realPath(folder.toAbsolutePath()));
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
