package edu.mlcourse.hw5.reference.cli;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.reference.vectors.VectorGenerator;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.cli.RegenerationCheck;
import edu.mlcourse.hw5.vectors.Manifest;
import edu.mlcourse.hw5.vectors.VectorSet;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import edu.mlcourse.hw5.vectors.VectorSetWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the public and hidden vector sets, or with {@code --check} proves that the folder holds
 * exactly what the generator makes from the recorded seeds.
 */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = {"Generate the JSON test vectors (public and hidden sets) from two seeds.",
            "With --check, regenerate into a temporary folder and compare byte for byte instead."})
@ExitCodes({ExitCode.OK, ExitCode.DIFFERENCES, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
final class VectorsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", defaultValue = "test-vectors",
            description = "Folder that receives public/ and hidden/ (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--public-seed", defaultValue = "" + VectorGenerator.DEFAULT_PUBLIC_SEED,
            description = "Seed of the public set (default: ${DEFAULT-VALUE}).")
    private long publicSeed;

    @Option(names = "--hidden-seed", defaultValue = "" + VectorGenerator.DEFAULT_HIDDEN_SEED,
            description = "Seed of the hidden set (default: ${DEFAULT-VALUE}).")
    private long hiddenSeed;

    @Option(names = "--check", description = "Verify the folder against a fresh generation; write nothing.")
    private boolean check;

    @Override
    public Integer call() throws IOException {
        if (publicSeed == hiddenSeed) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--public-seed and --hidden-seed must differ, or the hidden set would equal the public one");
        }
        if (!check) {
            writeBoth(out);
            spec.commandLine().getOut().printf("Wrote %s/public and %s/hidden (generator %s, seeds %d and %d).%n",
                    out, out, VectorGenerator.VERSION, publicSeed, hiddenSeed);
            return ExitCode.OK.code();
        }
        ExitCode checked = RegenerationCheck.run(this::writeBoth, out, setFiles(), "vectors --out " + out,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        if (checked == ExitCode.OK) {
            // Byte-identical files also pass the reader's own checks: manifest, checksums, shapes.
            VectorSetReader.read(out.resolve("public"));
            VectorSetReader.read(out.resolve("hidden"));
            spec.commandLine().getOut().println("Checksums verified.");
        }
        return checked.code();
    }

    private void writeBoth(Path folder) {
        write(folder.resolve("public"), "public", publicSeed);
        write(folder.resolve("hidden"), "hidden", hiddenSeed);
    }

    /** Every file of both sets, as paths relative to the folder that holds them. */
    private static List<String> setFiles() {
        List<String> files = new ArrayList<>();
        for (String set : List.of("public", "hidden")) {
            for (Q1Function function : Q1Function.values()) {
                files.add(set + "/" + VectorSet.fileName(function));
            }
            files.add(set + "/" + Manifest.FILE_NAME);
        }
        return files;
    }

    private static void write(Path folder, String set, long seed) {
        VectorSetWriter.write(folder, set, VectorGenerator.VERSION, seed, VectorGenerator.generate(seed));
    }
}
