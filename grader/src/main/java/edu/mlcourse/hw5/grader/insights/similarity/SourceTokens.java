package edu.mlcourse.hw5.grader.insights.similarity;

import edu.mlcourse.hw5.vectors.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A source file reduced to what survives copying with cosmetic changes: its tokens without
 * comments, whitespace and (in Python) docstrings, every identifier renamed by order of first
 * appearance ({@code v1}, {@code v2}, ...), keywords and literals kept. Two files with the same
 * tokens differ at most in layout, comments and names.
 *
 * <p>A file is also cut into its top-level parts (in Java the members of its classes, in Python
 * the statements at column 0: functions, imports), each normalised on its own, so that a part
 * reads the same in any file that holds it.
 *
 * <p>A small tokenizer of its own rather than a parser: it must accept any file a student hands
 * in, including code that does not compile, and never fail.
 */
final class SourceTokens {
    /** The languages of the graded files, told apart by the file's extension. */
    public enum Language {
        JAVA(Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
                "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
                "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
                "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
                "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
                "var", "record", "yield", "sealed", "permits", "true", "false", "null")),
        PYTHON(Set.of("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
                "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
                "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"));

        private final Set<String> keywords;

        Language(Set<String> keywords) {
            this.keywords = keywords;
        }

        public static Optional<Language> ofFile(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            return name.endsWith(".java") ? Optional.of(JAVA) : name.endsWith(".py") ? Optional.of(PYTHON) : Optional.empty();
        }
    }

    /** How a renamed identifier reads: {@code v} and its number. */
    private static final Pattern RENAMED = Pattern.compile("v\\d+");

    /**
     * A file's normalised tokens and its top-level parts.
     *
     * @param tokens the whole file's
     * @param parts each part's tokens, identifiers renamed within the part
     */
    public record Normalised(List<String> tokens, List<List<String>> parts) {
        public Normalised {
            tokens = List.copyOf(tokens);
            parts = parts.stream().map(List::copyOf).toList();
        }
    }

    private final String source;
    private final Language language;
    private final List<String> tokens = new ArrayList<>();
    /** Where each token starts in the source. */
    private final List<Integer> starts = new ArrayList<>();
    private final Map<String, String> renamed = new HashMap<>();
    private int position;

    private SourceTokens(String source, Language language) {
        this.source = source;
        this.language = language;
    }

    /** The normalised tokens of {@code source}. */
    public static List<String> of(String source, Language language) {
        return normalise(source, language).tokens();
    }

    /** The normalised tokens of {@code source}, and of each of its top-level parts. */
    public static Normalised normalise(String source, Language language) {
        SourceTokens tokenizer = new SourceTokens(source, language);
        tokenizer.run();
        return new Normalised(tokenizer.tokens, tokenizer.parts().stream().map(SourceTokens::renamedWithin).toList());
    }

    /** The file's tokens cut into top-level parts. */
    private List<List<String>> parts() {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (language == Language.PYTHON && atColumnZero(starts.get(i)) && !part.isEmpty()) {
                parts.add(part);
                part = new ArrayList<>();
            }
            part.add(token);
            if (language == Language.JAVA) {
                boolean opensClassBody = token.equals("{") && depth == 0;
                depth += token.equals("{") ? 1 : token.equals("}") ? -1 : 0;
                // A class's header, then each of its members (up to a ';' or the '}' of a body).
                boolean endsMember = depth == 1 && (token.equals(";") || token.equals("}"));
                if (opensClassBody || endsMember || depth <= 0 && token.equals("}")) {
                    parts.add(part);
                    part = new ArrayList<>();
                    depth = Math.max(depth, 0);
                }
            }
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private boolean atColumnZero(int start) {
        return start == 0 || source.charAt(start - 1) == '\n';
    }

    /** A part's tokens with its identifiers renamed again, by first appearance within the part. */
    private static List<String> renamedWithin(List<String> part) {
        Map<String, String> local = new HashMap<>();
        return part.stream().map(t -> RENAMED.matcher(t).matches()
                ? local.computeIfAbsent(t, k -> "v" + (local.size() + 1)) : t).toList();
    }

    /** SHA-256 of the normalised tokens, each prefixed by its length so that no two lists collide. */
    public static String fingerprint(List<String> tokens) {
        StringBuilder text = new StringBuilder();
        tokens.forEach(t -> text.append(t.length()).append(':').append(t));
        return Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void run() {
        while (position < source.length()) {
            char c = source.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (startsComment()) {
                skipComment();
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
                int start = position;
                add(number(), start);
            } else if (Character.isJavaIdentifierStart(c)) {
                identifierOrPrefixedString();
            } else if (c == '"' || c == '\'') {
                string(position);
            } else {
                add(String.valueOf(c), position);
                position++;
            }
        }
    }

    private void add(String token, int start) {
        tokens.add(token);
        starts.add(start);
    }

    private char peek(int ahead) {
        return position + ahead < source.length() ? source.charAt(position + ahead) : '\0';
    }

    private boolean startsComment() {
        char c = source.charAt(position);
        return language == Language.JAVA ? c == '/' && (peek(1) == '/' || peek(1) == '*') : c == '#';
    }

    private void skipComment() {
        if (language == Language.JAVA && peek(1) == '*') {
            int end = source.indexOf("*/", position + 2);
            position = end < 0 ? source.length() : end + 2;
        } else {
            int end = source.indexOf('\n', position);
            position = end < 0 ? source.length() : end;
        }
    }

    private String number() {
        int start = position;
        while (position < source.length()) {
            char c = source.charAt(position);
            boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(source.charAt(position - 1)) >= 0
                    && !source.substring(start, position).toLowerCase(Locale.ROOT).startsWith("0x");
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) {
                break;
            }
            position++;
        }
        return source.substring(start, position);
    }

    private void identifierOrPrefixedString() {
        int start = position;
        while (position < source.length() && Character.isJavaIdentifierPart(source.charAt(position))) {
            position++;
        }
        String word = source.substring(start, position);
        boolean quoteFollows = position < source.length() && (source.charAt(position) == '"' || source.charAt(position) == '\'');
        if (language == Language.PYTHON && quoteFollows && word.length() <= 2 && word.toLowerCase(Locale.ROOT).matches("[rbuf]+")) {
            string(start);
        } else if (language.keywords.contains(word)) {
            add(word, start);
        } else {
            add(renamed.computeIfAbsent(word, w -> "v" + (renamed.size() + 1)), start);
        }
    }

    /** A string literal from {@code start} (its prefix, if any); {@code position} is at its opening quote. */
    private void string(int start) {
        char quote = source.charAt(position);
        boolean triple = peek(1) == quote && peek(2) == quote;
        boolean raw = language == Language.PYTHON && source.substring(start, position).toLowerCase(Locale.ROOT).contains("r");
        position += triple ? 3 : 1;
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == '\\' && !raw) {
                position += 2;
            } else if (c == quote && (!triple || peek(1) == quote && peek(2) == quote)) {
                position += triple ? 3 : 1;
                break;
            } else if (c == '\n' && !triple) {
                break;
            } else {
                position++;
            }
        }
        position = Math.min(position, source.length());
        if (!isDocstring(start)) {
            add(source.substring(start, position), start);
        }
    }

    /** In Python, a string alone on its line: a docstring, or a comment written as a string. */
    private boolean isDocstring(int start) {
        if (language != Language.PYTHON) {
            return false;
        }
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        if (!source.substring(lineStart, start).isBlank()) {
            return false;
        }
        int lineEnd = source.indexOf('\n', position);
        String rest = source.substring(position, lineEnd < 0 ? source.length() : lineEnd).strip();
        return rest.isEmpty() || rest.startsWith("#");
    }
}
