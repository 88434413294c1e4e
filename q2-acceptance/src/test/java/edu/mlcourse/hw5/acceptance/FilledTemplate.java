package edu.mlcourse.hw5.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The student template's q2 sources with the body of each TODO method replaced by a student's
 * code, compiled as the student's Maven would, and loaded.
 */
final class FilledTemplate {
    /** A method whose body is only comments and the TODO throw. */
    private static final Pattern TODO_BODY = Pattern.compile(
            "(static [\\w<>]+ (\\w+)\\([^)]*\\)(?:\\s*throws [\\w, ]+)?\\s*\\{)((?:\\s*//[^\\n]*)*\\s*throw new UnsupportedOperationException\\(\"TODO:[^;]*;)",
            Pattern.DOTALL);

    private FilledTemplate() {
    }

    static Path templateSources() {
        return Path.of(System.getProperty("hw5.repository", "..")).resolve("student-template/q2/src/main/java");
    }

    /**
     * Compiles the template with {@code bodies} ({@code method name → code}) in place of the TODOs;
     * every TODO must get a body.
     */
    static ClassLoader compile(Path work, java.util.Map<String, String> bodies) throws IOException {
        Path sources = work.resolve("src");
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(templateSources())) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path copy = sources.resolve(templateSources().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("Q2.java")) {
                    text = fill(text, bodies);
                }
                Files.writeString(copy, text);
                files.add(copy.toString());
            }
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none", "-nowarn"));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the filled-in template compiles");
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, FilledTemplate.class.getClassLoader());
    }

    private static String fill(String q2, java.util.Map<String, String> bodies) {
        Matcher m = TODO_BODY.matcher(q2);
        StringBuilder out = new StringBuilder();
        List<String> filled = new ArrayList<>();
        while (m.find()) {
            String body = bodies.get(m.group(2));
            if (body == null) {
                throw new AssertionError("no code for the TODO of " + m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "\n" + body));
            filled.add(m.group(2));
        }
        m.appendTail(out);
        assertEquals(bodies.keySet().stream().sorted().toList(), filled.stream().sorted().toList(),
                "the TODO methods of the template's Q2");
        return out.toString();
    }
}
