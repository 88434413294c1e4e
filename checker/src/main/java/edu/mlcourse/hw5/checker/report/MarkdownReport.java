package edu.mlcourse.hw5.checker.report;

import java.util.Locale;

/** The report as Markdown, for a CI job summary (GitHub's {@code $GITHUB_STEP_SUMMARY}, say). */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(GradeReport report, String title) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "### %s: %.2f / %.2f%n%n", title,
                report.score(), report.maxScore()));
        md.append("| | test | points |\n|---|---|---:|\n");
        for (TestResult t : report.tests()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f / %.2f |%n", t.passed() ? "✅" : "❌",
                    t.name().replace("|", "\\|"), t.score(), t.maxScore()));
        }
        for (TestResult t : report.tests()) {
            if (!t.passed()) {
                md.append("\n<details><summary>").append(escape(t.name())).append("</summary>\n\n```text\n")
                        .append(t.output().replace("```", "'''")).append("\n```\n</details>\n");
            }
        }
        if (!report.notes().isEmpty()) {
            md.append("\n**Notes**\n\n");
            report.notes().forEach(n -> md.append("- ").append(n.replace("\n", "\n  ")).append('\n'));
        }
        return md.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
