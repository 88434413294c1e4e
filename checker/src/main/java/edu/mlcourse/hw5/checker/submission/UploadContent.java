package edu.mlcourse.hw5.checker.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A candidate file's text as the comparison of copies sees it: a byte-order mark and Windows or old
 * Mac line endings are not differences. {@code check.py}'s {@code upload_lines} is its twin.
 */
final class UploadContent {
    private static final int SHOWN = 60;

    private UploadContent() {
    }

    /** Where two copies first differ, 1-based; a missing line is empty and {@code ended} says which file ended. */
    record Difference(int line, String first, String other, boolean firstEnded, boolean otherEnded) {
        String describe(String firstName) {
            if (otherEnded) {
                return "ends after line " + (line - 1) + ", where " + firstName + " goes on";
            }
            if (firstEnded) {
                return "goes on after line " + (line - 1) + ", where " + firstName + " ends";
            }
            return "first differs at line " + line + ": `" + shown(other) + "` here, `" + shown(first) + "` in " + firstName;
        }
    }

    static List<String> lines(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            text = text.replace("\r\n", "\n").replace('\r', '\n');
            while (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            return Arrays.asList(text.split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Optional<Difference> firstDifference(List<String> first, List<String> other) {
        int common = Math.min(first.size(), other.size());
        for (int i = 0; i < common; i++) {
            if (!first.get(i).stripTrailing().equals(other.get(i).stripTrailing())) {
                return Optional.of(new Difference(i + 1, first.get(i), other.get(i), false, false));
            }
        }
        if (first.size() == other.size()) {
            return Optional.empty();
        }
        return Optional.of(new Difference(common + 1, "", "", first.size() == common, other.size() == common));
    }

    private static String shown(String line) {
        String text = line.strip();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 3) + "...";
    }
}
