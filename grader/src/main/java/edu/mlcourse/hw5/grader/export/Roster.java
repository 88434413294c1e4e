package edu.mlcourse.hw5.grader.export;

import edu.mlcourse.hw5.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The course's roster: a CSV with a header row naming its columns (any order, case and spacing
 * ignored):
 *
 * <ul>
 *   <li>{@code student id} (or {@code sis user id}): the student's id in the LMS, required;</li>
 *   <li>{@code name} (or {@code student}): required;</li>
 *   <li>{@code folder} (or {@code submission}): the student's submission folder (or zip, without
 *       {@code .zip}) in the batch, or their Gradescope submission id, which Gradescope's export
 *       names {@code submission_<id>}; empty for a student who handed nothing in;</li>
 *   <li>optional {@code canvas id} (Canvas's own user id, its {@code ID} column),
 *       {@code sis login id} and {@code section}, copied into Canvas's columns.</li>
 * </ul>
 */
public record Roster(List<Student> students) {
    public Roster {
        students = List.copyOf(students);
    }

    /** A student of the roster; empty strings where the roster has no value. */
    public record Student(String studentId, String name, String folder, String canvasId, String loginId, String section) {
        /** Whether the batch submission {@code id} is this student's: the folder itself, or Gradescope's name for it. */
        public boolean owns(String id) {
            return !folder.isEmpty() && (id.equals(folder) || id.equals("submission_" + folder));
        }
    }

    private static final Map<String, String> COLUMNS = Map.of("studentid", "studentid", "sisuserid", "studentid",
            "name", "name", "student", "name", "folder", "folder", "submission", "folder",
            "gradescopesubmissionid", "folder", "canvasid", "canvasid", "sisloginid", "loginid", "section", "section");

    /** Reads a roster; a file that cannot be used is a {@link UsageException} that says why. */
    public static Roster read(Path file) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException("Cannot read the roster " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException("The roster " + file + " is not a CSV file: " + e.getMessage() + ".");
        }
        if (rows.isEmpty()) {
            throw new UsageException("The roster " + file + " is empty: it needs a header row (student id,name,folder)"
                    + " and a row per student.");
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String key = COLUMNS.get(header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
            if (key != null) {
                index.putIfAbsent(key, i);
            }
        }
        for (String required : List.of("studentid", "name")) {
            if (!index.containsKey(required)) {
                throw new UsageException("The roster " + file + " has no \"" + (required.equals("name") ? "name"
                        : "student id") + "\" column; its header row is: " + String.join(",", header)
                        + ". Give student id,name,folder.");
            }
        }
        List<Student> students = new ArrayList<>();
        Map<String, String> folders = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            Student student = new Student(cell(row, index, "studentid"), cell(row, index, "name"),
                    cell(row, index, "folder"), cell(row, index, "canvasid"), cell(row, index, "loginid"),
                    cell(row, index, "section"));
            if (student.studentId().isEmpty()) {
                throw new UsageException("The roster " + file + " has no student id on line " + (r + 1) + ".");
            }
            if (!student.folder().isEmpty()) {
                String other = folders.putIfAbsent(student.folder(), student.studentId());
                if (other != null) {
                    throw new UsageException("The roster " + file + " gives the folder \"" + student.folder()
                            + "\" to both " + other + " and " + student.studentId() + "; a submission is one student's.");
                }
            }
            students.add(student);
        }
        return new Roster(students);
    }

    private static String cell(List<String> row, Map<String, Integer> index, String column) {
        return Optional.ofNullable(index.get(column)).filter(i -> i < row.size()).map(i -> row.get(i).strip()).orElse("");
    }
}
