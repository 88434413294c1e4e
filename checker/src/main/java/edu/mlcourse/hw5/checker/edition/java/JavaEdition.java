package edu.mlcourse.hw5.checker.edition.java;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.checks.Dialect;
import edu.mlcourse.hw5.checker.edition.Q1Edition;
import edu.mlcourse.hw5.checker.edition.java.compile.CompileResult;
import edu.mlcourse.hw5.checker.edition.java.compile.CompilerMessage;
import edu.mlcourse.hw5.checker.edition.java.compile.InMemoryCompiler;
import edu.mlcourse.hw5.checker.sandbox.WorkerProgram;
import edu.mlcourse.hw5.checker.submission.FileLookup;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.model.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Java edition: {@code Q1.java} compiled in memory (with the helpers it uses) against the
 * official {@code hw5.LinearGrads}, run in the student JVM.
 */
public final class JavaEdition implements Q1Edition {
    private final InMemoryCompiler compiler = new InMemoryCompiler(List.of(JavaWorker.contractLocation()));
    private final JavaWorker worker = new JavaWorker();

    @Override
    public String name() {
        return "Java";
    }

    @Override
    public String rubricName() {
        return "java";
    }

    @Override
    public String modelFile() {
        return ModelFile.FILE_NAME;
    }

    @Override
    public String howToSubmitModel() {
        return "submit the my_model.json that Q2's given ModelExport wrote from the same model as predictions.npy";
    }

    @Override
    public FileLookup q1(Submission submission) {
        return submission.q1();
    }

    @Override
    public Dialect dialect() {
        return JavaDialect.INSTANCE;
    }

    @Override
    public Prepared prepare(Submission submission, Path q1) {
        CompileResult compiled = compiler.compile(q1, Q1Function.CLASS_NAME, submission.javaSources(), submission::relative);
        Optional<String> packageNote = compiled.originalPackage().map(from -> packageNote(submission.relative(q1), from));
        if (!compiled.succeeded()) {
            return Prepared.zero("Q1 does not compile, so every Q1 check scores zero. The compiler says:\n\n"
                    + compiled.errors().stream().map(CompilerMessage::render).collect(Collectors.joining("\n\n"))
                    + packageNote.map(note -> "\n\n" + note).orElse(""));
        }
        if (!compiled.classes().containsKey(Q1Function.CLASS_NAME)) {
            String found = compiled.classes().containsKey("Q1")
                    ? submission.relative(q1) + " declares no package: its first line must be `package hw5;`."
                    : submission.relative(q1) + " does not declare `public final class Q1` in package hw5.";
            return Prepared.zero(found + " The grader loads the class hw5.Q1; Q1 scores zero.");
        }
        List<String> notes = new ArrayList<>();
        packageNote.ifPresent(notes::add);
        notes.add("Q1 compiled: " + String.join(", ", compiled.compiledFiles()) + ".");
        submission.linearGradsCopy().flatMap(copy -> differsFromOfficial(copy, submission)).ifPresent(notes::add);
        return new Prepared(compiled.classes(), notes, Optional.empty());
    }

    @Override
    public Optional<WorkerProgram> worker() {
        return Optional.of(worker);
    }

    @Override
    public void warmUp() {
        InBackground.run(JavaWorker::runtimeJar);
    }

    @Override
    public String unavailable() {
        return "";
    }

    /** What was done about a missing or different package line, and what to do next time. */
    static String packageNote(String file, String declared) {
        String found = declared.isEmpty() ? file + " has no `package hw5;` line"
                : file + " declares `package " + declared + ";` instead of `package hw5;`";
        return found + ": it was graded as if it declared `package hw5;` (the package of LinearGrads and of the"
                + " class hw5.Q1 the grader loads). Put `package hw5;` as its first line next time: `mvn test` and"
                + " other graders need it.";
    }

    private static Optional<String> differsFromOfficial(Path copy, Submission submission) {
        try (InputStream official = JavaEdition.class.getResourceAsStream("/hw5/LinearGrads.java")) {
            String theirs = normalise(Files.readString(copy, StandardCharsets.UTF_8));
            String ours = normalise(new String(official.readAllBytes(), StandardCharsets.UTF_8));
            return theirs.equals(ours) ? Optional.empty() : Optional.of(submission.relative(copy)
                    + " differs from the official LinearGrads; it was ignored and the official one used.");
        } catch (IOException | RuntimeException e) {
            return Optional.of(submission.relative(copy) + " was ignored; the grader uses the official LinearGrads.");
        }
    }

    /** Code without comments and white space, so reformatting alone is not a difference. */
    private static String normalise(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "").replaceAll("\\s+", "");
    }
}
