package edu.mlcourse.hw5.grader.export;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.batch.SubmissionRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two files {@code grader export} writes from a {@link Gradebook}.
 *
 * <p>Canvas's gradebook import: a header row {@code Student,ID,SIS User ID,SIS Login ID,Section,<assignment>},
 * then a row whose first cell is {@code "    Points Possible"} (four leading spaces) with the
 * assignment's points under its column, then a row per student. Canvas matches a student by
 * {@code SIS User ID} (the roster's student id) or {@code ID} (Canvas's user id, when the roster
 * has it); an empty grade cell changes nothing in Canvas, which is how a total is withheld.
 *
 * <p>The plain CSV: a row per roster student with their id, name, submission, total, each Q1
 * function's points, Q1's and Q2's, Q2 verified, and what was done with the grade.
 */
public final class GradebookCsv {
    /** Canvas's first columns, in its order. */
    public static final List<String> CANVAS_COLUMNS = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");
    /** The first cell of Canvas's second row. */
    public static final String POINTS_POSSIBLE = "    Points Possible";

    private GradebookCsv() {
    }

    /** @param assignment the assignment's column as Canvas names it, e.g. {@code HW5 (12345)} */
    public static String canvas(Gradebook gradebook, String assignment) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(CANVAS_COLUMNS);
        header.add(assignment);
        Csv.row(csv, header);
        Csv.row(csv, List.of(POINTS_POSSIBLE, "", "", "", "", number(gradebook.pointsPossible())));
        for (Gradebook.Entry entry : gradebook.students()) {
            Roster.Student student = entry.student();
            Csv.row(csv, List.of(student.name(), student.canvasId(), student.studentId(), student.loginId(),
                    student.section(), entry.total().map(GradebookCsv::number).orElse("")));
        }
        return csv.toString();
    }

    public static String plain(Gradebook gradebook) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student id", "name", "submission", "total"));
        for (Q1Function function : Q1Function.values()) {
            header.add(function.methodName());
        }
        header.addAll(List.of("Q1", "Q2", "Q2 verified", "status"));
        Csv.row(csv, header);
        for (Gradebook.Entry entry : gradebook.students()) {
            List<String> cells = new ArrayList<>(List.of(entry.student().studentId(), entry.student().name(),
                    entry.submission().orElse(""), entry.total().map(GradebookCsv::number).orElse("")));
            Optional<SubmissionRecord> record = entry.record().filter(r -> entry.status().exported());
            for (Q1Function function : Q1Function.values()) {
                cells.add(record.map(r -> r.functions().get(function.methodName())).map(s -> number(s.points())).orElse(""));
            }
            cells.add(record.map(r -> number(r.q1().points())).orElse(""));
            cells.add(record.map(r -> number(r.q2().points())).orElse(""));
            cells.add(entry.record().flatMap(SubmissionRecord::heldOut).map(h -> h.verified() ? "yes" : "no").orElse(""));
            cells.add(entry.status().meaning());
            Csv.row(csv, cells);
        }
        return csv.toString();
    }

    /** Plain decimal without trailing zeros: {@code 60}, {@code 41.6286}. */
    public static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }
}
