package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.checker.sandbox.Q1Runner;
import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a backward function against central finite differences of the student's own forward
 * function, on fresh random inputs, for every coordinate of every input (x, w and b for linear).
 * See {@link GradientSettings} for the rule.
 */
final class GradientCheck {
    /** Shapes per trial: {N, D, M} for linear, {N, K} otherwise. */
    private static final int[][] LINEAR_SHAPES = {{3, 4, 5}, {2, 3, 2}, {4, 1, 3}, {1, 5, 4}};
    private static final int[][] OTHER_SHAPES = {{3, 4}, {2, 5}, {4, 3}, {1, 6}};

    private GradientCheck() {
    }

    /** The inputs of one trial, in the forward function's argument order, and the upstream gradient. */
    record Trial(int number, Q1Function forward, Object[] forwardArgs, double[][] dout) {
        /** The inputs' shapes, e.g. {@code x 3×4, w 4×5, b 5} or {@code x (3, 4), w (4, 5), b (5,)}. */
        String description(Dialect dialect) {
            StringBuilder text = new StringBuilder();
            for (int p = 0; p < forwardArgs.length; p++) {
                text.append(p == 0 ? "" : ", ").append(dialect.name(forward.params().get(p))).append(' ')
                        .append(dialect.shape(forwardArgs[p]));
            }
            return text.toString();
        }
    }

