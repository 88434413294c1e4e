package edu.mlcourse.hw5.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the submissions of a batch: each sub-folder or {@code .zip} file of the folder is one.
 * Hidden entries ({@code .DS_Store}, {@code .git}) are ignored; anything else is skipped with a
 * reason, never guessed at.
 */
public final class SubmissionScan {
    /** What was found, sorted by id, and what was skipped, with why. */
    public record Found(List<BatchSubmission> submissions, List<String> skipped) {
        public Found {
            submissions = List.copyOf(submissions);
            skipped = List.copyOf(skipped);
        }
    }

    private static final String ZIP = ".zip";

    private SubmissionScan() {
    }

    /**
     * @param folder the batch folder
     * @param out the output folder; the entry holding it, when it lies inside {@code folder}, is skipped
     * @param reserved ids that would clash with the batch's own files in {@code out}
     */
    public static Found scan(Path folder, Path out, Set<String> reserved) throws IOException {
        Path outFolder = out.toAbsolutePath().normalize();
        Map<String, List<Path>> byId = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || outFolder.startsWith(entry.toAbsolutePath().normalize())) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    byId.computeIfAbsent(name, id -> new ArrayList<>()).add(entry);
                } else if (Files.isRegularFile(entry) && name.toLowerCase(Locale.ROOT).endsWith(ZIP)) {
                    byId.computeIfAbsent(name.substring(0, name.length() - ZIP.length()), id -> new ArrayList<>()).add(entry);
                } else {
                    skipped.add(name + ": neither a folder nor a .zip file, so not a submission; skipped.");
                }
            }
        }
        List<BatchSubmission> submissions = new ArrayList<>();
        for (Map.Entry<String, List<Path>> id : byId.entrySet()) {
            List<Path> sources = id.getValue();
            if (sources.size() > 1) {
                // Grading either one would silently drop the other: the instructor decides.
                skipped.add(sources.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" and "))
                        + " are both the submission \"" + id.getKey() + "\"; neither was graded. Keep one of them.");
            } else if (reserved.contains(id.getKey())) {
                skipped.add(sources.get(0).getFileName() + ": its id \"" + id.getKey() + "\" is the name of a file the"
                        + " batch writes; skipped. Rename it.");
            } else {
                submissions.add(new BatchSubmission(id.getKey(), sources.get(0)));
            }
        }
        return new Found(submissions, skipped);
    }
}
