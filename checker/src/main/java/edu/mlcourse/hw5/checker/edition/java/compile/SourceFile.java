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
        super(file.toUri(), Kind.SOURCE);
        this.relativePath = relativePath;
        this.content = decode(Files.readAllBytes(file));
        Matcher m = PACKAGE.matcher(COMMENTS.matcher(content).replaceAll(" "));
        this.packageName = m.find() ? m.group(1) : "";
        String fileName = file.getFileName().toString();
        this.simpleName = fileName.substring(0, fileName.length() - ".java".length());
    }

    /** UTF-8 as asked of students; a file saved as Latin-1 by an old editor is still read. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
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
