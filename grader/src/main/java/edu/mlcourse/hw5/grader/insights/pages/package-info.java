/**
 * The class page and the batch's own files: {@code summary.html}, {@code summary.md}, {@code scores.csv}
 * and each submission's {@code results.html}, filled from the insights. Only reads the store; never grades.
 */
package edu.mlcourse.hw5.grader.insights.pages;
