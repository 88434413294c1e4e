/**
 * The grading pipeline: which edition a submission is, its parts (Q1, and what the caller adds) and the
 * report. {@link edu.mlcourse.hw5.checker.grading.GradingPipelineBuilder} is the one place a pipeline is
 * assembled; a part never stops the others, and a grader failure is never a score.
 */
package edu.mlcourse.hw5.checker.grading;
