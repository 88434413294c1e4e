package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line main builds: only the subcommand called, and every one where help or a typo needs them. */
class GraderCommandTest {
    private static Set<String> subcommands(String... args) {
        return GraderCommand.commandLine(args).getSubcommands().keySet();
    }

    @Test
    void aCalledSubcommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("grade"), subcommands("grade", "submission", "--format", "none"));
        assertEquals(Set.of("batch"), subcommands("batch", "folder"));
        assertEquals(Set.of("rubric"), subcommands("rubric"));
    }

    @Test
    void helpNoArgumentsAndUnknownNamesGetEverySubcommand() {
        Set<String> all = GraderCommand.commandLine().getSubcommands().keySet();
        assertEquals(GraderCommand.SUBCOMMANDS.size(), all.size());
        assertEquals(all, subcommands());
        assertEquals(all, subcommands("--help"));
        assertEquals(all, subcommands("help", "grade"));
        assertEquals(all, subcommands("grad", "submission"));
    }

    @Test
    void helpForASubcommandAndATypoReadAsWithTheFullCommandLine() {
        for (List<String> args : List.of(List.of("help", "batch"), List.of("grad", "x"), List.of("grade", "--help"))) {
            String[] array = args.toArray(String[]::new);
            assertEquals(run(GraderCommand.commandLine(), array), run(GraderCommand.commandLine(array), array),
                    String.join(" ", args));
        }
        assertTrue(run(GraderCommand.commandLine(new String[] {"grad"}), new String[] {"grad"}).contains("grade"));
    }

    private static String run(CommandLine commandLine, String[] args) {
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
        int code = commandLine.execute(args);
        return code + "\n" + out;
    }
}
