package edu.mlcourse.hw5.grader.python;

import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One q1.py of the Python corpus (src/test/resources/corpus-python): the functions of
 * {@code overrides.py} replace the reference's (a later {@code def} wins in Python), so each entry
 * holds only what it changes. Header lines: {@code # breaks: f, g} ({@code nothing}, or
 * {@code everything} when q1.py cannot be imported), {@code # hint: text}, {@code # note: text},
 * {@code # remove: function} (taken out of the reference), {@code # whole-file: yes} (the entry is
 * all of q1.py). Other files of the entry are copied beside q1.py.
 */
record PythonCorpusEntry(String name, Set<String> breaks, List<String> hints, List<String> notes, Set<String> removes,
                         boolean wholeFile, String source, List<Path> extraFiles) {
    static final Path REFERENCE = Repository.root().resolve("reference-solution/src/main/python/q1.py");

    static List<PythonCorpusEntry> all() {
        try (Stream<Path> folders = Files.list(Path.of("src/test/resources/corpus-python"))) {
            return folders.filter(Files::isDirectory).sorted().map(PythonCorpusEntry::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PythonCorpusEntry read(Path folder) {
        try {
            Path overrides = folder.resolve("overrides.py");
            Set<String> breaks = new TreeSet<>();
            List<String> hints = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Set<String> removes = new TreeSet<>();
            boolean wholeFile = false;
            for (String line : Files.readAllLines(overrides)) {
                if (line.startsWith("# breaks: ")) {
                    for (String f : line.substring("# breaks: ".length()).split(",\\s*")) {
                        if (!f.equals("nothing")) {
                            breaks.add(f.strip());
                        }
                    }
                } else if (line.startsWith("# hint: ")) {
                    hints.add(line.substring("# hint: ".length()));
                } else if (line.startsWith("# note: ")) {
                    notes.add(line.substring("# note: ".length()));
                } else if (line.startsWith("# remove: ")) {
                    removes.add(line.substring("# remove: ".length()).strip());
                } else if (line.equals("# whole-file: yes")) {
                    wholeFile = true;
                }
            }
            List<Path> extras;
            try (Stream<Path> files = Files.list(folder)) {
                extras = files.filter(f -> !f.equals(overrides)).sorted().toList();
            }
            return new PythonCorpusEntry(folder.getFileName().toString(), breaks, hints, notes, removes, wholeFile,
                    Files.readString(overrides), extras);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the submission folder: q1.py and the entry's other files. */
    Path materialise(Path target) throws IOException {
        Files.createDirectories(target);
        String q1 = source;
        if (!wholeFile) {
            String reference = Files.readString(REFERENCE);
            for (String removed : removes) {
                // A top-level def and its indented body, up to the next top-level statement.
                reference = Pattern.compile("(?ms)^def " + removed + "\\(.*?(?=^\\S|\\z)").matcher(reference).replaceAll("");
            }
            q1 = reference + "\n\n# The corpus entry's own code.\n" + source;
        }
        Files.writeString(target.resolve("q1.py"), q1);
        for (Path extra : extraFiles) {
            Files.copy(extra, target.resolve(extra.getFileName()));
        }
        return target;
    }

    boolean breaksEverything() {
        return breaks.contains("everything");
    }

    @Override
    public String toString() {
        return name;
    }
}
