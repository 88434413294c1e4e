package edu.mlcourse.hw5.invocation;

import edu.mlcourse.hw5.contract.Param;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enforces "never modify an argument, always return new arrays": hands the function copies of the
 * caller's arguments and afterwards compares them with the caller's, which the function never
 * sees, naming the first entry it changed, or an argument it handed back as its own result.
 */
final class ArrayGuard {
    private final List<Param> params;
    private final Object[] given;
    private final Object[] pristine;

    ArrayGuard(List<Param> params, Object[] args) {
        this.params = params;
        this.given = new Object[args.length];
        // The caller's arrays stay out of the function's reach, so they are the pristine values.
        this.pristine = args.clone();
        for (int i = 0; i < args.length; i++) {
            given[i] = deepCopy(args[i]);
        }
    }

    /** Fresh copies for the student to receive; the caller's arrays are never handed out. */
    Object[] arguments() {
        return given;
    }

    List<String> violations(Object[] outputs, List<Param> outputParams) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < given.length; i++) {
            String change = firstChange(pristine[i], given[i], params.get(i).name());
            if (change != null) {
                problems.add("it modified its argument " + params.get(i).name() + ": " + change
                        + ". Functions must leave their arguments unchanged and return new arrays.");
            }
        }
        if (outputs != null) {
            Map<Object, String> argumentArrays = new IdentityHashMap<>();
            for (int i = 0; i < given.length; i++) {
                String name = params.get(i).name();
                argumentArrays.put(given[i], name);
                if (given[i] instanceof double[][] rows) {
                    for (int r = 0; r < rows.length; r++) {
                        argumentArrays.put(rows[r], name + "[" + r + "]");
                    }
                }
            }
            for (int o = 0; o < outputs.length; o++) {
                String alias = aliasOf(outputs[o], argumentArrays);
                if (alias != null) {
                    problems.add("it returned its argument " + alias + " as " + outputParams.get(o).name()
                            + " instead of a new array. Callers may change the result; allocate a new one.");
                }
            }
        }
        return problems;
    }

    private static String aliasOf(Object output, Map<Object, String> argumentArrays) {
        if (output == null) {
            return null;
        }
        if (argumentArrays.containsKey(output)) {
            return argumentArrays.get(output);
        }
        if (output instanceof double[][] rows) {
            for (double[] row : rows) {
                if (row != null && argumentArrays.containsKey(row)) {
                    return argumentArrays.get(row);
                }
            }
        }
        return null;
    }

    static Object deepCopy(Object value) {
        if (value instanceof double[] v) {
            return v.clone();
        }
        if (value instanceof double[][] m) {
            double[][] copy = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                copy[i] = m[i] == null ? null : m[i].clone();
            }
            return copy;
        }
        return value;
    }

    private static String firstChange(Object before, Object after, String name) {
        if (before instanceof double[] b) {
            return firstChange(b, (double[]) after, name);
        }
        double[][] b = (double[][]) before;
        double[][] a = (double[][]) after;
        for (int i = 0; i < b.length; i++) {
            if (a[i] != null && a[i].length == b[i].length) {
                String change = firstChange(b[i], a[i], name + "[" + i + "]");
                if (change != null) {
                    return change;
                }
            } else {
                return name + "[" + i + "] was replaced";
            }
        }
        return null;
    }

    private static String firstChange(double[] before, double[] after, String name) {
        for (int j = 0; j < before.length; j++) {
            if (Double.doubleToLongBits(before[j]) != Double.doubleToLongBits(after[j])) {
                return name + "[" + j + "] was " + before[j] + ", now " + after[j];
            }
        }
        return null;
    }
}
