package edu.mlcourse.hw5.checker.edition.java.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.edition.java.JavaWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryCompilerTest {
    private final InMemoryCompiler compiler = new InMemoryCompiler(List.of(JavaWorker.contractLocation()));

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void compilesQ1WithTheHelpersItUsesAndNothingElse() throws IOException {
        Path q1 = write("Q1.java", "package hw5;\npublic final class Q1 {\n  public static LinearGrads g() { return Helper.grads(); }\n}\n");
        Path helper = write("Helper.java", "package hw5;\nfinal class Helper {\n  static LinearGrads grads() { return null; }\n}\n");
        Path broken = write("Q2.java", "package hw5;\nclass Q2 { this is not java }\n");
        CompileResult result = compiler.compile(q1, List.of(q1, helper, broken), p -> dir.relativize(p).toString());
        assertTrue(result.succeeded(), () -> result.errors().toString());
        assertTrue(result.classes().containsKey("hw5.Q1"));
        assertTrue(result.classes().containsKey("hw5.Helper"));
        assertFalse(result.classes().containsKey("hw5.Q2"));
        assertFalse(result.classes().containsKey("hw5.LinearGrads"), "LinearGrads comes from the official contract");
        assertEquals(List.of("Q1.java", "Helper.java"), result.compiledFiles());
    }

    @Test
    void studentCodeIsHeldToJava17OnAnyJdk() throws IOException {
        Path q1 = write("Q1.java", "package hw5;\npublic final class Q1 {\n  static int n() { return 1; }\n}\n");
        CompileResult result = compiler.compile(q1, List.of(q1), p -> dir.relativize(p).toString());
        assertTrue(result.succeeded(), () -> result.errors().toString());
        byte[] bytes = result.classes().get("hw5.Q1");
        assertEquals(61, ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff), "a Java 17 class file (major version 61)");
        // On JDK 17 its own API is Java 17's; on a later JDK, --release 17 holds the code to it.
        assertFalse(InMemoryCompiler.options(17).contains("--release"));
        List<String> later = InMemoryCompiler.options(25);
        assertEquals("17", later.get(later.indexOf("--release") + 1));
    }

    @Test
    void aQ1WithoutItsPackageLineUnderABrowsersNameIsCompiledAsHw5Q1WithItsHelpers() throws IOException {
        Path q1 = write("Q1 (1).java", "\uFEFFimport java.util.Arrays; // no package line\npublic final class Q1 {\n"
                + "  public static LinearGrads g() { return Helper.grads(); }\n}\n");
        Path helper = write("Helper.java", "final class Helper {\n  static LinearGrads grads() { return null; }\n}\n");
        CompileResult result = compiler.compile(q1, "hw5.Q1", List.of(q1, helper), p -> dir.relativize(p).toString());
        assertTrue(result.succeeded(), () -> result.errors().toString());
        assertTrue(result.classes().containsKey("hw5.Q1"));
        assertTrue(result.classes().containsKey("hw5.Helper"));
        assertEquals(java.util.Optional.of(""), result.originalPackage());
    }

    @Test
    void aQ1InAnotherPackageIsMovedToHw5AndErrorsKeepTheirLineNumbers() throws IOException {
        Path q1 = write("Q1.java", "/* package old; */ package com.example.hw;\n\npublic final class Q1 {\n  int x = y;\n}\n");
        CompileResult result = compiler.compile(q1, "hw5.Q1", List.of(q1), p -> dir.relativize(p).toString());
        assertEquals(java.util.Optional.of("com.example.hw"), result.originalPackage());
        assertEquals(4, result.errors().get(0).line(), result.errors()::toString);
    }

    @Test
    void reportsErrorsWithFileLineTheCodeAndACaret() throws IOException {
        Path q1 = write("Q1.java", "package hw5;\npublic final class Q1 {\n  static int f() { return undefinedName; }\n}\n");
        CompileResult result = compiler.compile(q1, List.of(q1), p -> "src/" + p.getFileName());
        assertFalse(result.succeeded());
        CompilerMessage error = result.errors().get(0);
        assertEquals("src/Q1.java", error.file());
        assertEquals(3, error.line());
        String rendered = error.render();
        assertTrue(rendered.startsWith("src/Q1.java:3: error: cannot find symbol"), rendered);
        assertTrue(rendered.contains("  static int f() { return undefinedName; }\n" + " ".repeat(26) + "^\n  symbol:"), rendered);
    }
}
