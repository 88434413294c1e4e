/**
 * Grades out to the LMS: a batch's totals matched to students through a roster, written as the CSV
 * Canvas's gradebook imports and as a plain CSV. Reads the batch's store only; never grades.
 */
package edu.mlcourse.hw5.grader.export;
