package edu.mlcourse.hw5.grader.packaging;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorCase;
import edu.mlcourse.hw5.vectors.VectorSet;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Looks, in a jar, for any static method that computes a Q1 function correctly: every method of
 * the project's own classes whose parameter types are a Q1 function's is called on all the public
 * cases of that function, and named if it gets them all right. A decompiler would hand students
 * such a method, so shipped jars must have none.
 */
final class CorrectQ1Scan {
    private static int scanned;

    private CorrectQ1Scan() {
    }

    static int lastScanned() {
        return scanned;
    }

    /**
     * @param jar the jar whose classes are scanned
     * @param classPath more jars those classes may need to load
     */
    static List<String> correctMethods(Path jar, List<Path> classPath, Path publicVectors) throws IOException {
        VectorSet vectors = VectorSetReader.read(publicVectors);
        List<String> correct = new ArrayList<>();
        scanned = 0;
        try (JarFile file = new JarFile(jar.toFile());
             URLClassLoader loader = new URLClassLoader(urls(jar, classPath), null)) {
            for (var entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || !(name.startsWith("edu/mlcourse/") || name.startsWith("hw5/"))) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                } catch (ReflectiveOperationException | LinkageError e) {
                    continue;
                }
                for (Method method : declaredMethods(type)) {
                    for (Q1Function function : Q1Function.values()) {
                        if (Modifier.isStatic(method.getModifiers())
                                && Arrays.equals(method.getParameterTypes(), function.parameterTypes())) {
                            scanned++;
                            if (passesEveryCase(method, function, vectors)) {
                                correct.add(type.getName() + "." + method.getName() + " computes " + function.methodName());
                            }
                        }
                    }
                }
            }
        }
        return correct;
    }

    private static URL[] urls(Path jar, List<Path> classPath) throws IOException {
        List<URL> urls = new ArrayList<>(List.of(jar.toUri().toURL()));
        for (Path p : classPath) {
            urls.add(p.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    private static Method[] declaredMethods(Class<?> type) {
        try {
            return type.getDeclaredMethods();
        } catch (LinkageError e) {
            return new Method[0];
        }
    }

    private static boolean passesEveryCase(Method method, Q1Function function, VectorSet vectors) {
        try {
            method.setAccessible(true);
            for (VectorCase c : vectors.casesOf(function)) {
                // Copies: a scanned method may modify its arguments (the generator's helpers do), and must not
                // change the inputs the next method is checked on.
                Object[] args = function.params().stream().map(p -> copy(c.inputs().get(p.name()))).toArray();
                Object result = method.invoke(null, args);
                for (int i = 0; i < function.outputs().size(); i++) {
                    Object got = function.returnsLinearGrads() ? component(result, function.outputs().get(i).name()) : result;
                    if (!Tolerance.NUMPY_DEFAULT.allClose(c.expected().get(function.outputs().get(i).name()), got)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Object copy(Object value) {
        return value instanceof double[][] m ? Arrays.stream(m).map(double[]::clone).toArray(double[][]::new)
                : ((double[]) value).clone();
    }

    private static Object component(Object record, String name) throws ReflectiveOperationException {
        if (record == null || record.getClass().getRecordComponents() == null) {
            return null;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getAccessor().invoke(record);
            }
        }
        return null;
    }
}
