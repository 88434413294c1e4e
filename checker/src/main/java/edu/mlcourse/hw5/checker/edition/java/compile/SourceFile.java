package edu.mlcourse.hw5.checker.edition.java.compile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.SimpleJavaFileObject;

/** A student's source file held in memory, knowing the package it declares. */
final class SourceFile extends SimpleJavaFileObject {
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private final String relativePath;
    private final String content;
    private final String packageName;
    private final String simpleName;

    SourceFile(Path file, String relativePath) throws IOException {
        this(file, relativePath, decode(Files.readAllBytes(file)), null, simpleNameOf(file));
    }

    private SourceFile(Path file, String relativePath, String content, String packageName, String simpleName) {
        super(file.toUri(), Kind.SOURCE);
        this.relativePath = relativePath;
        this.content = content;
        if (packageName == null) {
            Matcher m = PACKAGE.matcher(withoutComments(content));
            this.packageName = m.find() ? m.group(1) : "";
        } else {
            this.packageName = packageName;
        }
        this.simpleName = simpleName;
    }

    private static String simpleNameOf(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.indexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /**
     * This file compiled as {@code packageName.simpleName}, whatever its name and package line say:
     * its package line replaced, or one put before its first line when it has none (line numbers stay).
     */
    SourceFile as(String packageName, String simpleName) {
        String text = content;
        if (!packageName.equals(this.packageName)) {
            Matcher m = PACKAGE.matcher(withoutComments(content));
            text = m.find() ? content.substring(0, m.start(1)) + packageName + content.substring(m.end(1))
                    : "package " + packageName + "; " + content;
        }
        return new SourceFile(Path.of(toUri()), relativePath, text, packageName, simpleName);
    }

    /** The file's name as javac checks it against its public class. */
    @Override
    public boolean isNameCompatible(String simpleName, Kind kind) {
        return kind == Kind.SOURCE && this.simpleName.equals(simpleName);
    }

    /** Comments blanked with spaces, line breaks kept, so offsets are the content's. */
    private static String withoutComments(String content) {
        Matcher m = COMMENTS.matcher(content);
        StringBuilder out = new StringBuilder(content);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n' && out.charAt(i) != '\r') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    /**
     * UTF-8 as asked of students, without a byte-order mark (Windows editors write one; javac
     * refuses it); a file saved as Latin-1 by an old editor is still read.
     */
    private static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return content;
    }

    String relativePath() {
        return relativePath;
    }

    String packageName() {
        return packageName;
    }

    String binaryName() {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /** The given 1-based line of the file, without its line break, or empty. */
    String line(long number) {
        String[] lines = content.split("\\R", -1);
        return number >= 1 && number <= lines.length ? lines[(int) number - 1] : "";
    }
}
