package edu.mlcourse.hw5.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * What makes a command's --help read well in an 80-column terminal, for the tests of each tool:
 * the descriptions are written as lines that fit, so that picocli never has to wrap them (it
 * breaks at dots, inside file names), nothing in the rendered help is wider than 80 columns, and a
 * subcommand's first description line, all its parent's help shows of it, is a whole sentence.
 */
public final class HelpText {
    public static final int WIDTH = 80;
    /**
     * A file name cut at its dot: "summary." at a line's end, "md" at the start of the next line,
     * which continues the paragraph (not indented) or a column (deeply indented); a new entry of a
     * list ("  help  Display help ...") is not a continuation.
     */
    private static final Pattern CUT_NAME = Pattern.compile("\\w\\.\\n(?: {6,})?[a-z]{1,4}\\b");

    private HelpText() {
    }

    /** Every problem with the help of {@code root} and its subcommands, one line each; empty when none. */
    public static List<String> problems(CommandLine root) {
        List<String> problems = new ArrayList<>();
        collect(root, problems);
        return problems;
    }

    private static void collect(CommandLine command, List<String> problems) {
        String name = command.getCommandSpec().qualifiedName();
        command.getCommandSpec().usageMessage().width(WIDTH);
        for (String line : command.getCommandSpec().usageMessage().description()) {
            if (line.length() > WIDTH) {
                problems.add(name + ": a description line is wider than " + WIDTH + " columns: " + line);
            }
        }
        String[] description = command.getCommandSpec().usageMessage().description();
        if (command.getParent() != null && description.length > 0 && !description[0].strip().endsWith(".")) {
            // The parent's list of commands shows only this line: a sentence cut short there reads as a bug.
            problems.add(name + ": the first description line, which `" + command.getParent().getCommandSpec().qualifiedName()
                    + " --help` lists alone, is not a whole sentence: " + description[0]);
        }
        String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        help.lines().filter(l -> l.length() > WIDTH)
                .forEach(l -> problems.add(name + ": a help line is wider than " + WIDTH + " columns: " + l));
        var cut = CUT_NAME.matcher(help);
        while (cut.find()) {
            problems.add(name + ": a name is cut at its dot: " + cut.group().replace("\n", "⏎"));
        }
        command.getSubcommands().values().stream().filter(c -> !(c.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> collect(sub, problems));
    }
}
