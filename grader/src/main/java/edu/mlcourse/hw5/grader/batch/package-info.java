/**
 * Grading a folder of submissions: scanning, grading in parallel, storing each result atomically so a
 * run can resume. Grades and stores only; the class page ({@code insights.pages}) reads what it stores.
 */
package edu.mlcourse.hw5.grader.batch;
