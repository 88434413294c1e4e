package edu.mlcourse.hw5.grader.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import edu.mlcourse.hw5.checker.report.GradedWith;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.vectors.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fingerprint of what grades a submission ({@link GradedWith.Fingerprint}): digests of its
 * files, of the rubric, of the vector and held-out manifests, and the grader's version and the
 * options that can change a score. Two grades with equal fingerprints give the same scores.
 */
public final class GradingInputs {
    private static final String MANIFEST = "manifest.json";

    private GradingInputs() {
    }

    /**
     * The inputs common to every submission of a batch; {@link GradedWith.Fingerprint#withSubmission}
     * adds each one's files.
     *
     * @param grader the grader's version ({@link GraderVersion#current()} outside tests)
     * @param sets the vector sets graded against, in {@code vectors}
     * @param options the options that can change a score, as one readable line
     */
    public static GradedWith.Fingerprint common(String grader, Rubric rubric, Path vectors, List<String> sets,
                                                Path heldout, String options) {
        return new GradedWith.Fingerprint(null, grader, rubric(rubric), vectors(vectors, sets), heldout(heldout), options);
    }

    /** What graded a submission just now: its inputs, this grader and this Java, and the time. */
    public static GradedWith gradedNow(GradedWith.Fingerprint fingerprint) {
        return new GradedWith(fingerprint, new GradedWith.Versions(fingerprint.grader(), Runtime.version().toString()),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * The digest of a submission's files: a zip's bytes, or each regular file below a folder (its
     * path relative to the folder and its content's SHA-256, in path order; hidden files and links
     * included as they are, never followed).
     */
    public static String submission(Path source) {
        try {
            if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                return Sha256.of(source);
            }
            TreeMap<String, String> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path file : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    files.put(source.relativize(file).toString().replace('\\', '/'), Sha256.of(file));
                }
            }
            MessageDigest digest = Sha256.newDigest();
            files.forEach((name, hash) -> digest.update((name + "\0" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
            return Sha256.hex(digest);
        } catch (IOException | UncheckedIOException e) {
            // Unreadable files: a digest no grade has, so the submission is graded (and its error told) again.
            return "unreadable: " + e.getMessage();
        }
    }

    /** The rubric's scoring sections, keys sorted; its similarity thresholds change no score. */
    static String rubric(Rubric rubric) {
        Rubric scoring = new Rubric(rubric.format(), rubric.q1(), rubric.heldout(), rubric.visibility(),
                rubric.editionOrDefault(), null);
        try {
            return Sha256.of(Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(scoring));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the rubric as JSON", e);
        }
    }

    /** Each set's name and its manifest's digest (the manifest holds each vector file's SHA-256). */
    static String vectors(Path folder, List<String> sets) {
        MessageDigest digest = Sha256.newDigest();
        sets.stream().sorted().distinct().forEach(set -> digest.update((set + "\0" + manifest(folder.resolve(set)) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return Sha256.hex(digest);
    }

    /** The held-out set's two manifests: its images and its labels. */
    static String heldout(Path folder) {
        MessageDigest digest = Sha256.newDigest();
        for (String part : List.of("public", "hidden")) {
            digest.update((part + "\0" + manifest(folder.resolve(part)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }

    private static String manifest(Path folder) {
        Path manifest = folder.resolve(MANIFEST);
        try {
            return Files.isRegularFile(manifest) ? Sha256.of(Files.readAllBytes(manifest)) : "none";
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
