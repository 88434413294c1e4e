package edu.mlcourse.hw5.grader.insights.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.corpus.CorpusEntry;
import edu.mlcourse.hw5.grader.insights.similarity.SourceTokens.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTokensTest {
    private static String fingerprint(String source, Language language) {
        return SourceTokens.fingerprint(SourceTokens.of(source, language));
    }

    @Test
    void javaWithoutCommentsWhitespaceOrNamesIsKeywordsLiteralsAndOperators() {
        assertEquals(List.of("static", "double", "v1", "(", "double", "v2", ")", "{", "return", "v2", "*", "0.5e-3",
                "+", "\"a // b\"", ";", "}"), SourceTokens.of("""
                /* half */ static double half(double x) { // a comment
                    return x * 0.5e-3 + "a // b";
                }""", Language.JAVA));
    }

    @Test
    void renamingReformattingAndRecommentingJavaKeepTheFingerprint() {
        String original = "int total(int[] values) { int sum = 0; for (int v : values) { sum += v; } return sum; }";
        String disguised = """
                // my own work
                int add_all(int[] xs)
                {
                \tint acc = 0; /* start */
                \tfor (int x : xs) { acc += x; }
                \treturn acc;
                }
                """;
        assertEquals(fingerprint(original, Language.JAVA), fingerprint(disguised, Language.JAVA));
        assertNotEquals(fingerprint(original, Language.JAVA), fingerprint(original.replace("sum = 0", "sum = 1"), Language.JAVA));
        assertNotEquals(fingerprint(original, Language.JAVA), fingerprint(original.replace("+=", "-="), Language.JAVA));
        // Consistent renaming only: using one name for two variables is another program.
        assertNotEquals(fingerprint(original, Language.JAVA), fingerprint(original.replace("for (int v : values) { sum += v",
                "for (int sum : values) { sum += sum"), Language.JAVA));
    }

    @Test
    void pythonDropsCommentsAndDocstringsButKeepsStringsAsTheyAre() {
        String original = """
                def relu_forward(x):
                    \"\"\"max(0, x), element-wise.\"\"\"
                    # numpy does it for us
                    return np.maximum(0, x)  # 'np' is numpy
                """;
        String disguised = """
                def my_relu(inputs):
                    return np.maximum(0, inputs)
                """;
        assertEquals(fingerprint(original, Language.PYTHON), fingerprint(disguised, Language.PYTHON));
        assertEquals(List.of("def", "v1", "(", "v2", ")", ":", "return", "f'{x}'"),
                SourceTokens.of("def f(x):\n    return f'{x}'\n", Language.PYTHON));
    }

    @Test
    void aJavaFileIsCutIntoItsMembersEachNormalisedOnItsOwn() {
        SourceTokens.Normalised file = SourceTokens.normalise("""
                package hw5;
                final class Q1 {
                    static int size = 3;
                    static int twice(int a) { if (a > 0) { return 2 * a; } return 0; }
                }""", Language.JAVA);
        assertEquals(List.of(List.of("package", "v1", ";", "final", "class", "v2", "{"),
                List.of("static", "int", "v1", "=", "3", ";"),
                List.of("static", "int", "v1", "(", "int", "v2", ")", "{", "if", "(", "v2", ">", "0", ")", "{", "return",
                        "2", "*", "v2", ";", "}", "return", "0", ";", "}"),
                List.of("}")), file.parts());
    }

    @Test
    void aPythonFileIsCutIntoItsTopLevelStatements() {
        SourceTokens.Normalised file = SourceTokens.normalise("""
                import numpy as np


                def relu_forward(x):
                    return np.maximum(x, 0.0)
                def relu_backward(dout, x):
                    return np.where(x > 0, dout, 0.0)
                """, Language.PYTHON);
        assertEquals(3, file.parts().size());
        // The same function in another file reads the same, whatever came before it.
        assertEquals(file.parts().get(1), SourceTokens.normalise("def f(a):\n    return np.maximum(a, 0.0)\n",
                Language.PYTHON).parts().get(0));
    }

    @Test
    void anythingAStudentHandsInIsTokenisedWithoutFailing() {
        for (String broken : List.of("\"unterminated", "/* never closed", "'''", "x = 1e", "0x1p-3", "\\", "r'\\'", "",
                "}}} {", "class A { void f() {")) {
            SourceTokens.normalise(broken, Language.JAVA);
            SourceTokens.normalise(broken, Language.PYTHON);
        }
    }

    @Test
    void theCorpusEntriesAndTheReferenceAllHaveDifferentFingerprints(@TempDir Path dir) throws IOException {
        Set<String> seen = new HashSet<>();
        seen.add(fingerprint(Files.readString(Repository.referenceQ1()), Language.JAVA));
        for (CorpusEntry entry : CorpusEntry.all(Path.of("src/test/resources/corpus"))) {
            Path q1 = entry.materialise(Repository.referenceQ1(), dir.resolve(entry.name())).resolve("Q1.java");
            assertEquals(true, seen.add(fingerprint(Files.readString(q1), Language.JAVA)), entry::name);
        }
    }
}
