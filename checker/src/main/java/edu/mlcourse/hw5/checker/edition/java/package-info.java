/**
 * The Java edition: {@code Q1.java} compiled in memory, run in the student JVM, spoken of in Java's
 * terms. Knows nothing of the Python edition.
 */
package edu.mlcourse.hw5.checker.edition.java;
