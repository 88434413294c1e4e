/** The instructors' {@code grader} commands: options and output; the grader's pipeline is assembled once, in {@code GraderPipeline}. */
package edu.mlcourse.hw5.grader.cli;
