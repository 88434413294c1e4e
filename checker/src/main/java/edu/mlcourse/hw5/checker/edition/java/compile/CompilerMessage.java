package edu.mlcourse.hw5.checker.edition.java.compile;

/**
 * One message of the Java compiler, located in the student's file.
 *
 * @param file path relative to the submission, e.g. {@code src/main/java/hw5/Q1.java}
 * @param line 1-based, or 0 when the message has no position
 * @param column 1-based, or 0
 * @param kind {@code error} or {@code warning}
 * @param message javac's text
 * @param sourceLine the offending line of code, or empty
 */
public record CompilerMessage(String file, long line, long column, String kind, String message, String sourceLine) {
    /**
     * Laid out as javac prints it: {@code Q1.java:12: error: ...}, the line of code with a caret
     * under the column, then the rest of the message ({@code symbol: ...}).
     */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        int firstBreak = message.indexOf('\n');
        text.append(": ").append(kind).append(": ").append(firstBreak < 0 ? message : message.substring(0, firstBreak));
        if (!sourceLine.isEmpty()) {
            text.append('\n').append(sourceLine);
            if (column > 0) {
                text.append('\n').append(" ".repeat((int) Math.min(column - 1, 400))).append('^');
            }
        }
        if (firstBreak >= 0) {
            text.append(message.substring(firstBreak));
        }
        return text.toString();
    }
}
