package edu.mlcourse.hw5.grader.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One submission of the corpus: methods that replace the reference's (so each entry holds only
 * what it changes), what it should break, and the feedback it should get. Header lines of
 * {@code methods.java}: {@code // breaks: f, g} (or {@code nothing}), {@code // hint: text},
 * {@code // note: text}, {@code // remove: method}. Other {@code .java} files of the entry are
 * copied into the submission as they are. Snippets may call {@code Q1Reference}, a copy of the
 * reference under another name.
 */
public record CorpusEntry(String name, String description, Set<String> breaks, List<String> hints,
                          List<String> notes, Set<String> removes, String snippet, List<Path> extraFiles) {

    private static final Pattern MEMBER_NAME = Pattern.compile("(\\w+)\\s*\\(");

    public static List<CorpusEntry> all(Path corpus) {
        try (Stream<Path> folders = Files.list(corpus)) {
            return folders.filter(Files::isDirectory).sorted().map(CorpusEntry::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusEntry read(Path folder) {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("methods.java"));
            Set<String> breaks = new TreeSet<>();
            List<String> hints = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Set<String> removes = new TreeSet<>();
            StringBuilder description = new StringBuilder();
            StringBuilder snippet = new StringBuilder();
            for (String line : lines) {
                if (!line.startsWith("//")) {
                    snippet.append(line).append('\n');
                } else if (line.startsWith("// breaks: ")) {
                    for (String f : line.substring("// breaks: ".length()).split(",\\s*")) {
                        if (!f.equals("nothing")) {
                            breaks.add(f.strip());
                        }
                    }
                } else if (line.startsWith("// hint: ")) {
                    hints.add(line.substring("// hint: ".length()));
                } else if (line.startsWith("// note: ")) {
                    notes.add(line.substring("// note: ".length()));
                } else if (line.startsWith("// remove: ")) {
                    removes.add(line.substring("// remove: ".length()).strip());
                } else {
                    description.append(line.substring(2).strip()).append(' ');
                }
            }
            List<Path> extras;
            try (Stream<Path> files = Files.list(folder)) {
                extras = files.filter(f -> !f.getFileName().toString().equals("methods.java")).sorted().toList();
            }
            return new CorpusEntry(folder.getFileName().toString(), description.toString().strip(), breaks, hints,
                    notes, removes, snippet.toString(), extras);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the submission: the patched Q1.java, Q1Reference.java and the extra files. */
    public Path materialise(Path referenceQ1, Path target) throws IOException {
        Files.createDirectories(target);
        String reference = Files.readString(referenceQ1);
        String patched = reference;
        for (String removed : removes) {
            patched = replaceMethod(patched, removed, "");
        }
        for (String member : members(snippet)) {
            Matcher name = MEMBER_NAME.matcher(member.substring(0, member.indexOf('{')));
            if (!name.find()) {
                throw new IllegalArgumentException(this.name + ": cannot name the member " + member);
            }
            patched = replaceMethod(patched, name.group(1), indent(member));
        }
        Files.writeString(target.resolve("Q1.java"), patched);
        Files.writeString(target.resolve("Q1Reference.java"), reference
                .replace("public final class Q1 {", "final class Q1Reference {")
                .replace("private Q1() {", "private Q1Reference() {"));
        for (Path extra : extraFiles) {
            Files.copy(extra, target.resolve(extra.getFileName()));
        }
        return target;
    }

    /** Replaces a method of the class (found by name) with {@code replacement}, or appends it. */
    static String replaceMethod(String source, String method, String replacement) {
        Matcher declaration = Pattern.compile("(?m)^    (?:public |private |static |final )*[\\w\\[\\]<>]+\\s+"
                + Pattern.quote(method) + "\\s*\\(").matcher(source);
        if (!declaration.find()) {
            int end = source.lastIndexOf('}');
            return source.substring(0, end) + "\n" + replacement + "\n}\n";
        }
        int open = source.indexOf('{', declaration.end());
        int close = matchingBrace(source, open);
        return source.substring(0, declaration.start()) + replacement + source.substring(close + 1);
    }

    static List<String> members(String snippet) {
        List<String> members = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                members.add(snippet.substring(start, i + 1).strip());
                start = i + 1;
            }
        }
        return members;
    }

    private static int matchingBrace(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            if (source.charAt(i) == '{') {
                depth++;
            } else if (source.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces");
    }

    private static String indent(String member) {
        return "    " + member.replace("\n", "\n    ");
    }

    @Override
    public String toString() {
        return name;
    }
}
