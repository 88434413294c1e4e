/**
 * Grade changes: what each regrade changed in a submission's scores, and why (resubmitted, the
 * rubric, the data or the grader changed), from the results the batch keeps in each history.
 */
package edu.mlcourse.hw5.grader.insights.changes;
