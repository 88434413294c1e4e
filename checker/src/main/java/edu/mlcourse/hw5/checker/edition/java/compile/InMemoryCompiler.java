package edu.mlcourse.hw5.checker.edition.java.compile;

import edu.mlcourse.hw5.EnvironmentException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a submission with {@code javax.tools}, in memory, against a fixed class path (the
 * official {@code hw5.LinearGrads}). Only the main file and what it uses are compiled: helper
 * sources are found on demand, so a broken Q2 or test file cannot fail Q1.
 */
public final class InMemoryCompiler {
    /** The Java the homework is written for: what student code may use, whatever JDK runs the grader. */
    static final int RELEASE = 17;
    private static final List<String> OPTIONS = options(Runtime.version().feature());

    /**
     * javac's options. On a JDK of the homework's release, its own classes are that release's API,
     * so {@code --release} is left out: it would read the same API again from {@code ct.sym}, which
     * costs a compile about 70 ms. On another JDK it keeps student code to the homework's release.
     */
    static List<String> options(int runningFeature) {
        List<String> options = new ArrayList<>(List.of("-proc:none", "-implicit:class", "-encoding", "UTF-8", "-g",
                "-Xlint:none", "-Xmaxerrs", "30", "-nowarn"));
        if (runningFeature != RELEASE) {
            options.addAll(0, List.of("--release", Integer.toString(RELEASE)));
        }
        return List.copyOf(options);
    }

    private final JavaCompiler javac;
    private final List<Path> classPath;

    /**
     * @param classPath jars and folders student code may use besides the JDK
     * @throws EnvironmentException when this Java has no compiler (a JRE instead of a JDK)
     */
    public InMemoryCompiler(List<Path> classPath) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new EnvironmentException("This Java runtime has no compiler (javax.tools); run the grader with a JDK 17,"
                    + " not a JRE (on Debian: apt-get install openjdk-17-jdk-headless).");
        }
        this.classPath = List.copyOf(classPath);
    }

    /**
     * @param mainFile the file to compile, e.g. Q1.java
     * @param sources every source the main file may use, the main file included
     * @param relative names a file as the student knows it, for messages
     */
    public CompileResult compile(Path mainFile, List<Path> sources, Function<Path, String> relative) {
        return compile(mainFile, Optional.empty(), sources, relative);
    }

    /**
     * Compiles the main file as the class {@code mainClass} (e.g. {@code hw5.Q1}) whatever its file name
     * and package line: a file named {@code Q1 (1).java}, or without {@code package hw5;}, is what the
     * student meant. The helpers that declared the main file's package move with it; {@link
     * CompileResult#originalPackage()} says where from.
     */
    public CompileResult compile(Path mainFile, String mainClass, List<Path> sources, Function<Path, String> relative) {
        return compile(mainFile, Optional.of(mainClass), sources, relative);
    }

    private CompileResult compile(Path mainFile, Optional<String> mainClass, List<Path> sources,
                                  Function<Path, String> relative) {
        List<SourceFile> files = new ArrayList<>();
        SourceFile main;
        try {
            main = new SourceFile(mainFile, relative.apply(mainFile));
            for (Path source : new LinkedHashSet<>(sources)) {
                if (!source.equals(mainFile)) {
                    files.add(new SourceFile(source, relative.apply(source)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a submitted source file", e);
        }
        Optional<String> originalPackage = Optional.empty();
        if (mainClass.isPresent()) {
            int dot = mainClass.get().lastIndexOf('.');
            String packageName = dot < 0 ? "" : mainClass.get().substring(0, dot);
            String from = main.packageName();
            if (!from.equals(packageName)) {
                originalPackage = Optional.of(from);
                Path folder = Path.of(main.relativePath()).getParent();
                files.replaceAll(f -> f.packageName().equals(from)
                        && Objects.equals(Path.of(f.relativePath()).getParent(), folder) ? f.as(packageName,
                        f.binaryName().substring(f.binaryName().lastIndexOf('.') + 1)) : f);
            }
            main = main.as(packageName, mainClass.get().substring(dot + 1));
        }
        files.add(0, main);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        try (SubmissionFileManager manager = new SubmissionFileManager(standard, files)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            StringWriter javacOutput = new StringWriter();
            boolean ok = javac.getTask(javacOutput, manager, diagnostics, OPTIONS, null, List.of(main)).call();
            List<CompilerMessage> errors = new ArrayList<>();
            Set<String> read = new LinkedHashSet<>();
            read.add(main.relativePath());
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(toMessage(d));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add(new CompilerMessage(main.relativePath(), 0, 0, "error", "compilation failed: "
                        + javacOutput.toString().strip(), ""));
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            if (ok) {
                for (ClassBytes output : manager.outputs()) {
                    classes.put(output.binaryName(), output.toByteArray());
                }
                for (SourceFile file : files) {
                    if (classes.containsKey(file.binaryName())) {
                        read.add(file.relativePath());
                    }
                }
            }
            return new CompileResult(classes, errors, List.copyOf(read), originalPackage);
        } catch (IOException e) {
            throw new UncheckedIOException("the in-memory compiler failed", e);
        }
    }

    private static CompilerMessage toMessage(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() instanceof SourceFile s ? s.relativePath()
                : d.getSource() == null ? "(compiler)" : d.getSource().getName();
        String line = d.getSource() instanceof SourceFile s ? s.line(d.getLineNumber()) : "";
        return new CompilerMessage(file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()),
                d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning", d.getMessage(Locale.ROOT), line);
    }
}
