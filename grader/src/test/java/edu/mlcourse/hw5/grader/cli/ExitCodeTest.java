package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.checker.cli.CheckCommand;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One set of exit codes, listed by every command's --help and used by the shell scripts as listed. */
class ExitCodeTest {
    private static List<CommandLine> everyCommand(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().stream().filter(c -> !(c.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> all.addAll(everyCommand(sub)));
        return all;
    }

    @Test
    void everyCommandListsItsExitCodesWithTheirMeaningInItsHelp() {
        List<CommandLine> commands = everyCommand(GraderCommand.commandLine());
        commands.add(CheckCommand.commandLine());
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            ExitCodes declared = command.getCommand().getClass().getAnnotation(ExitCodes.class);
            if (declared == null) {
                // A command that only groups subcommands (`grader package`) runs nothing itself.
                assertFalse(command.getSubcommands().isEmpty(), name + " declares no @ExitCodes");
                continue;
            }
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertTrue(help.contains("Exit codes:"), name + ":\n" + help);
            for (ExitCode code : declared.value()) {
                String first = code.meaning().split(" ")[0];
                assertTrue(Pattern.compile("(?m)^\\s+" + code.code() + "\\s+" + Pattern.quote(first)).matcher(help).find(),
                        () -> name + " should list " + code + ":\n" + help);
            }
        }
    }

    @Test
    void runAutograderUsesTheCodesAsTheGraderDefinesThem() throws IOException {
        String script = Files.readString(Repository.root().resolve("gradescope/run_autograder"));
        Matcher constant = Pattern.compile("(?m)^([A-Z_]+)=(\\d+)\\s").matcher(script);
        int found = 0;
        while (constant.find()) {
            assertEquals(ExitCode.valueOf(constant.group(1)).code(), Integer.parseInt(constant.group(2)), constant.group());
            found++;
        }
        assertTrue(found >= 2, "run_autograder names the codes it handles:\n" + script);
        assertFalse(script.matches("(?s).*\\$status -eq [0-9].*"), "compare with the named codes, not numbers");
    }

    @Test
    void heldoutCheckReportsDifferencesWithTheirOwnCode(@TempDir Path dir) throws IOException {
        assumeTrue(FashionMnist.isAvailable(), "needs Fashion-MNIST (apt-get install dataset-fashion-mnist)");
        Path copy = dir.resolve("heldout");
        for (String file : HeldOutSet.FILES) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(Repository.root().resolve("heldout").resolve(file), copy.resolve(file));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine grader = GraderCommand.commandLine();
        grader.setOut(new PrintWriter(out, true));
        grader.setErr(new PrintWriter(err, true));
        assertEquals(ExitCode.OK.code(), grader.execute("heldout", "derive", "--check", "--out", copy.toString()),
                err::toString);

        Path labels = copy.resolve(HeldOutSet.HIDDEN_FOLDER).resolve(HeldOutSet.LABELS_FILE);
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length - 1] ^= 1;
        Files.write(labels, bytes);
        assertEquals(ExitCode.DIFFERENCES.code(), grader.execute("heldout", "derive", "--check", "--out", copy.toString()));
        assertTrue(err.toString().contains("differs: " + labels), err::toString);
        assertTrue(err.toString().contains("run `grader heldout derive --out " + copy + "` to regenerate them"),
                err::toString);
    }
}