    static Trial trial(Q1Function backward, int number, GradientSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 31 + backward.ordinal() * 1009L + number);
        Q1Function forward = backward.forward().orElseThrow();
        if (forward == Q1Function.LINEAR_FORWARD) {
            int[] s = LINEAR_SHAPES[(number - 1) % LINEAR_SHAPES.length];
            Object[] args = {uniform(random, s[0], s[1]), uniform(random, s[1], s[2]), uniform(random, 1, s[2])[0]};
            return new Trial(number, forward, args, uniform(random, s[0], s[2]));
        }
        int[] s = OTHER_SHAPES[(number - 1) % OTHER_SHAPES.length];
        double[][] x = uniform(random, s[0], s[1]);
        if (forward == Q1Function.RELU_FORWARD) {
            // Far from the kink at 0 compared with the step, so every subgradient convention agrees.
            for (double[] row : x) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.copySign(0.05 + Math.abs(row[j]), row[j]);
                }
            }
        } else {
            for (double[] row : x) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 3;
                }
            }
        }
        return new Trial(number, forward, new Object[] {x}, uniform(random, s[0], s[1]));
    }

    static void run(Q1Runner runner, Q1Function backward, Trial trial, GradientSettings settings, Dialect dialect) {
        Q1Function forward = backward.forward().orElseThrow();
        String backwardName = dialect.name(backward);
        String forwardName = dialect.name(forward);
        String header = backwardName + " gradient check, trial " + trial.number() + " (" + trial.description(dialect)
                + ", random dout):";
        Object[] backwardArgs = new Object[trial.forwardArgs().length + 1];
        backwardArgs[0] = trial.dout();
        System.arraycopy(trial.forwardArgs(), 0, backwardArgs, 1, trial.forwardArgs().length);
        Outcome analyticOutcome = runner.call(backward, List.<Object[]>of(backwardArgs)).get(0);
        if (!(analyticOutcome instanceof Outcome.Returned analytic) || analytic.outputs() == null) {
            throw new CheckFailure(header + "\n  " + String.join("\n  ", Outcomes.describe(backward, analyticOutcome, dialect)));
        }

        // The unperturbed point first: with it, the second differences measure the forward's own precision.
        List<Object[]> perturbed = new ArrayList<>(List.<Object[]>of(trial.forwardArgs()));
        List<Coordinate> coordinates = new ArrayList<>();
        for (int p = 0; p < forward.params().size(); p++) {
            double[] flat = ArrayDiff.flatten(trial.forwardArgs()[p]);
            for (int c = 0; c < flat.length; c++) {
                coordinates.add(new Coordinate(p, c));
                perturbed.add(perturb(trial.forwardArgs(), p, c, settings.step()));
                perturbed.add(perturb(trial.forwardArgs(), p, c, -settings.step()));
            }
        }
        List<Outcome> evaluations = runner.call(forward, perturbed);
        double[] losses = new double[evaluations.size()];
        for (int i = 0; i < evaluations.size(); i++) {
            Outcome outcome = evaluations.get(i);
            double[][] out = outcome instanceof Outcome.Returned r && r.outputs() != null
                    && r.outputs()[0] instanceof double[][] m && Hints.isWellFormed(m) ? m : null;
            if (out == null || out.length != trial.dout().length || out[0].length != trial.dout()[0].length) {
                List<String> why = out == null ? Outcomes.describe(forward, outcome, dialect)
                        : List.of(forwardName + " returned shape " + dialect.shape(out) + ", expected "
                                + dialect.shape(trial.dout()));
                // The forward is the reference here: when it cannot serve, this check says nothing about the backward.
                throw new CheckInconclusive(header + "\n  The gradient is checked against your " + forwardName
                        + ", which failed during the check: " + String.join("\n  ", why) + "\n  Fix "
                        + forwardName + " first.");
            }
            losses[i] = dot(trial.dout(), out);
        }

        double center = losses[0];
        // For a double forward L(v + h) − 2L(v) + L(v − h) is h²·L'' plus rounding, 1e-12 or less on these
        // inputs; for a float forward it is rounding noise of about 1e-7·|L|, which the central difference
        // divides by 2h. The forward's precision is its own, so the largest over the coordinates measures it.
        double noise = 0;
        for (int k = 0; k < coordinates.size(); k++) {
            noise = Math.max(noise, Math.abs(losses[2 * k + 1] - 2 * center + losses[2 * k + 2]) / (2 * settings.step()));
        }
        int disagreements = 0;
        int unjudgeable = 0;
        Worst worst = null;
        for (int k = 0; k < coordinates.size(); k++) {
            Coordinate coordinate = coordinates.get(k);
            Param input = forward.params().get(coordinate.param());
            Param gradient = backward.outputs().get(coordinate.param());
            Object analyticValue = analytic.outputs()[coordinate.param()];
            if (shapeDiffers(analyticValue, trial.forwardArgs()[coordinate.param()])) {
                throw new CheckFailure(header + "\n  " + dialect.name(gradient) + " has shape "
                        + (analyticValue == null ? dialect.none() : dialect.shape(analyticValue)) + " but "
                        + dialect.name(input) + " is " + dialect.shape(trial.forwardArgs()[coordinate.param()])
                        + ": a gradient has the shape of its input.");
            }
            double a = ArrayDiff.flatten(analyticValue)[coordinate.index()];
            double n = (losses[2 * k + 1] - losses[2 * k + 2]) / (2 * settings.step());
            double allowed = settings.atol() + settings.rtol() * Math.abs(n);
            boolean ok = Math.abs(a - n) <= allowed;
            double relative = Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)), 1e-300);
            if (!ok && !Double.isNaN(a) && noise >= allowed) {
                unjudgeable++;
            } else if (!ok || Double.isNaN(a)) {
                disagreements++;
                if (worst == null || relative > worst.relative() || Double.isNaN(a)) {
                    int columns = trial.forwardArgs()[coordinate.param()] instanceof double[][] m ? m[0].length : 0;
                    worst = new Worst(dialect.name(gradient) + dialect.index(coordinate.index(), columns), a, n,
                            relative);
                }
            }
        }
        if (worst == null && unjudgeable > 0) {
            throw new CheckInconclusive(header + "\n  Your " + forwardName + " computes with about 7 significant digits ("
                    + dialect.singlePrecision() + "?): at step " + Numbers.format(settings.step()) + " its finite"
                    + " differences carry noise of up to " + Numbers.format(noise, 2) + ", as large as the allowed error"
                    + " of the " + unjudgeable + " coordinates that disagree, so the gradient check cannot judge "
                    + backwardName + "; its points follow its own cases. " + dialect.computeInDouble());
        }
        if (worst != null) {
            String[] shown = Numbers.distinct(worst.numerical(), worst.analytic());
            throw new CheckFailure(header + "\n  " + worst.where() + ": your " + backwardName + " gives "
                    + shown[1] + " but the central difference of your " + forwardName + " gives " + shown[0]
                    + " (relative error " + Numbers.format(worst.relative(), 2) + "; allowed |a − n| ≤ " + settings.atol()
                    + " + " + settings.rtol() + "·|n|). " + disagreements + " of " + coordinates.size()
                    + " coordinates disagree.\n  Your backward pass does not compute the gradient of your forward pass.");
        }
    }

    private record Coordinate(int param, int index) {
    }

    private record Worst(String where, double analytic, double numerical, double relative) {
    }

    private static boolean shapeDiffers(Object gradient, Object input) {
        if (gradient == null || !Hints.isWellFormed(gradient)) {
            return true;
        }
        if (input instanceof double[] v) {
            return ((double[]) gradient).length != v.length;
        }
        double[][] g = (double[][]) gradient;
        double[][] x = (double[][]) input;
        return g.length != x.length || g[0].length != x[0].length;
    }

    private static Object[] perturb(Object[] args, int param, int index, double delta) {
        Object[] copy = args.clone();
        if (args[param] instanceof double[] v) {
            double[] changed = v.clone();
            changed[index] += delta;
            copy[param] = changed;
        } else {
            double[][] m = (double[][]) args[param];
            double[][] changed = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                changed[i] = m[i].clone();
            }
            changed[index / m[0].length][index % m[0].length] += delta;
            copy[param] = changed;
        }
        return copy;
    }

    private static double dot(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += a[i][j] * b[i][j];
            }
        }
        return sum;
    }

    private static double[][] uniform(SplittableRandom random, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return m;
    }

}
