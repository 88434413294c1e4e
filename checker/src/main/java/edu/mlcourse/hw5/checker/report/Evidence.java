package edu.mlcourse.hw5.checker.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch compares between submissions to find pairs worth a second look, kept for the course
 * staff only (a batch writes it to {@code evidence.json} beside {@code results.json}; it is never
 * shown to students). Each part of the grading fills in its own fields; {@link #merge} joins them.
 *
 * @param wrongOutputs for each failed vector case whose wrong output no hint explains, keyed
 *     {@code function/set/case}, the {@code OutputDigest} of that output
 * @param sources for each graded source file by name ({@code Q1.java}, later {@code q1.py}), its
 *     fingerprint after removing comments and whitespace and renaming identifiers
 * @param predictions the held-out predictions that were scored, one class per image; null if none
 * @param modelFile SHA-256 of the bytes of {@code my_model.json}; null if it could not be read
 * @param modelWeights SHA-256 of the bits of its weights and biases, layer by layer; null likewise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Evidence(@JsonProperty("wrong_outputs") Map<String, String> wrongOutputs, Map<String, Source> sources,
                       int[] predictions, @JsonProperty("model_file") String modelFile,
                       @JsonProperty("model_weights") String modelWeights) {
    public static final Evidence NONE = new Evidence(Map.of(), Map.of(), null, null, null);

    /**
     * A source file reduced to its normalised tokens.
     *
     * @param sha256 of the normalised tokens
     * @param tokens how many there are; short files are not compared
     * @param parts the SHA-256 of each top-level part (a method, a function), normalised on its
     *     own, sorted: how common each part is in the class tells a copy from two students who
     *     both wrote the most common version of everything
     */
    public record Source(String sha256, int tokens, List<String> parts) {
        public Source {
            parts = parts == null ? List.of() : List.copyOf(parts);
        }
    }

    public Evidence {
        wrongOutputs = wrongOutputs == null ? Map.of() : Map.copyOf(wrongOutputs);
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    /** This evidence with the fields {@code other} has and this one lacks. */
    public Evidence merge(Evidence other) {
        Map<String, String> outputs = new TreeMap<>(wrongOutputs);
        outputs.putAll(other.wrongOutputs);
        Map<String, Source> fingerprints = new TreeMap<>(sources);
        fingerprints.putAll(other.sources);
        return new Evidence(outputs, fingerprints, predictions != null ? predictions : other.predictions,
                modelFile != null ? modelFile : other.modelFile, modelWeights != null ? modelWeights : other.modelWeights);
    }

    /** Collects a part's evidence as the part finds it. */
    public static final class Builder {
        private final Map<String, String> wrongOutputs = new TreeMap<>();
        private final Map<String, Source> sources = new TreeMap<>();
        private int[] predictions;
        private String modelFile;
        private String modelWeights;

        public Builder wrongOutputs(Map<String, String> digests) {
            wrongOutputs.putAll(digests);
            return this;
        }

        public Builder source(String fileName, Source fingerprint) {
            sources.put(fileName, fingerprint);
            return this;
        }

        public Builder predictions(int[] scored) {
            predictions = scored.clone();
            return this;
        }

        public Builder model(String fileDigest, String weightsDigest) {
            modelFile = fileDigest;
            modelWeights = weightsDigest;
            return this;
        }

        public Evidence build() {
            return new Evidence(wrongOutputs, sources, predictions, modelFile, modelWeights);
        }
    }

    /** Whether there is anything to compare. */
    public boolean isEmpty() {
        return wrongOutputs.isEmpty() && sources.isEmpty() && predictions == null && modelFile == null
                && modelWeights == null;
    }
}
