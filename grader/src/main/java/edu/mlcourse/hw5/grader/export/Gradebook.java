package edu.mlcourse.hw5.grader.export;

import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.batch.SubmissionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A batch's grades matched to the roster's students: for each student, their submission and
 * whether its total goes to the LMS. A total is withheld (its cell left empty, which Canvas reads
 * as "no change") for a student without a submission, for a submission without a grade (the
 * grader failed on it, or its results are damaged), and, unless asked, for a submission whose Q2
 * is unverified (scored from a predictions file alone).
 *
 * @param students one entry per roster student, in roster order
 * @param unmatched submissions of the batch that no roster student owns, by id
 * @param pointsPossible the most a submission can get (the largest maximum among the graded)
 */
public record Gradebook(List<Entry> students, List<String> unmatched, double pointsPossible) {
    public Gradebook {
        students = List.copyOf(students);
        unmatched = List.copyOf(unmatched);
    }

    /** What happens to a student's grade. */
    public enum Status {
        EXPORTED("exported"),
        EXPORTED_UNVERIFIED("exported, though Q2 is unverified (--allow-unverified)"),
        UNVERIFIED("withheld: Q2 is unverified (scored from a predictions file alone); check it, or export with"
                + " --allow-unverified"),
        NOT_GRADED("withheld: the submission has no grade (the grader failed on it, or its results are damaged);"
                + " grade it again with `grader batch`"),
        NO_SUBMISSION("withheld: no submission in the batch");

        private final String meaning;

        Status(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }

        public boolean exported() {
            return this == EXPORTED || this == EXPORTED_UNVERIFIED;
        }
    }

    /**
     * A roster student and their grade.
     *
     * @param submission the batch submission that is theirs, if any
     * @param record its grade, if it has one
     */
    public record Entry(Roster.Student student, Optional<String> submission, Optional<SubmissionRecord> record,
                        Status status) {
        /** The total that goes to the LMS, if it is exported. */
        public Optional<Double> total() {
            return status.exported() ? record.map(r -> r.total().points()) : Optional.empty();
        }
    }

    /** @param allowUnverified whether a total whose Q2 is unverified is exported */
    public static Gradebook of(ResultStore.Contents contents, Roster roster, boolean allowUnverified) {
        List<String> ids = new ArrayList<>();
        contents.graded().forEach(g -> ids.add(g.id()));
        contents.ungraded().forEach(u -> ids.add(u.id()));
        List<String> owned = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Roster.Student student : roster.students()) {
            Optional<String> id = ids.stream().filter(student::owns)
                    .min(Comparator.comparing((String i) -> !i.equals(student.folder())));
            id.ifPresent(owned::add);
            Optional<SubmissionRecord> record = id.flatMap(i -> contents.graded().stream()
                    .filter(g -> g.id().equals(i)).findFirst().map(ResultStore.Graded::record));
            Status status = id.isEmpty() ? Status.NO_SUBMISSION : record.isEmpty() ? Status.NOT_GRADED
                    : record.get().q2Verified() ? Status.EXPORTED
                    : allowUnverified ? Status.EXPORTED_UNVERIFIED : Status.UNVERIFIED;
            entries.add(new Entry(student, id, record, status));
        }
        List<String> unmatched = ids.stream().filter(i -> !owned.contains(i)).sorted().toList();
        double possible = contents.graded().stream().mapToDouble(g -> g.record().total().max()).max().orElse(0);
        return new Gradebook(entries, unmatched, possible);
    }
}
