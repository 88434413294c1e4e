package edu.mlcourse.hw5.grader.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Python edition's template ({@code student-template-python}) states the contract the grader
 * relies on: each function with its exact {@code def} line, in the protocol's order, a docstring
 * holding the definition the feedback quotes ({@link Q1Function#formula()}), and the
 * {@code NotImplementedError("TODO: ...")} the grader recognises; its README has the Java one's sections.
 */
class PythonTemplateTest {
    private static final Path TEMPLATE = Repository.root().resolve("student-template-python");

    @Test
    void q1DeclaresEveryFunctionWithItsDefinitionAndATodo() throws IOException {
        String source = Files.readString(TEMPLATE.resolve("q1.py"));
        assertTrue(source.contains("PLEASE DO NOT MODIFY THE FUNCTION NAMES AND THE FILE NAMES OR THE AUTOGRADER WILL BREAK"));
        int previous = -1;
        for (Q1Function function : Q1Function.values()) {
            int start = source.indexOf("\n" + function.pythonDeclaration() + "\n");
            assertTrue(start > previous, function.pythonDeclaration() + ", after the previous function");
            int end = source.indexOf("\ndef ", start + 1);
            String body = source.substring(start, end < 0 ? source.length() : end);
            assertTrue(body.contains(function.formula()), function.pythonName() + "'s docstring holds " + function.formula());
            assertTrue(body.strip().endsWith("raise NotImplementedError(\"TODO: " + function.pythonName() + "\")"), body);
            previous = start;
        }
    }

    /** The same sections, and Q2's before Submitting: the Java edition keeps Q2 in README-Q2.md, beside its q2 project. */
    @Test
    void theReadmeHasTheJavaReadmesSectionsAndQ2s() throws IOException {
        List<String> java = new java.util.ArrayList<>(sections(Repository.root().resolve("student-template/README.md")));
        java.add(java.indexOf("## Submitting"), "## Q2: your own network in PyTorch");
        assertEquals(java, sections(TEMPLATE.resolve("README.md")));
    }

    private static List<String> sections(Path readme) throws IOException {
        return Files.readAllLines(readme).stream().filter(line -> line.startsWith("## ")).toList();
    }
}
