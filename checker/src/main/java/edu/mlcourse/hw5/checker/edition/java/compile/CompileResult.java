package edu.mlcourse.hw5.checker.edition.java.compile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What compiling a submission produced.
 *
 * @param classes binary class name to class file bytes (empty when compilation failed)
 * @param errors the compiler's errors; none when it succeeded
 * @param compiledFiles the source files javac read, relative to the submission
 * @param originalPackage the package the main file declared ("" for none) when it was compiled in another one
 */
public record CompileResult(Map<String, byte[]> classes, List<CompilerMessage> errors, List<String> compiledFiles,
                            Optional<String> originalPackage) {
    public boolean succeeded() {
        return errors.isEmpty();
    }
}
