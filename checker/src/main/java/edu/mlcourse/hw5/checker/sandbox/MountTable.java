package edu.mlcourse.hw5.checker.sandbox;

import java.nio.file.Path;

/** Lines of an fstab(5) file, for {@code mount --all --fstab FILE}: one {@code mount} call for many mounts. */
final class MountTable {
    private final StringBuilder lines = new StringBuilder();

    MountTable add(String source, Path target, String type, String options) {
        lines.append(escape(source)).append(' ').append(escape(target.toString())).append(' ').append(type).append(' ')
                .append(options).append(" 0 0\n");
        return this;
    }

    /** A fresh, empty tmpfs. */
    MountTable tmpfs(String name, Path target, String options) {
        return add(name, target, "tmpfs", options);
    }

    /** {@code source} shown again at {@code target}. */
    MountTable bind(Path source, Path target, String options) {
        return add(source.toString(), target, "none", options);
    }

    String text() {
        return lines.toString();
    }

    /** fstab separates fields by white space; inside a field it is written in octal. */
    static String escape(String field) {
        StringBuilder escaped = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
                escaped.append(String.format("\\%03o", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
