package edu.mlcourse.hw5.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canvas's documented gradebook import format, as a check: a header row
 * {@code Student,ID,SIS User ID,SIS Login ID,Section,<assignment>}, a second row whose first cell
 * is {@code "    Points Possible"} with the assignment's points under its column, then a row per
 * student that Canvas can match ({@code SIS User ID} or {@code ID}), every row as wide as the
 * header, every grade empty or a number. Parsed independently of {@link GradebookCsv}'s writer.
 */
public final class CanvasFormat {
    private CanvasFormat() {
    }

    /** Checks {@code csv} against the format; returns each student's grade cell by SIS User ID. */
    public static Map<String, String> check(String csv, String assignment, double pointsPossible) {
        assertTrue(csv.endsWith("\r\n") || csv.endsWith("\n"), "ends with a line break");
        List<List<String>> rows = Csv.parse(csv);
        assertTrue(rows.size() >= 2, "a header row and a Points Possible row at least");
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment), rows.get(0));
        List<String> points = rows.get(1);
        assertEquals("    Points Possible", points.get(0), "the second row is Points Possible, with its four leading spaces");
        assertEquals(pointsPossible, Double.parseDouble(points.get(5)), 1e-9);
        Map<String, String> grades = new TreeMap<>();
        for (List<String> row : rows.subList(2, rows.size())) {
            assertEquals(6, row.size(), () -> "a row as wide as the header: " + row);
            assertFalse(row.get(0).isBlank(), () -> "a student's name: " + row);
            assertTrue(!row.get(1).isBlank() || !row.get(2).isBlank(), () -> "Canvas matches by ID or SIS User ID: " + row);
            String grade = row.get(5);
            assertTrue(grade.isEmpty() || grade.matches("\\d+(\\.\\d+)?"), () -> "a grade is empty or a number: " + row);
            grades.put(row.get(2), grade);
        }
        return grades;
    }
}
