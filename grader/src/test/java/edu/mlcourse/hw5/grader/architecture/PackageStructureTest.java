package edu.mlcourse.hw5.grader.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, read from the main sources' {@code package} and {@code import} lines: no
 * module's packages depend on each other in a cycle, the sandbox imports no edition, and every
 * package says what it is for in a {@code package-info.java}.
 */
class PackageStructureTest {
    private static final List<String> MODULES = List.of("contract", "common", "worker", "checker",
            "reference-solution", "grader");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final String CHECKER = "edu.mlcourse.hw5.checker.";

    /** A module's packages, each with the packages of that module it imports. */
    private static Map<String, Set<String>> dependencies(String module) {
        Path sources = Repository.root().resolve(module).resolve("src/main/java");
        Map<String, List<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                List<String> list = imports.computeIfAbsent(pkg.group(1), p -> new ArrayList<>());
                Matcher imported = IMPORT.matcher(text);
                while (imported.find()) {
                    list.add(imported.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        imports.forEach((pkg, names) -> {
            Set<String> targets = new TreeSet<>();
            for (String name : names) {
                packageOf(name, imports.keySet()).filter(p -> !p.equals(pkg)).ifPresent(targets::add);
            }
            graph.put(pkg, targets);
        });
        return graph;
    }

    /** The longest package of the module that an imported name (a type, a nested type, a member) lies in. */
    private static Optional<String> packageOf(String name, Set<String> packages) {
        for (String candidate = name; candidate.contains("."); candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            if (packages.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A cycle through {@code start}, if there is one: the packages in order. */
    private static Optional<List<String>> cycleThrough(String start, Map<String, Set<String>> graph) {
        Deque<List<String>> paths = new ArrayDeque<>(List.of(List.of(start)));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.removeFirst();
            for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return Optional.of(longer);
                }
                if (seen.add(next)) {
                    paths.addLast(longer);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void noModuleHasAPackageCycle() {
        List<String> cycles = new ArrayList<>();
        for (String module : MODULES) {
            Map<String, Set<String>> graph = dependencies(module);
            assertFalse(graph.isEmpty(), module + " has no sources to check");
            graph.keySet().forEach(pkg -> cycleThrough(pkg, graph)
                    .ifPresent(cycle -> cycles.add(module + ": " + String.join(" -> ", cycle))));
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void theSandboxImportsNoEdition() {
        Map<String, Set<String>> graph = dependencies("checker");
        assertTrue(graph.containsKey(CHECKER + "sandbox"));
        assertTrue(graph.keySet().stream().anyMatch(p -> p.startsWith(CHECKER + "edition.")), "editions moved?");
        List<String> wrong = graph.get(CHECKER + "sandbox").stream().filter(p -> p.startsWith(CHECKER + "edition"))
                .toList();
        assertEquals(List.of(), wrong, "the sandbox runs any edition's worker and must name none");
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        List<String> undocumented = new ArrayList<>();
        for (String module : List.of("checker", "grader")) {
            Path sources = Repository.root().resolve(module).resolve("src/main/java");
            dependencies(module).keySet().forEach(pkg -> {
                if (!Files.isRegularFile(sources.resolve(pkg.replace('.', '/')).resolve("package-info.java"))) {
                    undocumented.add(pkg);
                }
            });
        }
        assertEquals(List.of(), undocumented);
    }
}
