package edu.mlcourse.hw5.grader.sandbox;

import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.corpus.CorpusEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A submission that is the reference solution except for the methods given, which misbehave. The
 * hostile methods may call {@code Q1Reference} (a copy of the reference) to return correct results,
 * so every other function, and the hostile one where it returns, still passes.
 */
final class HostileSubmission {
    private HostileSubmission() {
    }

    /**
     * @param folder an empty folder to write the submission in
     * @param members replacement methods of Q1 (with any static fields just before them)
     * @param extraSources further classes of package hw5, file name to source
     */
    static Path write(Path folder, String members, Map<String, String> extraSources) throws IOException {
        Path sources = Files.createDirectories(folder.resolve("extra-sources"));
        List<Path> extras = new ArrayList<>();
        for (Map.Entry<String, String> source : extraSources.entrySet()) {
            extras.add(Files.writeString(sources.resolve(source.getKey()), source.getValue()));
        }
        CorpusEntry entry = new CorpusEntry("hostile", "", Set.of(), List.of(), List.of(), Set.of(), members, extras);
        return entry.materialise(Repository.referenceQ1(), folder.resolve("submission"));
    }

    static Path write(Path folder, String members) throws IOException {
        return write(folder, members, Map.of());
    }

    /** The reference solution with {@code block} (a static initializer) as the first member of Q1. */
    static Path withStaticBlock(Path folder, String block) throws IOException {
        Path submission = write(folder, "");
        Path q1 = submission.resolve("Q1.java");
        String source = Files.readString(q1);
        String opening = "public final class Q1 {\n";
        if (!source.contains(opening)) {
            throw new IllegalStateException("the reference Q1 no longer opens with " + opening.strip());
        }
        Files.writeString(q1, source.replace(opening, opening + "    " + block.strip().replace("\n", "\n    ") + "\n"));
        return submission;
    }
}
