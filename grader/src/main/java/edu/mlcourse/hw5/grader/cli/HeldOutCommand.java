package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.HeldOutSet;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.cli.RegenerationCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grader heldout derive}: make Q2's held-out set from Fashion-MNIST's test set. */
@Command(name = "heldout", mixinStandardHelpOptions = true,
        description = "Instructor tools for Q2's held-out set.", subcommands = HeldOutCommand.Derive.class)
final class HeldOutCommand {

    @Command(name = "derive", mixinStandardHelpOptions = true,
            description = {"Derive the held-out set deterministically: the 10,000 test images in a seeded order.",
                "Writes OUT/public (images, for students) and OUT/hidden (labels, grader only).",
                "With --check, derive into a temporary folder and compare with OUT byte for byte instead."})
    @ExitCodes({ExitCode.OK, ExitCode.DIFFERENCES, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
    static final class Derive implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--dataset", paramLabel = "DIR", description = "Fashion-MNIST folder (default: $"
                + FashionMnist.ENV_VARIABLE + ", else " + FashionMnist.DEBIAN_FOLDER + ").")
        private Path dataset;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "heldout",
                description = "Where to write (default: ${DEFAULT-VALUE}).")
        private Path out;

        @Option(names = "--seed", defaultValue = "" + HeldOutSet.DEFAULT_SEED,
                description = "Seed of the order (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Option(names = "--check", description = "Compare OUT with a fresh derivation; write nothing.")
        private boolean check;

        @Override
        public Integer call() throws IOException {
            FashionMnist source = FashionMnist.locate(Optional.ofNullable(dataset));
            if (!check) {
                HeldOutSet.derive(source, seed, out);
                spec.commandLine().getOut().printf("Wrote %s/%s (students) and %s/%s (grader only) from %s, seed %d.%n",
                        out, HeldOutSet.PUBLIC_FOLDER, out, HeldOutSet.HIDDEN_FOLDER, source.folder(), seed);
                return ExitCode.OK.code();
            }
            return RegenerationCheck.run(folder -> HeldOutSet.derive(source, seed, folder), out, HeldOutSet.FILES,
                    "grader heldout derive --out " + out, spec.commandLine().getOut(), spec.commandLine().getErr()).code();
        }
    }
}
