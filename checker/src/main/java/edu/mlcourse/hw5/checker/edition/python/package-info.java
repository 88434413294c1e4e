/**
 * The Python edition: {@code q1.py} run by the Python worker, spoken of in Python's terms, and Q2's
 * {@code my_model.pt}, evaluated in the sandbox (never in the grader's process). Knows nothing of the Java edition.
 */
package edu.mlcourse.hw5.checker.edition.python;
