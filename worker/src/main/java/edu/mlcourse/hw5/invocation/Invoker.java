package edu.mlcourse.hw5.invocation;

import edu.mlcourse.hw5.contract.Q1Function;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Calls the student's Q1 methods by reflection and turns whatever happens into an {@link Outcome}.
 * Used inside the sandboxed student JVM and, for the students' own {@code mvn test}, in-process.
 *
 * <pre>{@code
 * Invoker q1 = Invoker.bind(Class.forName("hw5.Q1"), name -> name.startsWith("hw5."));
 * Outcome out = q1.invoke(Q1Function.RELU_FORWARD, new Object[] {new double[][] {{-1, 2}}});
 * }</pre>
 */
public final class Invoker {
    private final Map<Q1Function, MethodBinder.Binding> bindings;
    private final Predicate<String> isStudentClass;

    private Invoker(Map<Q1Function, MethodBinder.Binding> bindings, Predicate<String> isStudentClass) {
        this.bindings = bindings;
        this.isStudentClass = isStudentClass;
    }

    /**
     * Binds every function of the contract; missing or malformed methods are remembered and
     * reported by {@link #problem} and {@link #invoke}, never thrown.
     *
     * @param q1 the student's {@code hw5.Q1}
     * @param isStudentClass tells the student's classes from the library's, to trim stack traces
     */
    public static Invoker bind(Class<?> q1, Predicate<String> isStudentClass) {
        Map<Q1Function, MethodBinder.Binding> bindings = new EnumMap<>(Q1Function.class);
        for (Q1Function function : Q1Function.values()) {
            bindings.put(function, MethodBinder.bind(q1, function));
        }
        return new Invoker(bindings, isStudentClass);
    }

    /** Why {@code function} cannot be called, if it cannot. */
    public Optional<String> problem(Q1Function function) {
        return Optional.ofNullable(bindings.get(function).problem());
    }

    /** Calls {@code function} with copies of {@code args}; never throws for anything the student does. */
    public Outcome invoke(Q1Function function, Object[] args) {
        MethodBinder.Binding binding = bindings.get(function);
        if (binding.problem() != null) {
            return new Outcome.Unavailable(binding.problem());
        }
        ArrayGuard guard = new ArrayGuard(function.params(), args);
        Object result;
        try {
            result = binding.method().invoke(null, guard.arguments());
        } catch (InvocationTargetException e) {
            return threw(e.getCause() == null ? e : e.getCause(), isStudentClass);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            return new Outcome.Unavailable("could not call " + function.methodName() + ": " + e);
        } catch (ExceptionInInitializerError e) {
            return threw(e.getCause() == null ? e : e.getCause(), isStudentClass);
        }
        Object[] outputs = outputs(function, result);
        return new Outcome.Returned(outputs, guard.violations(outputs, function.outputs()));
    }

    /** The outcome of an exception thrown by student code, its trace trimmed to their frames. */
    public static Outcome.Threw threw(Throwable thrown, Predicate<String> isStudentClass) {
        boolean fatal = thrown instanceof VirtualMachineError;
        return new Outcome.Threw(thrown.getClass().getName(), safeMessage(thrown),
                StackTrim.studentFrames(thrown, isStudentClass), fatal);
    }

    private static String safeMessage(Throwable thrown) {
        try {
            return thrown.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            // A student's exception class may override getMessage badly.
            return "(its getMessage() threw " + e.getClass().getSimpleName() + ")";
        }
    }

    private static Object[] outputs(Q1Function function, Object result) {
        if (result == null) {
            return null;
        }
        if (!function.returnsLinearGrads()) {
            return new Object[] {result};
        }
        // Read the record by its components rather than its class, so a LinearGrads from another
        // class loader is read the same way.
        RecordComponent[] components = result.getClass().getRecordComponents();
        Object[] outputs = new Object[function.outputs().size()];
        for (int i = 0; i < outputs.length; i++) {
            String name = function.outputs().get(i).name();
            for (RecordComponent component : components == null ? new RecordComponent[0] : components) {
                if (component.getName().equals(name)) {
                    outputs[i] = read(component.getAccessor(), result);
                }
            }
        }
        return outputs;
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
