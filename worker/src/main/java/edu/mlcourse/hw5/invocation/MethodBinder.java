package edu.mlcourse.hw5.invocation;

import edu.mlcourse.hw5.contract.Q1Function;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the method of {@code hw5.Q1} that implements a {@link Q1Function}, or explains, quoting
 * the expected signature, why it cannot be called: missing, misnamed ({@code linear_forward}),
 * not static, not public, wrong parameter or return types.
 */
final class MethodBinder {
    private MethodBinder() {
    }

    /** The bound method, or a student-facing reason in {@code problem}. */
    record Binding(Method method, String problem) {
        static Binding of(Method method) {
            return new Binding(method, null);
        }

        static Binding problem(String problem) {
            return new Binding(null, problem);
        }
    }

    static Binding bind(Class<?> q1, Q1Function function) {
        Method[] declared;
        try {
            declared = q1.getDeclaredMethods();
        } catch (LinkageError e) {
            return Binding.problem("hw5.Q1 refers to a class that does not exist (" + e + ").");
        }
        String expected = " Expected: " + function.signature();
        Optional<Method> exact = Arrays.stream(declared)
                .filter(m -> m.getName().equals(function.methodName()))
                .filter(m -> Arrays.equals(m.getParameterTypes(), function.parameterTypes()))
                .findFirst();
        if (exact.isPresent()) {
            Method m = exact.get();
            if (!Modifier.isStatic(m.getModifiers())) {
                return Binding.problem(function.methodName() + " is not static; declare it `public static`." + expected);
            }
            if (!Modifier.isPublic(m.getModifiers())) {
                return Binding.problem(function.methodName() + " is not public." + expected);
            }
            if (!m.getReturnType().getName().equals(returnTypeName(function))) {
                return Binding.problem(function.methodName() + " returns " + m.getReturnType().getSimpleName()
                        + "; it must return " + function.returnTypeName() + "." + expected);
            }
            m.setAccessible(true);
            return Binding.of(m);
        }
        Optional<Method> sameName = Arrays.stream(declared)
                .filter(m -> m.getName().equals(function.methodName())).findFirst();
        if (sameName.isPresent()) {
            return Binding.problem(function.methodName() + " has the wrong parameters: found "
                    + describe(sameName.get()) + "." + expected);
        }
        Optional<Method> similar = Arrays.stream(declared)
                .filter(m -> normalise(m.getName()).equals(normalise(function.methodName()))).findFirst();
        if (similar.isPresent()) {
            return Binding.problem("found " + describe(similar.get()) + " but the grader calls "
                    + function.methodName() + ": rename it, keeping the exact spelling and capitalisation." + expected);
        }
        return Binding.problem("hw5.Q1 has no method " + function.methodName() + "." + expected);
    }

    private static String returnTypeName(Q1Function function) {
        return function.returnsLinearGrads() ? Q1Function.LINEAR_GRADS_CLASS_NAME : double[][].class.getName();
    }

    private static String normalise(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String describe(Method m) {
        return Modifier.toString(m.getModifiers()) + " " + m.getReturnType().getSimpleName() + " " + m.getName()
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
