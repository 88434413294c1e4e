package edu.mlcourse.hw5.cli;

import edu.mlcourse.hw5.files.Folders;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --check} of the commands that generate committed files (test vectors, the held-out
 * set): generate afresh into a temporary folder, compare byte for byte with the committed files,
 * list those that are missing or differ, and say how to regenerate them.
 */
public final class RegenerationCheck {
    /** Writes the files to check into an empty folder. */
    @FunctionalInterface
    public interface Generator {
        void writeInto(Path folder) throws IOException;
    }

    private RegenerationCheck() {
    }

    /**
     * @param committed the folder checked
     * @param files the files to compare, relative to both folders
     * @param regenerate the command that rewrites {@code committed}, for the message
     * @return {@link ExitCode#OK}, or {@link ExitCode#DIFFERENCES} after listing them on {@code err}
     */
    public static ExitCode run(Generator generator, Path committed, List<String> files, String regenerate,
                               PrintWriter out, PrintWriter err) throws IOException {
        Path fresh = Files.createTempDirectory("hw5-check-");
        List<Path> differing;
        try {
            generator.writeInto(fresh);
            differing = differing(fresh, committed, files);
        } finally {
            Folders.deleteTree(fresh);
        }
        if (differing.isEmpty()) {
            out.printf("OK: %s matches a fresh generation byte for byte.%n", committed);
            out.flush();
            return ExitCode.OK;
        }
        differing.forEach(file -> err.println("differs: " + file));
        err.printf("%d file(s) in %s are missing or differ from a fresh generation; run `%s` to regenerate them.%n",
                differing.size(), committed, regenerate);
        err.flush();
        return ExitCode.DIFFERENCES;
    }

    /** The files of {@code committed} (of those named) that are missing or differ from {@code fresh}'s. */
    static List<Path> differing(Path fresh, Path committed, List<String> relativePaths) throws IOException {
        List<Path> differing = new ArrayList<>();
        for (String relative : relativePaths) {
            Path existing = committed.resolve(relative);
            if (!Files.isRegularFile(existing) || Files.mismatch(fresh.resolve(relative), existing) != -1) {
                differing.add(existing);
            }
        }
        return differing;
    }
}
