/** {@code hw5-check}, the students' {@code ./check}: reads its options and prints; the pipeline it runs is assembled in {@code grading}. */
package edu.mlcourse.hw5.checker.cli;
