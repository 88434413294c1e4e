package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.protocol.Codec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which input convention a Python model was trained with, told from the student's own
 * predictions alone: the convention whose labels agree best with {@code predictions.npy}. The
 * held-out labels never choose it; without a predictions file, the first convention the model runs
 * with is taken.
 *
 * @param chosen the convention scored
 * @param agreement its agreement with the predictions in percent, if there are predictions
 * @param runnersUp up to two other conventions with other labels, best first, and their agreement
 */
public record ConventionChoice(Codec.ConventionResult chosen, Optional<Double> agreement, List<RunnerUp> runnersUp) {

    /** A convention not chosen, and how often its labels agree with the predictions. */
    public record RunnerUp(String convention, double agreement) {
    }

    /** The choice among the conventions that ran; empty when none ran. */
    public static Optional<ConventionChoice> of(List<Codec.ConventionResult> results, Optional<int[]> predictions) {
        List<Codec.ConventionResult> ran = results.stream().filter(r -> r.labels() != null).toList();
        if (ran.isEmpty()) {
            return Optional.empty();
        }
        if (predictions.isEmpty()) {
            return Optional.of(new ConventionChoice(ran.get(0), Optional.empty(), List.of()));
        }
        int[] theirs = predictions.get();
        // On ties the first wins: the conventions come in the worker's order, the likeliest first.
        Codec.ConventionResult chosen = ran.stream().max(Comparator.comparingDouble(r -> agreement(r.labels(), theirs)))
                .orElseThrow();
        // Not those that give the chosen labels exactly: a model that flattens its input takes both shapes.
        List<RunnerUp> others = ran.stream().filter(r -> !Arrays.equals(r.labels(), chosen.labels()))
                .map(r -> new RunnerUp(r.convention(), agreement(r.labels(), theirs)))
                .sorted(Comparator.comparingDouble(RunnerUp::agreement).reversed()).limit(2).toList();
        return Optional.of(new ConventionChoice(chosen, Optional.of(agreement(chosen.labels(), theirs)), others));
    }

    /**
     * The other conventions, when they help the student: only if the chosen one disagrees with the
     * predictions on more than 1% of the images. A model that matches its predictions needs no list.
     */
    public List<RunnerUp> worthShowing() {
        // Below the agreement that verifies Q2 the predictions may come from another model, or the model
        // from another input than any tried: then the others help.
        return agreement.map(a -> a < HeldOutScore.AGREEMENT_NEEDED).orElse(false) ? runnersUp : List.of();
    }

    /** How often two label arrays of one length agree, in percent. */
    public static double agreement(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " labels against " + b.length);
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return a.length == 0 ? 100 : 100.0 * same / a.length;
    }
}
